// The file functions of the posix module (Modules/posixmodule.c): descriptors, paths and
// directories, all on the session's simulated file system and the running process's table.
import { PyObject, decref } from '../../objects/object.js';
import { newStr } from '../../objects/str.js';
import { bytesResult, emptyBytes, newBytes } from '../../objects/bytes.js';
import { newBool, newInt } from '../../objects/int.js';
import { newList } from '../../objects/list.js';
import { newDict, dictSetItem } from '../../objects/dict.js';
import { None } from '../../objects/singletons.js';
import { asIndex, newNone } from '../../objects/abstract.js';
import { unpackArgs, type ParamSpec } from '../../objects/args.js';
import { typeError, valueError, OSError } from '../../objects/exceptions.js';
import { withBytes } from '../../objects/buffer.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import * as fd from '../../os/fdtable.js';
import { NodeFile, openPath, runningFiles, statOf, vfs } from '../../os/files.js';
import { DirNode, FileNode, S_IFMT, S_IFREG } from '../../os/vfsNodes.js';
import { Errno, VfsError, fail, strerror } from '../../os/vfsErrors.js';
import { HOME } from '../../os/vfs.js';
import { fspath, pathArg, releasePath, syscall, type PathArg } from './pathargs.js';
import { newStatResult, statResultType } from './statresult.js';

type Args = (PyObject | undefined)[];

/** A function with Argument Clinic's parameters: `run` gets the values by position. */
function clinic(spec: ParamSpec, run: (a: Args) => PyObject): NativeFunctionDef {
  return { name: spec.fname, code: { kind: 'fastkw', fn: (_m, args, kwnames) => run(unpackArgs(spec, args, kwnames)) } };
}

const table = (): fd.FdTable => runningFiles().fds;
const cwd = (): string => runningFiles().cwd;
const intArg = (o: PyObject | undefined, deflt: number): number => (o === undefined ? deflt : asIndex(o));

/** Runs `fn` on the node a path (or, with allowFd, a descriptor) names. */
function withPath<T>(fname: string, o: PyObject, allowFd: boolean, fn: (p: PathArg) => T): T {
  const p = pathArg(fname, 'path', o, allowFd);
  try {
    return syscall(() => fn(p), p.object);
  } finally {
    releasePath(p);
  }
}

function stat(fname: string) {
  return clinic({ fname, names: ['path', 'dir_fd', 'follow_symlinks'], required: 1, kwOnlyFrom: 1 }, (a) =>
    withPath(fname, a[0]!, fname === 'stat', (p) => newStatResult(p.fd !== null
      ? table().get(p.fd).stat()
      : statOf(vfs().lookup(p.text, cwd())))));
}

/** The name of an entry, as str or as bytes like the path it was listed from. */
function nameObject(name: string, asBytes: boolean): PyObject {
  return asBytes ? newBytes(new TextEncoder().encode(name)) : newStr(name);
}

function listdir(a: Args): PyObject {
  const o = a[0] === undefined || a[0] === None ? null : a[0];
  if (o === null) return newList(syscall(() => vfs().listdir('.', cwd())).map((n) => newStr(n)));
  return withPath('listdir', o, true, (p) => {
    const names = p.fd !== null ? dirOfFd(p.fd).names() : vfs().listdir(p.text, cwd());
    return newList(names.map((n) => nameObject(n, p.bytes)));
  });
}

/** The node an open descriptor is on (EINVAL for a stream that is not on the file system). */
function nodeOfFd(n: number): DirNode | FileNode {
  const file = table().get(n);
  const node = file instanceof NodeFile ? file.node : null;
  return node instanceof DirNode || node instanceof FileNode ? node : fail(Errno.EINVAL);
}

function dirOfFd(n: number): DirNode {
  const node = nodeOfFd(n);
  return node instanceof DirNode ? node : fail(Errno.ENOTDIR);
}

function read(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`read expected 2 arguments, got ${args.length}`);
  const n = asIndex(args[1]!);
  const f = asIndex(args[0]!);
  if (n < 0) return syscall(() => fail(Errno.EINVAL));
  const data = syscall(() => table().get(f).read(n));
  if (data.length === 0) {
    emptyBytes.refcnt++;
    return emptyBytes;
  }
  return newBytes(data);
}

function write(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`write expected 2 arguments, got ${args.length}`);
  const f = asIndex(args[0]!);
  return newInt(withBytes(args[1]!, (bytes) => syscall(() => table().get(f).write(bytes.slice()))));
}

function lseek(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 3) throw typeError(`lseek expected 3 arguments, got ${args.length}`);
  const [f, pos, how] = args.map((x) => asIndex(x));
  return newInt(syscall(() => table().get(f!).seek(pos!, how!)));
}

