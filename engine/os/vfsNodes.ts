// The inodes of the simulated file system: directories, regular files held in memory,
// character devices (/dev/null, /dev/zero, /dev/urandom) and the generated files of /proc.
// Nothing here touches the host's files.
import { Errno, fail } from './vfsErrors.js';

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFREG = 0o100000;

/** Where a node's timestamps come from, in nanoseconds (the session binds the machine clock). */
export const vfsClock = { nowNs: (): bigint => 0n };

let nextIno = 2;

/** The fields of struct stat every node has. */
export abstract class Inode {
  readonly ino = nextIno++;
  nlink = 1;
  uid = 0;
  gid = 0;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  constructor(public mode: number) {
    const now = vfsClock.nowNs();
    this.atimeNs = now;
    this.mtimeNs = now;
    this.ctimeNs = now;
  }
  abstract readonly kind: 'dir' | 'file' | 'device' | 'generated';
  abstract size(): number;
  /** st_rdev: the device number of a character device, 0 otherwise. */
  rdev(): number {
    return 0;
  }
  touch(): void {
    const now = vfsClock.nowNs();
    this.mtimeNs = now;
    this.ctimeNs = now;
  }
}

/** A directory: its entries by name, and "..". Dynamic directories (/proc) override the lookups. */
export class DirNode extends Inode {
  readonly kind = 'dir';
  readonly entries = new Map<string, Inode>();
  parent: DirNode;
  constructor(mode: number, parent: DirNode | null) {
    super(S_IFDIR | mode);
    this.parent = parent ?? this;
    this.nlink = 2;
  }
  size(): number {
    return 4096;
  }
  lookup(name: string): Inode | null {
    return this.entries.get(name) ?? null;
  }
  names(): string[] {
    return [...this.entries.keys()];
  }
  /** Whether programs may create or remove entries here. */
  writable(): boolean {
    return true;
  }
  link(name: string, node: Inode): void {
    if (!this.writable()) fail(Errno.EACCES);
    this.entries.set(name, node);
    if (node instanceof DirNode) this.nlink++;
    this.touch();
  }
  unlink(name: string): void {
    if (!this.writable()) fail(Errno.EACCES);
    const node = this.entries.get(name);
    if (!node) return;
    this.entries.delete(name);
    if (node instanceof DirNode) this.nlink--;
    this.touch();
  }
}

/** A regular file: its bytes in a buffer that grows by doubling, `length` of them in use. */
export class FileNode extends Inode {
  readonly kind = 'file';
  /** Shared storage (a SharedArrayBuffer) while a MAP_SHARED mapping views it (stdlib/mmapstore.ts). */
  data: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  length = 0;
  constructor(mode: number) {
    super(S_IFREG | mode);
  }
  size(): number {
    return this.length;
  }
  private reserve(n: number): void {
    if (n <= this.data.length) return;
    const grown = new Uint8Array(Math.max(n, this.data.length * 2, 64));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
  /** pread: up to n bytes from `pos`, a copy. */
  readAt(pos: number, n: number): Uint8Array {
    const end = Math.min(this.length, pos + n);
    return pos >= end ? new Uint8Array(0) : this.data.slice(pos, end);
  }
  /** pwrite: writing past the end fills the gap with zeros, as a sparse file reads. */
  writeAt(pos: number, bytes: Uint8Array): number {
    this.reserve(pos + bytes.length);
    if (pos > this.length) this.data.fill(0, this.length, pos);
    this.data.set(bytes, pos);
    this.length = Math.max(this.length, pos + bytes.length);
    this.touch();
    return bytes.length;
  }
  truncate(n: number): void {
    this.reserve(n);
    if (n > this.length) this.data.fill(0, this.length, n);
    this.length = n;
    this.touch();
  }
}

/** What a character device does when read or written. */
export interface CharDevice {
  /** (major, minor) as Linux numbers it: null is 1:3, zero 1:5, urandom 1:9. */
  major: number;
  minor: number;
  read(n: number): Uint8Array;
  write(bytes: Uint8Array): number;
}

export class DeviceNode extends Inode {
  readonly kind = 'device';
  constructor(readonly device: CharDevice, mode = 0o666) {
    super(S_IFCHR | mode);
  }
  size(): number {
    return 0;
  }
  override rdev(): number {
    return (this.device.major << 8) | this.device.minor;
  }
}

/** A read-only file whose text is made when it is opened, as /proc's are (their st_size is 0). */
export class GeneratedNode extends Inode {
  readonly kind = 'generated';
  constructor(readonly generate: () => string) {
    super(S_IFREG | 0o444);
  }
  size(): number {
    return 0;
  }
}
