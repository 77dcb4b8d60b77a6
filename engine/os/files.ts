// The file side of a simulated process: its descriptor table, working directory and umask, and
// the system calls that open files of the session's file system onto descriptors.
//
// One Vfs per session; one ProcessFiles per simulated process. A fork gives the child
// `files.fork()` and the process layer calls `setRunningFiles(child)` while the child runs.
import { FdTable, OpenFile, O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
  SEEK_CUR, SEEK_END, SEEK_SET, type StatInfo } from './fdtable.js';
import { HOME, Vfs } from './vfs.js';
import { DeviceNode, DirNode, FileNode, GeneratedNode, vfsClock, type Inode } from './vfsNodes.js';
import { realtimeNs } from './clock.js';
import { Errno, fail } from './vfsErrors.js';
import { engineIO, writeErr, writeOut } from '../vm/io.js';

/** st_dev of every node: one simulated disk. */
const DEVICE = 0x803;

export function statOf(node: Inode): StatInfo {
  return {
    mode: node.mode, ino: node.ino, dev: DEVICE, nlink: node.nlink, uid: node.uid, gid: node.gid,
    size: node.size(), rdev: node.rdev(), atimeNs: node.atimeNs, mtimeNs: node.mtimeNs, ctimeNs: node.ctimeNs,
  };
}

/** A description opened on a node of the file system, with its own offset. */
export class NodeFile extends OpenFile {
  readonly kind = 'node';
  offset = 0;
  /** A /proc file's text, made once when it is opened. */
  private readonly snapshot: Uint8Array | null;

  constructor(readonly node: Inode, flags: number) {
    super(flags);
    this.snapshot = node instanceof GeneratedNode ? new TextEncoder().encode(node.generate()) : null;
  }

  protected override readData(n: number): Uint8Array {
    const node = this.node;
    if (node instanceof DirNode) fail(Errno.EISDIR);
    if (node instanceof DeviceNode) return node.device.read(n);
    const bytes = this.snapshot
      ? this.snapshot.slice(this.offset, this.offset + n)
      : (node as FileNode).readAt(this.offset, n);
    this.offset += bytes.length;
    return bytes;
  }

  protected override writeData(bytes: Uint8Array): number {
    const node = this.node;
    if (node instanceof DeviceNode) return node.device.write(bytes);
    // /proc's generated files have no write operation.
    if (!(node instanceof FileNode)) fail(Errno.EINVAL);
    if (this.flags & O_APPEND) this.offset = node.length;
    const n = node.writeAt(this.offset, bytes);
    this.offset += n;
    return n;
  }

  override seek(offset: number, whence: number): number {
    if (this.node instanceof DeviceNode) return (this.offset = 0);
    let base: number;
    if (whence === SEEK_SET) base = 0;
    else if (whence === SEEK_CUR) base = this.offset;
    else if (whence === SEEK_END) base = this.snapshot ? this.snapshot.length : this.node.size();
    else return fail(Errno.EINVAL);
    if (base + offset < 0) fail(Errno.EINVAL);
    this.offset = base + offset;
    return this.offset;
  }

  override truncate(length: number): void {
    if (!(this.node instanceof FileNode) || !this.writable()) fail(Errno.EINVAL);
    this.node.truncate(length);
  }

  stat(): StatInfo {
    return statOf(this.node);
  }
}

/** The host's stdin, stdout or stderr behind descriptors 0, 1 and 2. */
export interface HostStreams {
  write(which: 'out' | 'err', text: string): void;
  /** One line of input, without its newline; null at end of input. */
  readLine(): string | null;
}

export class HostStreamFile extends OpenFile {
  readonly kind = 'tty';
  private pending = new Uint8Array(0);
  private readonly decoder = new TextDecoder('utf-8');
  private eof = false;

  constructor(private readonly which: 'in' | 'out' | 'err', private readonly host: HostStreams) {
    super(which === 'in' ? O_RDONLY : O_WRONLY);
  }

