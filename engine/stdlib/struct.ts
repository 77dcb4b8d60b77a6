// _struct (Modules/_struct.c): Struct objects, the module functions that go through a cache of
// them, and unpack_iterator. Values are read and written straight in the exporter's storage, so
// unpack_from on a bytearray or memoryview copies nothing.
import { PyGCObject, PyObject, decref, newref } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { defineType, type TypeSpec } from '../objects/define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, heap } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { clearWeakrefs } from '../objects/weakref.js';
import { newInt } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyBytes, bytesResult } from '../objects/bytes.js';
import { newTuple } from '../objects/tuple.js';
import { None } from '../objects/singletons.js';
import { asIndex, callMethod, hash } from '../objects/abstract.js';
import { bufferError, typeError } from '../objects/exceptions.js';
import { getBuffer, isCContiguous, releaseBuffer, type BufferView } from '../objects/buffer.js';
import { checkPositional, unpackKeywords } from '../objects/unicode/args.js';
import { fromLatin1, latin1 } from '../objects/unicode/latin1.js';
import type { NativeFunctionDef } from '../objects/native.js';
import type { NativeModuleDef } from './moduledef.js';
import { newExceptionClass } from './errorclass.js';
import { packInto, parseFormat, structError, structState, unpackAt, type StructLayout } from './structformat.js';
import { registerWorldState } from '../os/worldRoots.js';

/** sizeof(PyStructObject) */
const STRUCT_SIZE = 56;
/** sizeof(formatcode): fmtdef, offset, size, repeat */
const FORMATCODE_SIZE = 32;
/** sizeof(unpackiterobject): the struct, a Py_buffer and the index */
const UNPACKITER_SIZE = 112;
/** _struct.c MAXCACHE */
const MAXCACHE = 100;

const EMPTY_LAYOUT: StructLayout = { size: 0n, len: 0, codes: [] };

export class PyStruct extends PyGCObject {
  layout = EMPTY_LAYOUT;
  /** s_size as a host number (formats past 2**53 bytes cannot be packed anyway). */
  size = 0;
  /** s_format: the format as ASCII bytes, or None before __init__. */
  format: PyObject = newref(None);
  /** s_codes: its PyMem block, (ncodes + 1) formatcodes. */
  codesAddr = 0;
}

function deallocStruct(o: PyObject): void {
  const s = o as PyStruct;
  gcUntrack(s);
  clearWeakrefs(s);
  freeBuffer(s.codesAddr);
  decref(s.format);
  freeObject(s);
}

/** The format as text, checked as Struct() checks its argument (str must be ASCII). */
function formatBytes(fmt: PyObject): Uint8Array {
  if (fmt instanceof PyBytes) return fmt.data;
  if (!(fmt instanceof PyStr)) throw typeError(`Struct() argument 1 must be a str or bytes object, not ${fmt.type.name}`);
  if (!/^[\x00-\x7f]*$/.test(fmt.value)) {
    // str.encode('ascii') raises the UnicodeEncodeError CPython shows.
    decref(callMethod(fmt, 'encode', [newStr('ascii')]));
  }
  return fromLatin1(fmt.value);
}

// Modules/_struct.c Struct___init___impl + prepare_s
function structInit(s: PyStruct, fmt: PyObject): void {
  const bytes = formatBytes(fmt);
  const layout = parseFormat(latin1(bytes));
  const codesAddr = allocBuffer((layout.codes.length + 1) * FORMATCODE_SIZE);
  freeBuffer(s.codesAddr);
  s.codesAddr = codesAddr;
  const old = s.format;
  s.format = fmt instanceof PyBytes && fmt.type.name === 'bytes' ? newref(fmt) : bytesResult(bytes.slice());
  decref(old);
  s.layout = layout;
  s.size = layout.size <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(layout.size) : Infinity;
}