function urandom(_m: PyObject, size: PyObject): PyObject {
  const n = asIndex(size);
  if (n < 0) throw valueError('negative argument not allowed');
  return bytesResult(vfs().random.bytes(n));
}

function chmod(a: Args): PyObject {
  const mode = asIndex(a[1]!);
  return withPath('chmod', a[0]!, true, (p) => {
    const node = p.fd !== null ? nodeOfFd(p.fd) : vfs().lookup(p.text, cwd());
    node.mode = (node.mode & S_IFMT) | (mode & 0o7777);
    node.ctimeNs = node.mtimeNs;
    return newNone();
  });
}

function access(a: Args): PyObject {
  const mode = asIndex(a[1]!);
  const p = pathArg('access', 'path', a[0]!);
  try {
    const node = vfs().lookup(p.text, cwd());
    // The simulated user is root: only execute permission needs a bit set, for files.
    const execOk = (node.mode & S_IFMT) !== S_IFREG || (node.mode & 0o111) !== 0;
    return newBool(!(mode & 1) || execOk);
  } catch (e) {
    if (e instanceof VfsError) return newBool(false);
    throw e;
  } finally {
    releasePath(p);
  }
}

function truncateFd(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`ftruncate expected 2 arguments, got ${args.length}`);
  const [f, n] = args.map((x) => asIndex(x));
  syscall(() => table().get(f!).truncate(n!));
  return newNone();
}

function truncatePath(a: Args): PyObject {
  const n = asIndex(a[1]!);
  return withPath('truncate', a[0]!, true, (p) => {
    if (p.fd !== null) table().get(p.fd).truncate(n);
    else {
      const node = vfs().lookup(p.text, cwd());
      if (node instanceof DirNode) fail(Errno.EISDIR);
      (node as FileNode).truncate(n);
    }
    return newNone();
  });
}

const fdFunction = (name: string, fn: (n: number) => PyObject): NativeFunctionDef => ({
  name, code: { kind: 'o', fn: (_m, o) => fn(asIndex(o)) },
});

/** posix.environ: bytes to bytes, the simulated session's environment. */
const ENVIRONMENT: Record<string, string> = {
  HOME, LANG: 'C.UTF-8', LOGNAME: 'user', PATH: '/usr/local/bin:/usr/bin:/bin', PWD: HOME, SHELL: '/bin/sh',
  TMPDIR: '/tmp', USER: 'user',
};

function environ(): PyObject {
  const d = newDict();
  const enc = new TextEncoder();
  for (const [k, v] of Object.entries(ENVIRONMENT)) {
    const key = newBytes(enc.encode(k));
    const value = newBytes(enc.encode(v));
    dictSetItem(d, key, value);
    decref(key);
    decref(value);
  }
  return d;
}

