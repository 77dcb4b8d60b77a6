// The mmap module (Modules/mmapmodule.c, its Unix half): mmap.mmap over anonymous memory or a
// file of the simulated file system, with CPython's access modes, methods, errors and buffer
// protocol. Where the bytes live, and how they are shared across fork, is mmapstore.ts.
import { PyObject, newref } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { clearWeakrefs } from '../objects/weakref.js';
import { None } from '../objects/singletons.js';
import { OSError, OverflowError, bufferError, indexError, pyErr, typeError, valueError } from '../objects/exceptions.js';
import { asIndex } from '../objects/abstract.js';
import { False, True, newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { bytesResult } from '../objects/bytes.js';
import { PySlice, sliceIndicesFor } from '../objects/slice.js';
import { registerBufferProcs, byteView, withBytes } from '../objects/buffer.js';
import { unpackArgs, type ParamSpec } from '../objects/args.js';
import { checkPositional } from '../objects/argcheck.js';
import { O_ACCMODE, O_APPEND, O_RDWR, O_WRONLY } from '../os/fdtable.js';
import { NodeFile, runningFiles, vfs } from '../os/files.js';
import { DirNode, FileNode, type Inode } from '../os/vfsNodes.js';
import { VfsError, strerror } from '../os/vfsErrors.js';
import { osError } from '../os/processSwitch.js';
import type { NativeModuleDef } from './moduledef.js';
import { mapMemory, ownBytes, syncToFile, touchWritten, unmapMemory, type Mapping } from './mmapstore.js';

const PAGESIZE = 4096;
const ACCESS_DEFAULT = 0;
const ACCESS_READ = 1;
const ACCESS_WRITE = 2;
const ACCESS_COPY = 3;
const ACCESS_NAMES = ['ACCESS_DEFAULT', 'ACCESS_READ', 'ACCESS_WRITE', 'ACCESS_COPY'];
const MAP_SHARED = 1;
const MAP_PRIVATE = 2;
const MAP_ANONYMOUS = 0x20;
const PROT_READ = 1;
const PROT_WRITE = 2;
/** sizeof(mmap_object) in CPython 3.11 */
const MMAP_SIZE = 96;

const EBADF = 9;
const EACCES = 13;
const ENODEV = 19;
const EINVAL = 22;
const ENOMEM = 12;

class PyMmap extends PyObject {
  map: Mapping | null = null;
  pos = 0;
  exports = 0;
  /** The descriptor the object keeps (a duplicate of the one it was given), -1 if anonymous. */
  fd = -1;
  access = ACCESS_DEFAULT;
}

function self(o: PyObject): PyMmap {
  return o as PyMmap;
}

const errno = (n: number): PyObject => osError(n, strerror(n));

/** CHECK_VALID: the mapping, or ValueError once closed. */
function valid(o: PyObject): Mapping {
  const m = self(o).map;
  if (!m) throw valueError('mmap closed or invalid');
  return m;
}

/** is_writable */
function writableMap(o: PyObject): Mapping {
  const m = valid(o);
  if (self(o).access === ACCESS_READ) throw typeError("mmap can't modify a readonly memory map.");
  return m;
}

function writeAt(m: Mapping, at: number, data: Uint8Array): void {
  ownBytes(m).set(data, at);
  touchWritten(m, at, data.length);
}

/** Where a node sits in the file system, for /proc/PID/maps (a deleted file shows as such). */
function pathOf(node: Inode): string {
  const walk = (dir: DirNode, prefix: string): string | null => {
    for (const [name, child] of dir.entries) {
      if (child === node) return `${prefix}/${name}`;
      if (child instanceof DirNode && child !== dir && name !== 'proc') {
        const found = walk(child, `${prefix}/${name}`);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(vfs().root, '') ?? '/ (deleted)';
}

const NEW_PARAMS: ParamSpec = { fname: 'mmap', names: ['fileno', 'length', 'flags', 'prot', 'access', 'offset'], required: 2 };

// new_mmap_object (Unix)
function mmapNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const a = unpackArgs(NEW_PARAMS, args, kwnames);
  const fd = asIndex(a[0]!);
  const length = asIndex(a[1]!);
  let flags = a[2] === undefined ? MAP_SHARED : asIndex(a[2]);
  let prot = a[3] === undefined ? PROT_WRITE | PROT_READ : asIndex(a[3]);
  let access = a[4] === undefined ? ACCESS_DEFAULT : asIndex(a[4]);
  const offset = a[5] === undefined ? 0 : asIndex(a[5]);
  if (length < 0) throw pyErr(OverflowError, 'memory mapped length must be positive');
  if (offset < 0) throw pyErr(OverflowError, 'memory mapped offset must be positive');
  if (access !== ACCESS_DEFAULT && (flags !== MAP_SHARED || prot !== (PROT_WRITE | PROT_READ))) {
    throw valueError("mmap can't specify both access and flags, prot.");
  }
  switch (access) {
    case ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
    case ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_COPY: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_DEFAULT:
      if (!(prot & PROT_READ && prot & PROT_WRITE)) access = prot & PROT_WRITE ? ACCESS_WRITE : ACCESS_READ;
      break;
    default:
      throw valueError('mmap invalid access parameter.');
  }
  let size = length;
  let file: FileNode | null = null;
  let dupFd = -1;
  const fds = runningFiles().fds;
  if (fd !== -1) {
    let open;
    try {
      open = fds.get(fd);
    } catch (e) {
      throw e instanceof VfsError ? errno(e.errno) : e;
    }
    const node = open instanceof NodeFile ? open.node : null;
    if (node instanceof FileNode) {
      const st = node.length;
      if (size === 0) {
        if (st === 0) throw valueError('cannot mmap an empty file');
        if (offset >= st) throw valueError('mmap offset is greater than file size');
        size = st - offset;
      } else if (offset > st || st - offset < size) {
        throw valueError('mmap length is greater than file size');
      }
    }
    dupFd = fds.dup(fd, true);
    if (size === 0 || offset % PAGESIZE !== 0) {
      fds.close(dupFd);
      throw errno(EINVAL);
    }
    const mode = open.flags & O_ACCMODE;
    const denied = mode === O_WRONLY || (flags & MAP_SHARED && prot & PROT_WRITE && (mode !== O_RDWR || open.flags & O_APPEND));
    if (!(node instanceof FileNode) || denied) {
      fds.close(dupFd);
      throw errno(node instanceof FileNode ? EACCES : ENODEV);
    }
    file = node;
  } else if (size === 0 || offset % PAGESIZE !== 0) {
    throw errno(EINVAL);
  }
  const shared = (flags & MAP_SHARED) !== 0;
  const name = file ? pathOf(file) : '/dev/zero (deleted)';
  const map = mapMemory(size, shared, file, offset, name);
  if (!map) {
    if (dupFd >= 0) fds.close(dupFd);
    throw errno(ENOMEM);
  }
  const m = new PyMmap(type);
  allocObject(m, type.basicsize);
  m.map = map;
  m.fd = dupFd;
  m.access = access;
  return m;
}

function close(o: PyObject): void {
  const m = self(o);
  if (m.exports > 0) throw bufferError('cannot close exported pointers exist');
  if (m.fd >= 0) {
    runningFiles().fds.close(m.fd);
    m.fd = -1;
  }
  if (m.map) {
    unmapMemory(m.map);
    m.map = null;
  }
}

function read(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('read', args.length, 0, 1);
  const map = valid(o);
  const m = self(o);
  const remaining = Math.max(0, map.bytes.length - m.pos);
  let n = args.length && args[0] !== None ? asIndex(args[0]!) : remaining;
  if (n < 0 || n > remaining) n = remaining;
  const out = map.bytes.slice(m.pos, m.pos + n);
  m.pos += n;
  return bytesResult(out);
}

function readByte(o: PyObject): PyObject {
  const map = valid(o);
  const m = self(o);
  if (m.pos >= map.bytes.length) throw valueError('read byte out of range');
  return newInt(map.bytes[m.pos++]!);
}

function readline(o: PyObject): PyObject {
  const map = valid(o);
  const m = self(o);
  const start = Math.min(m.pos, map.bytes.length);
  const nl = map.bytes.indexOf(0x0a, start);
  const end = nl < 0 ? map.bytes.length : nl + 1;
  m.pos = end;
  return bytesResult(map.bytes.slice(start, end));
}

function write(o: PyObject, data: PyObject): PyObject {
  const map = writableMap(o);
  const m = self(o);
  return withBytes(data, (bytes) => {
    if (m.pos > map.bytes.length || map.bytes.length - m.pos < bytes.length) throw valueError('data out of range');
    writeAt(map, m.pos, bytes);
    m.pos += bytes.length;
    return newInt(bytes.length);
  });
}

function writeByte(o: PyObject, arg: PyObject): PyObject {
  const v = asIndex(arg);
  if (v < 0) throw pyErr(OverflowError, 'unsigned byte integer is less than minimum');
  if (v > 255) throw pyErr(OverflowError, 'unsigned byte integer is greater than maximum');
  const map = writableMap(o);
  const m = self(o);
  if (m.pos >= map.bytes.length) throw valueError('write byte out of range');
  writeAt(map, m.pos++, Uint8Array.of(v));
  return newref(None);
}

function seek(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('seek', args.length, 1, 2);
  const dist = asIndex(args[0]!);
  const how = args.length > 1 ? asIndex(args[1]!) : 0;
  const map = valid(o);
  const m = self(o);
  let where: number;
  if (how === 0) where = dist;
  else if (how === 1) where = m.pos + dist;
  else if (how === 2) where = map.bytes.length + dist;
  else throw valueError('unknown seek type');
  if (where > map.bytes.length || where < 0) throw valueError('seek out of range');
  m.pos = where;
  return newref(None);
}

/** find/rfind's start (from the position by default) and end: negative ones count from the end,
 *  then both are clipped to the mapping. */
function searchBounds(args: PyObject[], pos: number, size: number): [number, number] {
  const bound = (i: number, dflt: number): number => {
    const v = args[i];
    if (v === undefined || v === None) return dflt;
    let n = asIndex(v);
    if (n < 0) n = Math.max(0, n + size);
    return Math.min(n, size);
  };
  return [bound(1, pos), bound(2, size)];
}

function finder(name: string, reverse: boolean) {
  return (o: PyObject, args: PyObject[]): PyObject => {
    checkPositional(name, args.length, 1, 3);
    const map = valid(o);
    const [start, end] = searchBounds(args, self(o).pos, map.bytes.length);
    return withBytes(args[0]!, (sub) => {
      const hay = map.bytes;
      const matchAt = (i: number): boolean => {
        for (let k = 0; k < sub.length; k++) if (hay[i + k] !== sub[k]) return false;
        return true;
      };
      if (reverse) {
        for (let i = end - sub.length; i >= start; i--) if (matchAt(i)) return newInt(i);
      } else {
        for (let i = start; i + sub.length <= end; i++) if (matchAt(i)) return newInt(i);
      }
      return newInt(-1);
    });
  };
}

function move(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('move', args.length, 3, 3);
  const [dest, src, count] = args.map(asIndex) as [number, number, number];
  const map = writableMap(o);
  const size = map.bytes.length;
  if (dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count) {
    throw valueError('source, destination, or count out of range');
  }
  ownBytes(map).copyWithin(dest, src, src + count);
  touchWritten(map, dest, count);
  return newref(None);
}

function resize(o: PyObject, arg: PyObject): PyObject {
  const newSize = asIndex(arg);
  const old = valid(o);
  const m = self(o);
  if (m.exports > 0) throw bufferError("mmap can't resize with extant buffers exported.");
  if (m.access !== ACCESS_WRITE && m.access !== ACCESS_DEFAULT) {
    throw typeError("mmap can't resize a readonly or copy-on-write memory map.");
  }
  if (newSize < 0) throw valueError('new size out of range');
  if (newSize === 0) throw errno(EINVAL);
  // ftruncate, then mremap(MREMAP_MAYMOVE): the old pages go, the new mapping keeps their bytes.
  if (old.file) old.file.truncate(old.offset + newSize);
  const name = old.file ? pathOf(old.file) : '/dev/zero (deleted)';
  const kept = old.bytes.slice(0, Math.min(newSize, old.bytes.length));
  unmapMemory(old);
  const map = mapMemory(newSize, old.shared, old.file, old.offset, name);
  if (!map) {
    m.map = null;
    throw errno(ENOMEM);
  }
  if (!old.file) {
    map.bytes.set(kept);
    touchWritten(map, 0, kept.length);
  }
  m.map = map;
  return newref(None);
}

function flush(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('flush', args.length, 0, 2);
  const map = valid(o);
  const size = map.bytes.length;
  const offset = args.length > 0 ? asIndex(args[0]!) : 0;
  const n = args.length > 1 ? asIndex(args[1]!) : size - offset;
  if (n < 0 || offset < 0 || size - offset < n) throw valueError('flush values out of range');
  const access = self(o).access;
  if (access === ACCESS_READ || access === ACCESS_COPY) return newref(None);
  if (offset % PAGESIZE !== 0) throw errno(EINVAL);
  syncToFile(map);
  return newref(None);
}

function madvise(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('madvise', args.length, 1, 3);
  asIndex(args[0]!);
  const map = valid(o);
  const start = args.length > 1 ? asIndex(args[1]!) : 0;
  let length = args.length > 2 ? asIndex(args[2]!) : map.bytes.length;
  if (start < 0 || start >= map.bytes.length) throw valueError('madvise start out of bounds');
  if (length < 0) throw valueError('madvise length invalid');
  if (Number.MAX_SAFE_INTEGER - start < length) throw pyErr(OverflowError, 'madvise length too large');
  if (start + length > map.bytes.length) length = map.bytes.length - start;
  return newref(None);
}

function size(o: PyObject): PyObject {
  const map = valid(o);
  const m = self(o);
  if (m.fd < 0 || !map.file) throw errno(EBADF);
  return newInt(map.file.length);
}

function subscript(o: PyObject, key: PyObject): PyObject {
  const map = valid(o);
  const size = map.bytes.length;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndicesFor(key, size);
    const out = new Uint8Array(n);
    for (let i = 0, at = start; i < n; i++, at += step) out[i] = map.bytes[at]!;
    return bytesResult(out);
  }
  if (!key.type.nb_index) throw typeError('mmap indices must be integers');
  let i = asIndex(key);
  if (i < 0) i += size;
  if (i < 0 || i >= size) throw indexError('mmap index out of range');
  return newInt(map.bytes[i]!);
}

function assignSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const map = writableMap(o);
  const size = map.bytes.length;
  if (key instanceof PySlice) {
    if (value === null) throw typeError("mmap object doesn't support slice deletion");
    const [start, , step, n] = sliceIndicesFor(key, size);
    withBytes(value, (bytes) => {
      if (bytes.length !== n) throw indexError('mmap slice assignment is wrong size');
      if (n === 0) return;
      if (step === 1) writeAt(map, start, bytes);
      else for (let i = 0, at = start; i < n; i++, at += step) writeAt(map, at, bytes.subarray(i, i + 1));
    });
    return;
  }
  if (!key.type.nb_index) throw typeError('mmap indices must be integer');
  let i = asIndex(key);
  if (i < 0) i += size;
  if (i < 0 || i >= size) throw indexError('mmap index out of range');
  if (value === null) throw typeError("mmap doesn't support item deletion");
  if (!value.type.nb_index) throw typeError('mmap item value must be an int');
  const v = asIndex(value);
  if (v < 0 || v > 255) throw valueError('mmap item value must be in range(0, 256)');
  writeAt(map, i, Uint8Array.of(v));
}

function mmapRepr(o: PyObject): PyObject {
  const m = self(o);
  if (!m.map) return newStr('<mmap.mmap closed=True>');
  return newStr(`<mmap.mmap closed=False, access=${ACCESS_NAMES[m.access]}, length=${m.map.bytes.length}, pos=${m.pos}, offset=${m.map.offset}>`);
}

const mmapType: PyType = defineType({
  name: 'mmap.mmap',
  flags: TypeFlags.BASETYPE,
  layout: { basicsize: MMAP_SIZE },
  weakrefable: true,
  doc: 'Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\nMaps length bytes from the file specified by the file descriptor fileno,\nand returns a mmap object.  If length is 0, the maximum length of the map\nwill be the current size of the file when mmap is called.\nflags specifies the nature of the mapping. MAP_PRIVATE creates a\nprivate copy-on-write mapping, so changes to the contents of the mmap\nobject will be private to this process, and MAP_SHARED creates a mapping\nthat\'s shared with all other processes mapping the same areas of the file.\nThe default value is MAP_SHARED.\n\nTo map anonymous memory, pass -1 as the fileno (both versions).',
  slots: {
    tp_new: mmapNew,
    tp_dealloc: (o) => {
      clearWeakrefs(o);
      self(o).exports = 0;
      close(o);
      freeObject(o);
    },
    tp_repr: mmapRepr,
    sq_length: (o) => valid(o).bytes.length,
    mp_length: (o) => valid(o).bytes.length,
    mp_subscript: subscript,
    mp_ass_subscript: assignSubscript,
  },
  methods: {
    close: { kind: 'noargs', fn: (o) => (close(o), newref(None)) },
    find: { kind: 'fast', fn: finder('find', false) },
    rfind: { kind: 'fast', fn: finder('rfind', true) },
    flush: { kind: 'fast', fn: flush },
    madvise: { kind: 'fast', fn: madvise },
    move: { kind: 'fast', fn: move },
    read: { kind: 'fast', fn: read },
    read_byte: { kind: 'noargs', fn: readByte },
    readline: { kind: 'noargs', fn: readline },
    resize: { kind: 'o', fn: resize },
    seek: { kind: 'fast', fn: seek },
    size: { kind: 'noargs', fn: size },
    tell: { kind: 'noargs', fn: (o) => (valid(o), newInt(self(o).pos)) },
    write: { kind: 'o', fn: write },
    write_byte: { kind: 'o', fn: writeByte },
    __enter__: { kind: 'noargs', fn: (o) => (valid(o), newref(o)) },
    __exit__: { kind: 'fast', fn: (o) => (close(o), newref(None)) },
  },
  getsets: {
    closed: { get: (o) => newref(self(o).map ? False : True) },
  },
});

// mmap_buffer_getbuf / mmap_buffer_releasebuf: an export pins the mapping (no resize or close).
registerBufferProcs(mmapType, {
  getBuffer: (o, writable) => {
    const map = valid(o);
    const m = self(o);
    const readonly = m.access === ACCESS_READ;
    if (writable && readonly) throw bufferError('Object is not writable.');
    m.exports++;
    const bytes = readonly ? map.bytes : ownBytes(map);
    return byteView(o, bytes, 0, bytes.length, readonly, map.addr);
  },
  releaseBuffer: (o) => {
    self(o).exports--;
  },
});

function constants(): Record<string, PyObject> {
  const ints: Record<string, number> = {
    ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY, ALLOCATIONGRANULARITY: PAGESIZE, PAGESIZE,
    MAP_SHARED, MAP_PRIVATE, MAP_ANON: MAP_ANONYMOUS, MAP_ANONYMOUS, MAP_DENYWRITE: 0x800, MAP_EXECUTABLE: 0x1000,
    MAP_POPULATE: 0x8000, MAP_STACK: 0x20000, PROT_READ, PROT_WRITE, PROT_EXEC: 4,
    MADV_NORMAL: 0, MADV_RANDOM: 1, MADV_SEQUENTIAL: 2, MADV_WILLNEED: 3, MADV_DONTNEED: 4, MADV_FREE: 8,
    MADV_REMOVE: 9, MADV_DONTFORK: 10, MADV_DOFORK: 11, MADV_MERGEABLE: 12, MADV_UNMERGEABLE: 13,
    MADV_HUGEPAGE: 14, MADV_NOHUGEPAGE: 15, MADV_DONTDUMP: 16, MADV_DODUMP: 17, MADV_HWPOISON: 100,
  };
  const out: Record<string, PyObject> = {};
  for (const [k, v] of Object.entries(ints)) out[k] = newInt(v);
  return out;
}

export const mmapModule: NativeModuleDef = {
  name: 'mmap',
  functions: [],
  attributes: () => ({ mmap: newref(mmapType), error: newref(OSError), ...constants() }),
};

