import { describe, expect, it } from 'vitest';
import { Vfs } from '../../engine/os/vfs.js';
import { VfsError, Errno } from '../../engine/os/vfsErrors.js';
import { DirNode, FileNode, S_IFCHR, S_IFDIR } from '../../engine/os/vfsNodes.js';

function errnoOf(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof VfsError) return e.errno;
    throw e;
  }
  throw new Error('no error');
}

describe('the simulated file system', () => {
  it('starts with /tmp, the home directory and the devices', () => {
    const fs = new Vfs(1);
    expect(fs.listdir('/', '/').sort()).toEqual(['dev', 'home', 'proc', 'tmp']);
    expect(fs.lookup('/tmp', '/').mode & 0o7777).toBe(0o1777);
    expect(fs.lookup('/dev/null', '/').mode & S_IFCHR).toBe(S_IFCHR);
    expect(fs.lookup('user', '/home').mode & S_IFDIR).toBe(S_IFDIR);
  });

  it('resolves relative paths, "." and ".." against a working directory', () => {
    const fs = new Vfs(1);
    fs.mkdir('/tmp/a', '/', 0o755);
    fs.mkdir('b', '/tmp/a', 0o755);
    expect(fs.lookup('../a/./b', '/tmp/a')).toBe(fs.lookup('/tmp/a/b', '/'));
    expect(fs.directoryPath('b/..', '/tmp/a')).toBe('/tmp/a');
  });

  it('reports ENOENT, ENOTDIR, EEXIST and ENOTEMPTY where Linux does', () => {
    const fs = new Vfs(1);
    const { dir, name } = fs.lookupParent('/tmp/f', '/');
    fs.createFile(dir, name, 0o644);
    expect(errnoOf(() => fs.lookup('/tmp/missing', '/'))).toBe(Errno.ENOENT);
    expect(errnoOf(() => fs.lookup('/tmp/f/x', '/'))).toBe(Errno.ENOTDIR);
    expect(errnoOf(() => fs.lookup('/tmp/f/', '/'))).toBe(Errno.ENOTDIR);
    expect(errnoOf(() => fs.mkdir('/tmp/f', '/', 0o755))).toBe(Errno.EEXIST);
    fs.mkdir('/tmp/d', '/', 0o755);
    fs.mkdir('/tmp/d/e', '/', 0o755);
    expect(errnoOf(() => fs.rmdir('/tmp/d', '/'))).toBe(Errno.ENOTEMPTY);
    expect(errnoOf(() => fs.unlink('/tmp/d', '/'))).toBe(Errno.EISDIR);
    expect(errnoOf(() => fs.rmdir('/tmp/f', '/'))).toBe(Errno.ENOTDIR);
    expect(errnoOf(() => fs.lookup('', '/'))).toBe(Errno.ENOENT);
  });

  it('keeps directory link counts and renames across directories', () => {
    const fs = new Vfs(1);
    fs.mkdir('/tmp/d', '/', 0o755);
    const tmp = fs.lookup('/tmp', '/') as DirNode;
    const before = tmp.nlink;
    fs.mkdir('/tmp/d2', '/', 0o755);
    expect(tmp.nlink).toBe(before + 1);
    fs.rename('/tmp/d2', '/tmp/d/inner', '/');
    expect(tmp.nlink).toBe(before);
    expect(fs.listdir('/tmp/d', '/')).toEqual(['inner']);
    expect(errnoOf(() => fs.rename('/tmp/d', '/tmp/d/inner/x', '/'))).toBe(Errno.EINVAL);
  });

  it('grows files, reads holes as zeros and truncates', () => {
    const f = new FileNode(0o644);
    f.writeAt(0, new Uint8Array([1, 2, 3]));
    f.writeAt(6, new Uint8Array([9]));
    expect([...f.readAt(0, 100)]).toEqual([1, 2, 3, 0, 0, 0, 9]);
    f.truncate(2);
    expect(f.size()).toBe(2);
    expect([...f.readAt(1, 5)]).toEqual([2]);
  });

  it('gives the same /dev/urandom bytes for the same seed', () => {
    const a = new Vfs(7).random.bytes(16);
    const b = new Vfs(7).random.bytes(16);
    const c = new Vfs(8).random.bytes(16);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });
});