export const fileFunctions: NativeFunctionDef[] = [
  clinic({ fname: 'open', names: ['path', 'flags', 'mode', 'dir_fd'], required: 2, kwOnlyFrom: 3 }, (a) => {
    const flags = asIndex(a[1]!);
    const mode = intArg(a[2], 0o777);
    // os.open makes descriptors non-inheritable (PEP 446).
    return withPath('open', a[0]!, false, (p) => newInt(openPath(p.text, flags | fd.O_CLOEXEC, mode)));
  }),
  { name: 'read', code: { kind: 'fast', fn: read } },
  { name: 'write', code: { kind: 'fast', fn: write } },
  { name: 'lseek', code: { kind: 'fast', fn: lseek } },
  clinic({ fname: 'close', names: ['fd'], required: 1 }, (a) => {
    const n = asIndex(a[0]!);
    syscall(() => table().close(n));
    return newNone();
  }),
  clinic({ fname: 'closerange', names: ['fd_low', 'fd_high'], posOnly: 2, required: 2 }, (a) => {
    const [lo, hi] = [asIndex(a[0]!), asIndex(a[1]!)];
    for (const n of table().openFds()) if (n >= lo && n < hi) table().close(n);
    return newNone();
  }),
  fdFunction('dup', (n) => newInt(syscall(() => table().dup(n, true)))),
  clinic({ fname: 'dup2', names: ['fd', 'fd2', 'inheritable'], required: 2 }, (a) =>
    newInt(syscall(() => table().dup2(asIndex(a[0]!), asIndex(a[1]!))))),
  fdFunction('fstat', (n) => newStatResult(syscall(() => table().get(n).stat()))),
  fdFunction('isatty', (n) => newBool(table().has(n) && table().get(n).isatty())),
  fdFunction('fsync', (n) => {
    syscall(() => table().get(n));
    return newNone();
  }),
  fdFunction('get_inheritable', (n) => newBool(!syscall(() => table().isCloseOnExec(n)))),
  { name: 'set_inheritable', code: { kind: 'fast', fn: (_m, args) => {
    syscall(() => table().setCloseOnExec(asIndex(args[0]!), asIndex(args[1]!) === 0));
    return newNone();
  } } },
  fdFunction('device_encoding', () => newNone()),
  { name: 'ftruncate', code: { kind: 'fast', fn: truncateFd } },
  clinic({ fname: 'truncate', names: ['path', 'length'], required: 2 }, truncatePath),
  stat('stat'),
  stat('lstat'),
  clinic({ fname: 'listdir', names: ['path'] }, listdir),
  clinic({ fname: 'mkdir', names: ['path', 'mode', 'dir_fd'], required: 1, kwOnlyFrom: 2 }, (a) =>
    withPath('mkdir', a[0]!, false, (p) => {
      vfs().mkdir(p.text, cwd(), intArg(a[1], 0o777) & ~runningFiles().umask);
      return newNone();
    })),
  clinic({ fname: 'rmdir', names: ['path', 'dir_fd'], required: 1, kwOnlyFrom: 1 }, (a) =>
    withPath('rmdir', a[0]!, false, (p) => {
      vfs().rmdir(p.text, cwd());
      return newNone();
    })),
  ...['remove', 'unlink'].map((fname) => clinic({ fname, names: ['path', 'dir_fd'], required: 1, kwOnlyFrom: 1 }, (a) =>
    withPath(fname, a[0]!, false, (p) => {
      vfs().unlink(p.text, cwd());
      return newNone();
    }))),
  ...['rename', 'replace'].map((fname) => clinic({ fname, names: ['src', 'dst', 'src_dir_fd', 'dst_dir_fd'], required: 2, kwOnlyFrom: 2 }, (a) => {
    const src = pathArg(fname, 'src', a[0]!);
    try {
      const dst = pathArg(fname, 'dst', a[1]!);
      try {
        syscall(() => vfs().rename(src.text, dst.text, cwd()), src.object, dst.object);
      } finally {
        releasePath(dst);
      }
    } finally {
      releasePath(src);
    }
    return newNone();
  })),
  { name: 'getcwd', code: { kind: 'noargs', fn: () => newStr(cwd()) } },
  { name: 'getcwdb', code: { kind: 'noargs', fn: () => newBytes(new TextEncoder().encode(cwd())) } },
  clinic({ fname: 'chdir', names: ['path'], required: 1 }, (a) =>
    withPath('chdir', a[0]!, false, (p) => {
      runningFiles().cwd = vfs().directoryPath(p.text, cwd());
      return newNone();
    })),
  clinic({ fname: 'chmod', names: ['path', 'mode', 'dir_fd', 'follow_symlinks'], required: 2, kwOnlyFrom: 2 }, chmod),
  clinic({ fname: 'access', names: ['path', 'mode', 'dir_fd', 'effective_ids', 'follow_symlinks'], required: 2, kwOnlyFrom: 2 }, access),
  { name: 'urandom', code: { kind: 'o', fn: urandom } },
  { name: 'strerror', code: { kind: 'o', fn: (_m, code) => newStr(strerror(asIndex(code))) } },
  { name: 'umask', code: { kind: 'o', fn: (_m, mask) => {
    const files = runningFiles();
    const old = files.umask;
    files.umask = asIndex(mask) & 0o777;
    return newInt(old);
  } } },
  clinic({ fname: 'fspath', names: ['path'], required: 1 }, (a) => fspath(a[0]!)),
];

/** The module's constants: open flags, lseek whences, access modes, and its types. */
export function fileAttributes(): Record<string, PyObject> {
  const ints: Record<string, number> = {
    O_RDONLY: fd.O_RDONLY, O_WRONLY: fd.O_WRONLY, O_RDWR: fd.O_RDWR, O_ACCMODE: fd.O_ACCMODE, O_CREAT: fd.O_CREAT,
    O_EXCL: fd.O_EXCL, O_NOCTTY: fd.O_NOCTTY, O_TRUNC: fd.O_TRUNC, O_APPEND: fd.O_APPEND, O_NONBLOCK: fd.O_NONBLOCK,
    O_NDELAY: fd.O_NONBLOCK, O_DSYNC: fd.O_DSYNC, O_SYNC: fd.O_SYNC, O_DIRECTORY: fd.O_DIRECTORY,
    O_NOFOLLOW: fd.O_NOFOLLOW, O_CLOEXEC: fd.O_CLOEXEC, SEEK_SET: fd.SEEK_SET, SEEK_CUR: fd.SEEK_CUR,
    SEEK_END: fd.SEEK_END, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  };
  const out: Record<string, PyObject> = {};
  for (const [k, v] of Object.entries(ints)) out[k] = newInt(v);
  statResultType.refcnt++;
  out.stat_result = statResultType;
  OSError.refcnt++;
  out.error = OSError;
  out.environ = environ();
  return out;
}
