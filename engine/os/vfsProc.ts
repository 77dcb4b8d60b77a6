// /proc: directories made on lookup, whose files are the memory layer's texts of the running
// process (/proc/self/status, statm, smaps_rollup, maps) and of the machine (/proc/meminfo).
import { readProcFile } from '../memory/procFiles.js';
import { running, runningMemory } from '../memory/running.js';
import { DirNode, GeneratedNode, type Inode } from './vfsNodes.js';

const PER_PROCESS = ['maps', 'smaps_rollup', 'statm', 'status'];

function generated(path: string): GeneratedNode {
  return new GeneratedNode(() => readProcFile(path, runningMemory(), running.identity) ?? '');
}

/** /proc/PID (and /proc/self, which names the running process). */
class ProcessDir extends DirNode {
  constructor(private readonly pid: string, parent: DirNode) {
    super(0o555, parent);
  }
  override lookup(name: string): Inode | null {
    return PER_PROCESS.includes(name) ? generated(`/proc/${this.pid}/${name}`) : null;
  }
  override names(): string[] {
    return PER_PROCESS.slice();
  }
  override writable(): boolean {
    return false;
  }
}

export class ProcRoot extends DirNode {
  constructor(parent: DirNode) {
    super(0o555, parent);
  }
  override lookup(name: string): Inode | null {
    if (name === 'meminfo') return generated('/proc/meminfo');
    const other = running.others().some((p) => String(p.identity.pid) === name);
    if (name === 'self' || name === String(running.identity.pid) || other) return new ProcessDir(name, this);
    return null;
  }
  override names(): string[] {
    const pids = [running.identity.pid, ...running.others().map((p) => p.identity.pid)].sort((a, b) => a - b);
    return [...pids.map(String), 'meminfo', 'self'];
  }
  override writable(): boolean {
    return false;
  }
}
