// File descriptors as POSIX has them: a process's table maps small integers to *open file
// descriptions* (OpenFile), and one description may sit behind several descriptors and several
// processes at once (dup, fork), sharing its offset and status flags.
//
// Adding a new kind of open file (a pipe end, a socket):
//   extend OpenFile and override what the kind supports: read(n) / write(bytes) (the defaults
//   fail with EBADF for the direction the access mode does not allow, then EINVAL), seek()
//   (default ESPIPE), stat(), isatty(), and release() for what must happen when the last
//   descriptor on it is closed (a pipe's writer going away is its reader's end of file).
//   Then `table.install(new MyFile(...))` returns the lowest free descriptor.
//
// Copying a table at fork:
//   `const childTable = parentTable.fork()` gives the child the same numbers bound to the SAME
//   OpenFile objects (each one's `refs` goes up by one), so parent and child share offsets as
//   POSIX requires; closing a descriptor in one process leaves the other's intact, and an
//   OpenFile is released when the last descriptor on it, in any process, is closed. When a
//   process ends, `table.closeAll()` drops its descriptors.
import { Errno, fail } from './vfsErrors.js';

export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DSYNC = 0o10000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;
export const O_SYNC = 0o4010000;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** What fstat reports of an open file (the fields of struct stat the simulation keeps). */
export interface StatInfo {
  mode: number;
  ino: number;
  dev: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  rdev: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** An open file description (struct file): one per open(), shared by dup and fork. */
export abstract class OpenFile {
  /** How many descriptors, in all processes, refer to this description. */
  refs = 0;
  constructor(public flags: number) {}

  abstract readonly kind: string;

  readable(): boolean {
    return (this.flags & O_ACCMODE) !== O_WRONLY;
  }
  writable(): boolean {
    return (this.flags & O_ACCMODE) !== O_RDONLY;
  }

  read(n: number): Uint8Array {
    if (!this.readable()) fail(Errno.EBADF);
    return this.readData(n);
  }
  write(bytes: Uint8Array): number {
    if (!this.writable()) fail(Errno.EBADF);
    return this.writeData(bytes);
  }
  protected readData(_n: number): Uint8Array {
    return fail(Errno.EINVAL);
  }
  protected writeData(_bytes: Uint8Array): number {
    return fail(Errno.EINVAL);
  }
  /** lseek: the new offset. */
  seek(_offset: number, _whence: number): number {
    return fail(Errno.ESPIPE);
  }
  abstract stat(): StatInfo;
  isatty(): boolean {
    return false;
  }
  truncate(_length: number): void {
    fail(Errno.EINVAL);
  }
  /** Called once, when the last descriptor on this description is closed. */
  release(): void {}
}

/** One process's descriptor table. Descriptors are allocated lowest-first, as POSIX requires. */
export class FdTable {
  private slots: (OpenFile | null)[] = [];
  private cloexec = new Set<number>();
  static readonly MAX_FDS = 1024;

  /** Binds `file` to the lowest free descriptor at or above `lowest`. */
  install(file: OpenFile, lowest = 0, closeOnExec = false): number {
    let fd = lowest;
    while (fd < this.slots.length && this.slots[fd]) fd++;
    if (fd >= FdTable.MAX_FDS) fail(Errno.EMFILE);
    this.slots[fd] = file;
    file.refs++;
    if (closeOnExec) this.cloexec.add(fd);
    return fd;
  }

  get(fd: number): OpenFile {
    return (fd >= 0 && this.slots[fd]) || fail(Errno.EBADF);
  }

  has(fd: number): boolean {
    return fd >= 0 && !!this.slots[fd];
  }

  close(fd: number): void {
    const file = this.get(fd);
    this.slots[fd] = null;
    this.cloexec.delete(fd);
    drop(file);
  }

  /** dup: a new descriptor on the same description. */
  dup(fd: number, closeOnExec = false): number {
    return this.install(this.get(fd), 0, closeOnExec);
  }

  /** dup2: `fd2` made to refer to fd's description, closing what it referred to before. */
  dup2(fd: number, fd2: number): number {
    const file = this.get(fd);
    if (fd2 < 0 || fd2 >= FdTable.MAX_FDS) fail(Errno.EBADF);
    if (fd === fd2) return fd2;
    const old = this.slots[fd2];
    while (this.slots.length < fd2) this.slots.push(null);
    this.slots[fd2] = file;
    file.refs++;
    this.cloexec.delete(fd2);
    if (old) drop(old);
    return fd2;
  }

  isCloseOnExec(fd: number): boolean {
    this.get(fd);
    return this.cloexec.has(fd);
  }

  setCloseOnExec(fd: number, on: boolean): void {
    this.get(fd);
    if (on) this.cloexec.add(fd);
    else this.cloexec.delete(fd);
  }

  /** The open descriptors, ascending (what /proc/self/fd lists). */
  openFds(): number[] {
    const out: number[] = [];
    this.slots.forEach((f, fd) => {
      if (f) out.push(fd);
    });
    return out;
  }

  /** The child's table after fork: same descriptors, same (shared) open file descriptions. */
  fork(): FdTable {
    const child = new FdTable();
    child.slots = this.slots.slice();
    for (const f of child.slots) if (f) f.refs++;
    child.cloexec = new Set(this.cloexec);
    return child;
  }

  /** A process's exit: every descriptor is closed. */
  closeAll(): void {
    for (const fd of this.openFds()) this.close(fd);
  }
}

function drop(file: OpenFile): void {
  file.refs--;
  if (file.refs === 0) file.release();
}
