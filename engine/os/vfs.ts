// The simulated file system: one tree per session, shared by every simulated process as a
// kernel's is. Paths resolve as Linux resolves them (relative to a working directory, "." and
// "..", ENOENT / ENOTDIR / EISDIR where Linux gives them). Symbolic links are not simulated.
//
// The tree a session starts with:
//   /tmp (mode 1777), /home/user (the working directory), /dev/{null,zero,urandom}, /dev/shm, /proc
import { Errno, fail } from './vfsErrors.js';
import { DeviceNode, DirNode, FileNode, type Inode } from './vfsNodes.js';
import { RandomStream, devNull, devZero, urandomDevice } from './vfsDevices.js';
import { ProcRoot } from './vfsProc.js';

export const HOME = '/home/user';

/** A path split into the directory that holds its last component and that component's name. */
export interface ParentAndName {
  dir: DirNode;
  name: string;
}

export class Vfs {
  readonly root = new DirNode(0o755, null);
  /** The session's random stream, behind /dev/urandom and os.urandom. */
  readonly random: RandomStream;

  constructor(seed: number) {
    this.random = new RandomStream(seed);
    const tmp = this.mkdirs('/tmp');
    tmp.mode = (tmp.mode & ~0o7777) | 0o1777;
    this.mkdirs(HOME);
    const dev = this.mkdirs('/dev');
    dev.link('null', new DeviceNode(devNull));
    dev.link('zero', new DeviceNode(devZero));
    dev.link('urandom', new DeviceNode(urandomDevice(this.random)));
    // POSIX shared memory (shm_open) is a tmpfs anyone may write.
    const shm = this.mkdirs('/dev/shm');
    shm.mode = (shm.mode & ~0o7777) | 0o1777;
    this.root.link('proc', new ProcRoot(this.root));
  }

  private mkdirs(path: string): DirNode {
    let dir = this.root;
    for (const name of path.split('/').filter(Boolean)) {
      let next = dir.lookup(name);
      if (!next) {
        next = new DirNode(0o755, dir);
        dir.link(name, next);
      }
      dir = next as DirNode;
    }
    return dir;
  }

  /** The node a path names, following "." and ".." from `cwd` for a relative path. */
  lookup(path: string, cwd: string): Inode {
    const parts = components(path, cwd);
    let node: Inode = this.root;
    for (const name of parts) node = step(node, name);
    if (path.endsWith('/') && !(node instanceof DirNode)) fail(Errno.ENOTDIR);
    return node;
  }

  /** The directory a new or removed entry lives in, and the entry's name. */
  lookupParent(path: string, cwd: string): ParentAndName {
    const parts = components(path, cwd);
    const name = parts.pop();
    let node: Inode = this.root;
    for (const part of parts) node = step(node, part);
    if (!(node instanceof DirNode)) fail(Errno.ENOTDIR);
    return { dir: node, name: name ?? '.' };
  }

  /** The node at `path` or null when only its last component is missing. */
  find(path: string, cwd: string): Inode | null {
    const { dir, name } = this.lookupParent(path, cwd);
    const node = name === '.' ? dir : name === '..' ? dir.parent : dir.lookup(name);
    if (node && path.endsWith('/') && !(node instanceof DirNode)) fail(Errno.ENOTDIR);
    return node;
  }

  mkdir(path: string, cwd: string, mode: number): void {
    const { dir, name } = this.lookupParent(path, cwd);
    if (name === '.' || name === '..' || dir.lookup(name)) fail(Errno.EEXIST);
    dir.link(name, new DirNode(mode & 0o7777, dir));
  }

  /** Creates an empty regular file (open with O_CREAT when the name is free). */
  createFile(dir: DirNode, name: string, mode: number): FileNode {
    const file = new FileNode(mode & 0o7777);
    dir.link(name, file);
    return file;
  }

  rmdir(path: string, cwd: string): void {
    const { dir, name } = this.lookupParent(path, cwd);
    if (name === '.') fail(Errno.EINVAL);
    if (name === '..') fail(Errno.ENOTEMPTY);
    const node = dir.lookup(name);
    if (!node) fail(Errno.ENOENT);
    if (!(node instanceof DirNode)) fail(Errno.ENOTDIR);
    if (node.names().length) fail(Errno.ENOTEMPTY);
    if (node === this.root) fail(Errno.EBUSY);
    dir.unlink(name);
  }

  unlink(path: string, cwd: string): void {
    const { dir, name } = this.lookupParent(path, cwd);
    const node = name === '.' || name === '..' ? dir : dir.lookup(name);
    if (!node) fail(Errno.ENOENT);
    if (node instanceof DirNode) fail(Errno.EISDIR);
    if (path.endsWith('/')) fail(Errno.ENOTDIR);
    node.nlink--;
    dir.unlink(name);
  }

  /** rename(2): replaces a file, or an empty directory by a directory. */
  rename(src: string, dst: string, cwd: string): void {
    const from = this.lookupParent(src, cwd);
    const node = from.dir.lookup(from.name);
    if (!node) fail(Errno.ENOENT);
    const to = this.lookupParent(dst, cwd);
    if (node instanceof DirNode && isWithin(to.dir, node)) fail(Errno.EINVAL);
    const existing = to.dir.lookup(to.name);
    if (existing === node) return;
    if (existing) {
      if (node instanceof DirNode) {
        if (!(existing instanceof DirNode)) fail(Errno.ENOTDIR);
        if (existing.names().length) fail(Errno.ENOTEMPTY);
      } else if (existing instanceof DirNode) {
        fail(Errno.EISDIR);
      }
      to.dir.unlink(to.name);
    }
    from.dir.unlink(from.name);
    to.dir.link(to.name, node);
    if (node instanceof DirNode) node.parent = to.dir;
  }

  listdir(path: string, cwd: string): string[] {
    const node = this.lookup(path, cwd);
    if (!(node instanceof DirNode)) fail(Errno.ENOTDIR);
    return node.names();
  }

  /** The absolute, normalised form of an existing directory's path (chdir's new cwd). */
  directoryPath(path: string, cwd: string): string {
    const node = this.lookup(path, cwd);
    if (!(node instanceof DirNode)) fail(Errno.ENOTDIR);
    return `/${components(path, cwd).reduce<string[]>((acc, c) => {
      if (c === '..') acc.pop();
      else if (c !== '.') acc.push(c);
      return acc;
    }, []).join('/')}`;
  }
}

function components(path: string, cwd: string): string[] {
  if (path === '') fail(Errno.ENOENT);
  if (path.includes('\0')) fail(Errno.EINVAL);
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  return full.split('/').filter(Boolean);
}

function step(node: Inode, name: string): Inode {
  if (!(node instanceof DirNode)) fail(Errno.ENOTDIR);
  if (name === '.') return node;
  if (name === '..') return node.parent;
  if (name.length > 255) fail(Errno.ENAMETOOLONG);
  return node.lookup(name) ?? fail(Errno.ENOENT);
}

function isWithin(dir: DirNode, ancestor: DirNode): boolean {
  for (let d = dir; ; d = d.parent) {
    if (d === ancestor) return true;
    if (d.parent === d) return false;
  }
}
