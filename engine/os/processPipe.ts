// Pipes between simulated processes (fs/pipe.c), and the descriptor tables each process keeps
// across fork. A pipe is kernel state: one buffer that every process holding one of its ends
// sees, so it lives outside the processes' worlds. A read of an empty pipe whose write end is
// still open somewhere blocks, which lets the other processes run (processSwitch.ts); with every
// write end closed it reads end of file. The buffer has no capacity limit, so a write never
// blocks; a write with every read end closed fails with EPIPE (CPython ignores SIGPIPE).
import { FdTable, OpenFile, O_NONBLOCK, O_RDONLY, O_WRONLY, type StatInfo } from './fdtable.js';
import { ProcessFiles, runningFiles, setRunningFiles } from './files.js';
import { Vfs } from './vfs.js';
import { Errno, fail } from './vfsErrors.js';
import { blockUntil, registerProcessResources } from './processSwitch.js';
import type { SimProcess } from './processTable.js';
import { registerHostClass } from './worldRoots.js';

/** pipefs's inode numbers (what fstat reports as st_ino) start above the disk's. */
let nextPipeIno = 0x10000;

/** S_IFIFO, and the mode fstat reports for a pipe end (pipe(2) gives 0600). */
const PIPE_MODE = 0o010600;

class PipeBuffer {
  readonly ino = nextPipeIno++;
  data = new Uint8Array(0);
  readerOpen = true;
  writerOpen = true;
}

export class PipeEnd extends OpenFile {
  readonly kind = 'pipe';

  constructor(readonly pipe: PipeBuffer, flags: number) {
    super(flags);
  }

  /** pipe_read: what is there, up to n bytes; blocks while the pipe is empty and writable. */
  protected override readData(n: number): Uint8Array {
    const pipe = this.pipe;
    if (n === 0) return new Uint8Array(0);
    if (pipe.data.length === 0 && pipe.writerOpen && (this.flags & O_NONBLOCK)) fail(Errno.EAGAIN);
    blockUntil(() => pipe.data.length > 0 || !pipe.writerOpen);
    const out = pipe.data.slice(0, n);
    pipe.data = pipe.data.slice(out.length);
    return out;
  }

  protected override writeData(bytes: Uint8Array): number {
    const pipe = this.pipe;
    if (!pipe.readerOpen) fail(Errno.EPIPE);
    const grown = new Uint8Array(pipe.data.length + bytes.length);
    grown.set(pipe.data);
    grown.set(bytes, pipe.data.length);
    pipe.data = grown;
    return bytes.length;
  }

  stat(): StatInfo {
    return {
      mode: PIPE_MODE, ino: this.pipe.ino, dev: 0xc, nlink: 1, uid: 0, gid: 0, size: 0, rdev: 0,
      atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n,
    };
  }

  /** The last descriptor on this end closed, in every process. */
  override release(): void {
    if (this.readable()) this.pipe.readerOpen = false;
    else this.pipe.writerOpen = false;
  }
}

/** pipe2(O_CLOEXEC), as os.pipe() calls it: the read and write descriptors, lowest first. */
export function openPipe(): [number, number] {
  const fds = runningFiles().fds;
  const pipe = new PipeBuffer();
  const r = fds.install(new PipeEnd(pipe, O_RDONLY), 0, true);
  const w = fds.install(new PipeEnd(pipe, O_WRONLY), 0, true);
  return [r, w];
}

// Each process's descriptors: the first process's are the session's; a child gets a copy of its
// parent's table sharing the open file descriptions; an exiting process closes all of its own.
const filesOf = new WeakMap<SimProcess, ProcessFiles>();

registerProcessResources({
  fork(parent, child) {
    const mine = filesOf.get(parent) ?? runningFiles();
    filesOf.set(parent, mine);
    filesOf.set(child, mine.fork());
  },
  enter(p) {
    const files = filesOf.get(p);
    if (files) setRunningFiles(files);
  },
  exit(p) {
    filesOf.get(p)?.fds.closeAll();
    filesOf.delete(p);
  },
});

registerHostClass(OpenFile, PipeBuffer, FdTable, ProcessFiles, Vfs);
