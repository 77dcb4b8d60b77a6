import { describe, expect, it } from 'vitest';
import { FdTable, O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_WRONLY, SEEK_SET } from '../../engine/os/fdtable.js';
import { HostStreamFile, NodeFile, openPath, runningFiles, startFileSystem, vfs, type HostStreams } from '../../engine/os/files.js';
import { FileNode } from '../../engine/os/vfsNodes.js';
import { Errno, VfsError } from '../../engine/os/vfsErrors.js';

function host(): HostStreams & { out: string[] } {
  const out: string[] = [];
  return { out, write: (_w, t) => void out.push(t), readLine: () => null };
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('descriptor tables', () => {
  it('wires 0, 1 and 2 to the host and allocates the lowest free descriptor', () => {
    const h = host();
    const files = startFileSystem(h, 1, () => 0n);
    expect(files.fds.openFds()).toEqual([0, 1, 2]);
    files.fds.get(1).write(bytes('hi\n'));
    expect(h.out).toEqual(['hi\n']);
    const fd = openPath('/tmp/a', O_WRONLY | O_CREAT, 0o666);
    expect(fd).toBe(3);
    files.fds.close(1);
    expect(openPath('/tmp/a', O_RDONLY, 0)).toBe(1);
  });

  it('shares one open file description between dup and its original', () => {
    const files = startFileSystem(host(), 1, () => 0n);
    const fd = openPath('/tmp/f', O_RDWR | O_CREAT, 0o666);
    files.fds.get(fd).write(bytes('abcdef'));
    const other = files.fds.dup(fd);
    files.fds.get(fd).seek(2, SEEK_SET);
    expect(text(files.fds.get(other).read(2))).toBe('cd');
    expect(text(files.fds.get(fd).read(10))).toBe('ef');
  });

  it('copies at fork: same descriptions, independent tables, release on the last close', () => {
    startFileSystem(host(), 1, () => 0n);
    const parent = runningFiles();
    const fd = openPath('/tmp/f', O_RDWR | O_CREAT, 0o666);
    let released = 0;
    const file = parent.fds.get(fd);
    const release = file.release.bind(file);
    file.release = () => {
      released++;
      release();
    };
    const child = parent.fork();
    expect(child.fds.get(fd)).toBe(file);
    expect(file.refs).toBe(2);
    child.fds.get(fd).write(bytes('xy'));
    expect((file as NodeFile).offset).toBe(2);
    child.fds.close(fd);
    expect(parent.fds.has(fd)).toBe(true);
    expect(released).toBe(0);
    parent.fds.closeAll();
    expect(released).toBe(1);
    expect(child.fds.has(0)).toBe(true);
  });

  it('fails with EBADF on a closed descriptor or the wrong direction', () => {
    const files = startFileSystem(host(), 1, () => 0n);
    const fd = openPath('/tmp/r', O_WRONLY | O_CREAT, 0o666);
    const err = (fn: () => unknown): number => {
      try {
        fn();
        return 0;
      } catch (e) {
        return (e as VfsError).errno;
      }
    };
    expect(err(() => files.fds.get(fd).read(1))).toBe(Errno.EBADF);
    expect(err(() => files.fds.get(99))).toBe(Errno.EBADF);
    expect(err(() => files.fds.get(1).seek(0, SEEK_SET))).toBe(Errno.ESPIPE);
    expect(files.fds.get(0)).toBeInstanceOf(HostStreamFile);
  });

  it('appends at the end whatever the offset, and dup2 replaces a descriptor', () => {
    const files = startFileSystem(host(), 1, () => 0n);
    const a = openPath('/tmp/log', O_WRONLY | O_CREAT | O_APPEND, 0o666);
    const b = openPath('/tmp/log', O_WRONLY, 0);
    files.fds.get(b).write(bytes('0123'));
    files.fds.get(a).write(bytes('X'));
    const node = vfs().lookup('/tmp/log', '/') as FileNode;
    expect(text(node.readAt(0, 10))).toBe('0123X');
    expect(files.fds.dup2(a, 9)).toBe(9);
    expect(new FdTable().openFds()).toEqual([]);
  });
});