  protected override readData(n: number): Uint8Array {
    if (!this.pending.length && !this.eof) {
      const line = this.host.readLine();
      if (line === null) this.eof = true;
      else this.pending = new TextEncoder().encode(`${line}\n`);
    }
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(out.length);
    return out;
  }

  protected override writeData(bytes: Uint8Array): number {
    this.host.write(this.which === 'err' ? 'err' : 'out', this.decoder.decode(bytes, { stream: true }));
    return bytes.length;
  }

  override isatty(): boolean {
    return false;
  }

  stat(): StatInfo {
    return { mode: 0o010600, ino: 0, dev: 0, nlink: 1, uid: 0, gid: 0, size: 0, rdev: 0, atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n };
  }
}

/** A process's descriptors, working directory and file-creation mask. */
export class ProcessFiles {
  constructor(readonly fds: FdTable, public cwd: string, public umask = 0o022) {}

  /** The child's copy at fork: shared open file descriptions, its own table. */
  fork(): ProcessFiles {
    return new ProcessFiles(this.fds.fork(), this.cwd, this.umask);
  }
}

/** The session's file system and the running process's files. */
const state = {
  vfs: null as Vfs | null,
  running: null as ProcessFiles | null,
};

/** The seed of /dev/urandom when the session names none. */
const DEFAULT_SEED = 0x5eed;

/** A fresh file system for a new session, with the first process's standard streams. Nodes
 *  take their timestamps from `clock` (the machine's CLOCK_REALTIME in a session). */
export function startFileSystem(host: HostStreams, seed = DEFAULT_SEED, clock: () => bigint = realtimeNs): ProcessFiles {
  vfsClock.nowNs = clock;
  state.vfs = new Vfs(seed);
  const fds = new FdTable();
  fds.install(new HostStreamFile('in', host));
  fds.install(new HostStreamFile('out', host));
  fds.install(new HostStreamFile('err', host));
  state.running = new ProcessFiles(fds, HOME);
  return state.running;
}

export function vfs(): Vfs {
  return state.vfs ?? fail(Errno.EIO);
}

export function runningFiles(): ProcessFiles {
  return state.running ?? fail(Errno.EIO);
}

export function setRunningFiles(files: ProcessFiles): void {
  state.running = files;
}

/** open(2) in the running process: the new descriptor. */
export function openPath(path: string, flags: number, mode: number): number {
  const files = runningFiles();
  const fs = vfs();
  const access = flags & O_ACCMODE;
  const wantsWrite = access === O_WRONLY || access === O_RDWR;
  let node = fs.find(path, files.cwd);
  if (node && (flags & O_CREAT) && (flags & O_EXCL)) fail(Errno.EEXIST);
  if (!node) {
    if (!(flags & O_CREAT)) fail(Errno.ENOENT);
    if (path.endsWith('/')) fail(Errno.EISDIR);
    const { dir, name } = fs.lookupParent(path, files.cwd);
    node = fs.createFile(dir, name, mode & ~files.umask);
  } else {
    if (node instanceof DirNode && (wantsWrite || (flags & O_CREAT))) fail(Errno.EISDIR);
    if ((flags & O_DIRECTORY) && !(node instanceof DirNode)) fail(Errno.ENOTDIR);
    if (node instanceof FileNode && wantsWrite && (flags & O_TRUNC)) node.truncate(0);
  }
  return files.fds.install(new NodeFile(node, flags & ~O_CLOEXEC), 0, (flags & O_CLOEXEC) !== 0);
}

/** Descriptors 0, 1 and 2 of a session: the engine's own standard streams, so os.write(1, ...)
 *  and print() interleave in one buffer. */
export const engineStreams: HostStreams = {
  write: (which, text) => (which === 'out' ? writeOut(text) : writeErr(text)),
  readLine: () => engineIO.input(''),
};