function newStruct(fmt: PyObject): PyStruct {
  const s = structType.tp_new!(structType, [fmt], null) as PyStruct;
  try {
    structInit(s, fmt);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

// cache_struct_converter: formats used through the module functions are compiled once.
const cache = new Map<string, PyStruct>();
registerWorldState(cache);

function cacheKey(fmt: PyObject): string | null {
  if (fmt.type.name === 'str') return `s${(fmt as PyStr).value}`;
  if (fmt.type.name === 'bytes') return `b${latin1((fmt as PyBytes).data)}`;
  return null;
}

/** A borrowed Struct for a format object. */
function cachedStruct(fmt: PyObject): PyStruct {
  const key = cacheKey(fmt);
  if (key === null) hash(fmt);
  const hit = key === null ? undefined : cache.get(key);
  if (hit) return hit;
  const s = newStruct(fmt);
  if (key === null) return s;
  if (cache.size >= MAXCACHE) clearCache();
  cache.set(key, s);
  return s;
}

function clearCache(): void {
  const held = [...cache.values()];
  cache.clear();
  for (const s of held) decref(s);
}

/** Runs `fn` with the cached Struct of args[0], for the module-level functions. */
function withFormat<T>(args: PyObject[], fn: (s: PyStruct, rest: PyObject[]) => T): T {
  if (args.length === 0) throw typeError('missing format argument');
  const s = cachedStruct(args[0]!);
  return fn(s, args.slice(1));
}

// ------------------------------------------------------------------ packing and unpacking

function hugeStruct(s: PyStruct): boolean {
  return !Number.isFinite(s.size) || s.size > 2 ** 31;
}

// s_pack
function structPack(s: PyStruct, values: PyObject[]): PyObject {
  if (values.length !== s.layout.len) throw structError(`pack expected ${s.layout.len} items for packing (got ${values.length})`);
  if (hugeStruct(s)) throw heap.memoryError();
  const out = new Uint8Array(s.size);
  packInto(s.layout, out, 0, values);
  return bytesResult(out);
}

/** A contiguous readable buffer (PyBUF_SIMPLE), released by the caller. */
function readBuffer(o: PyObject): BufferView {
  const view = getBuffer(o);
  if (!isCContiguous(view)) {
    releaseBuffer(view);
    throw bufferError('memoryview: underlying buffer is not C-contiguous');
  }
  return view;
}

function withReadBuffer<T>(o: PyObject, fn: (view: BufferView) => T): T {
  const view = readBuffer(o);
  try {
    return fn(view);
  } finally {
    releaseBuffer(view);
  }
}

// s_unpack
function structUnpack(s: PyStruct, buffer: PyObject): PyObject {
  return withReadBuffer(buffer, (view) => {
    if (view.len !== s.size) throw structError(`unpack requires a buffer of ${s.size} bytes`);
    return newTuple(unpackAt(s.layout, view.data, view.offset));
  });
}

// Struct_unpack_from_impl: a negative offset counts from the end.
function structUnpackFrom(s: PyStruct, buffer: PyObject, offsetArg: PyObject | undefined): PyObject {
  let offset = offsetArg === undefined ? 0 : asIndex(offsetArg);
  return withReadBuffer(buffer, (view) => {
    const size = s.size;
    if (offset < 0) {
      if (offset + size > 0) throw structError(`not enough data to unpack ${size} bytes at offset ${offset}`);
      if (offset + view.len < 0) throw structError(`offset ${offset} out of range for ${view.len}-byte buffer`);
      offset += view.len;
    }
    if (view.len - offset < size) {
      throw structError(`unpack_from requires a buffer of at least ${size + offset} bytes for unpacking ${size} bytes at offset ${offset} (actual buffer size is ${view.len})`);
    }
    return newTuple(unpackAt(s.layout, view.data, view.offset + offset));
  });
}

// s_pack_into: the buffer must be writable ('w*').
function structPackInto(s: PyStruct, args: PyObject[]): PyObject {
  if (args.length !== s.layout.len + 2) {
    if (args.length === 0) throw structError('pack_into expected buffer argument');
    if (args.length === 1) throw structError('pack_into expected offset argument');
    throw structError(`pack_into expected ${s.layout.len} items for packing (got ${args.length - 2})`);
  }
  const target = args[0]!;
  const notWritable = (o: PyObject) => `argument must be read-write bytes-like object, not ${o.type.name}`;
  const view = getBuffer(target, false, notWritable);
  try {
    if (view.readonly || !isCContiguous(view)) throw typeError(notWritable(target));
    let offset = asIndex(args[1]!);
    const size = s.size;
    if (offset < 0) {
      if (offset + size > 0) throw structError(`no space to pack ${size} bytes at offset ${offset}`);
      if (offset + view.len < 0) throw structError(`offset ${offset} out of range for ${view.len}-byte buffer`);
      offset += view.len;
    }
    if (view.len - offset < size) {
      throw structError(`pack_into requires a buffer of at least ${size + offset} bytes for packing ${size} bytes at offset ${offset} (actual buffer size is ${view.len})`);
    }
    packInto(s.layout, view.data, view.offset + offset, args.slice(2));
  } finally {
    releaseBuffer(view);
  }
  return newref(None);
}

// ------------------------------------------------------------------ unpack_iterator

class PyUnpackIter extends PyGCObject {
  index = 0;
  constructor(type: PyType, public so: PyStruct | null, public view: BufferView | null) {
    super(type);
  }
}

/** Drops the struct and gives the buffer back (on exhaustion and on dealloc). */
function unpackIterClear(it: PyUnpackIter): void {
  const so = it.so;
  const view = it.view;
  it.so = null;
  it.view = null;
  if (view) {
    releaseBuffer(view);
    decref(view.obj);
  }
  if (so) decref(so);
}

const unpackIterType = defineType({
  name: '_struct.unpack_iterator',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: UNPACKITER_SIZE },
  slots: {
    tp_dealloc: (o) => {
      gcUntrack(o as PyGCObject);
      unpackIterClear(o as PyUnpackIter);
      freeObject(o);
    },
    tp_traverse: (o, visit) => {
      const it = o as PyUnpackIter;
      if (it.so) visit(it.so);
      if (it.view) visit(it.view.obj);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => {
      const it = o as PyUnpackIter;
      if (!it.so || !it.view) return null;
      if (it.index >= it.view.len) {
        unpackIterClear(it);
        return null;
      }
      const items = unpackAt(it.so.layout, it.view.data, it.view.offset + it.index);
      it.index += it.so.size;
      return newTuple(items);
    },
    tp_new: () => {
      throw typeError("cannot create '_struct.unpack_iterator' instances");
    },
  },
  methods: {
    __length_hint__: {
      kind: 'noargs',
      fn: (o) => {
        const it = o as PyUnpackIter;
        return newInt(it.so && it.view ? Math.floor((it.view.len - it.index) / it.so.size) : 0);
      },
    },
  },
});

// Struct_iter_unpack
function structIterUnpack(s: PyStruct, buffer: PyObject): PyObject {
  if (s.size === 0) throw structError('cannot iteratively unpack with a struct of length 0');
  const view = readBuffer(buffer);
  if (view.len % s.size !== 0) {
    releaseBuffer(view);
    throw structError(`iterative unpacking requires a buffer of a multiple of ${s.size} bytes`);
  }
  newref(view.obj);
  const it = new PyUnpackIter(unpackIterType, newref(s), view);
  allocObject(it, UNPACKITER_SIZE);
  gcTrack(it);
  return it;
}

// ------------------------------------------------------------------ Struct methods

function self(o: PyObject): PyStruct {
  return o as PyStruct;
}

const structMethods: NonNullable<TypeSpec['methods']> = {
  pack: { kind: 'fast', fn: (o: PyObject, args: PyObject[]) => structPack(self(o), args) },
  unpack: { kind: 'o', fn: (o: PyObject, b: PyObject) => structUnpack(self(o), b) },
  unpack_from: {
    kind: 'fastkw',
    fn: (o: PyObject, args: PyObject[], kw: readonly string[] | null) => {
      const [buffer, offset] = unpackKeywords('unpack_from', ['buffer', 'offset'], args, kw);
      if (buffer === undefined) throw typeError("unpack_from() missing required argument 'buffer' (pos 1)");
      return structUnpackFrom(self(o), buffer, offset);
    },
  },
  pack_into: { kind: 'fast', fn: (o: PyObject, args: PyObject[]) => structPackInto(self(o), args) },
  iter_unpack: { kind: 'o', fn: (o: PyObject, b: PyObject) => structIterUnpack(self(o), b) },
  __sizeof__: {
    kind: 'noargs',
    fn: (o: PyObject) => newInt(STRUCT_SIZE + FORMATCODE_SIZE * (self(o).layout.codes.length + 1)),
  },
};

export const structType: PyType = defineType({
  name: '_struct.Struct',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: STRUCT_SIZE },
  weakrefable: true,
  doc: 'Struct(fmt) --> compiled struct object\n\n',
  methods: structMethods,
  getsets: {
    size: { get: (o) => newInt(self(o).layout.size) },
    format: { get: (o) => (self(o).format instanceof PyBytes ? newStr(latin1((self(o).format as PyBytes).data)) : newref(None)) },
  },
  slots: {
    tp_dealloc: deallocStruct,
    tp_traverse: (o, visit) => visit((o as PyStruct).format),
    tp_new: (type) => {
      const s = new PyStruct(type);
      allocObject(s, type.basicsize);
      gcTrack(s);
      return s;
    },
    tp_init: (self, args, kwnames) => {
      const [fmt] = unpackKeywords('Struct', ['format'], args, kwnames);
      if (fmt === undefined) throw typeError("Struct() missing required argument 'format' (pos 1)");
      structInit(self as PyStruct, fmt);
    },
  },
});


// ------------------------------------------------------------------ the module

const moduleFunctions: NativeFunctionDef[] = [
  { name: 'pack', code: { kind: 'fast', fn: (_m, args) => withFormat(args, (s, rest) => structPack(s, rest)) } },
  {
    name: 'pack_into',
    code: { kind: 'fast', fn: (_m, args) => withFormat(args, (s, rest) => structPackInto(s, rest)) },
  },
  {
    name: 'unpack',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('unpack', args, 2, 2);
        return structUnpack(cachedStruct(args[0]!), args[1]!);
      },
    },
  },
  {
    name: 'unpack_from',
    code: {
      kind: 'fastkw',
      fn: (_m, args, kw) => {
        const npos = args.length - (kw?.length ?? 0);
        if (npos < 1) throw typeError('unpack_from() missing required argument \'format\' (pos 1)');
        const [buffer, offset] = unpackKeywords('unpack_from', ['buffer', 'offset'], args.slice(1), kw);
        if (buffer === undefined) throw typeError("unpack_from() missing required argument 'buffer' (pos 2)");
        return structUnpackFrom(cachedStruct(args[0]!), buffer, offset);
      },
    },
  },
  {
    name: 'iter_unpack',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('iter_unpack', args, 2, 2);
        return structIterUnpack(cachedStruct(args[0]!), args[1]!);
      },
    },
  },
  {
    name: 'calcsize',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        if (args.length !== 1) throw typeError(`_struct.calcsize() takes exactly one argument (${args.length} given)`);
        return newInt(cachedStruct(args[0]!).layout.size);
      },
    },
  },
  { name: '_clearcache', code: { kind: 'noargs', fn: () => (clearCache(), newref(None)) } },
];

export const structModule: NativeModuleDef = {
  name: '_struct',
  functions: moduleFunctions,
  attributes: () => {
    // A new interpreter: the cached Structs were made in an earlier session's memory, so they
    // are dropped, not freed into this one's.
    cache.clear();
    structState.error = newExceptionClass('struct.error');
    return { error: newref(structState.error), Struct: newref(structType) };
  },
};
