// %getsizeof's breakdown: sys.getsizeof's value split into the regions CPython's structs give it
// (the GC pre-header, PyObject_HEAD, the type's fields, item arrays and their over-allocation),
// each computed from the object's own state, and the deep size over everything it reaches.
import type { SizePart, SizeReport } from '../api.js';
import type { PyObject } from '../objects/object.js';
import { TypeFlags, PyType } from '../objects/type.js';
import { heap, preHeaderSize } from '../objects/heap.js';
import { objectLayouts } from '../profiles/objects.js';
import { PyList } from '../objects/list.js';
import { PyTuple } from '../objects/tuple.js';
import { PyInt, intSizeof } from '../objects/int.js';
import { PyBytes } from '../objects/bytes.js';
import { PyStr } from '../objects/str.js';
import { PyByteArray } from '../objects/bytearray.js';
import { PyDict, sharedKeysUsableSize } from '../objects/dict.js';
import { EMPTY_KEYS, KEYS_HEADER, usableFraction } from '../objects/dictkeys.js';
import { PySet } from '../objects/set.js';
import { PyModule } from '../objects/module.js';
import { runningMemory } from '../memory/running.js';
import { sizeOf, summarize } from './summary.js';

const POINTER = 8;
/** PyObject_HEAD: ob_refcnt and ob_type. */
const OBJECT_HEAD = 16;
/** A set's table entry: key pointer and hash. */
const SET_ENTRY = 16;

type Part = Omit<SizePart, 'address'> & { address?: number };

function part(name: string, bytes: number, kind: SizePart['kind'], separate = false, address?: number): Part {
  return { name, bytes, kind, separate, ...(address === undefined ? {} : { address }) };
}

/** The type's own fields after PyObject_HEAD: basicsize less the head. */
function fields(o: PyObject, names: string): Part {
  return part(names, o.type.basicsize - OBJECT_HEAD, 'fields');
}

function listParts(l: PyList): Part[] {
  const allocated = Math.max(0, l.allocated);
  return [
    fields(l, 'ob_size, ob_item, allocated'),
    part(`ob_item[${l.items.length}] (used)`, l.items.length * POINTER, 'items', true, l.bufAddr),
    part(`ob_item spare (${allocated - l.items.length} of ${allocated})`, (allocated - l.items.length) * POINTER, 'slack', true, l.bufAddr),
  ];
}

function dictParts(d: PyDict): Part[] {
  const k = d.maKeys;
  const out = [fields(d, 'ma_used, ma_version_tag, ma_keys, ma_values')];
  if (d.maValues) out.push(part(`values[${sharedKeysUsableSize(k)}] (split table)`, sharedKeysUsableSize(k) * POINTER, 'items', true, d.maValues.addr));
  if (k.refcnt !== 1 || k === EMPTY_KEYS) return out;
  const capacity = usableFraction(k.size);
  return [
    ...out,
    part('PyDictKeysObject header', KEYS_HEADER, 'fields', true, k.addr),
    part(`dk_indices[${k.size}] x ${k.indexWidth} B`, k.size * k.indexWidth, 'items', true, k.addr),
    part(`dk_entries[${k.nentries}] (used)`, k.nentries * k.entrySize, 'items', true, k.addr),
    part(`dk_entries spare (${capacity - k.nentries} of ${capacity})`, (capacity - k.nentries) * k.entrySize, 'slack', true, k.addr),
  ];
}

function setParts(s: PySet): Part[] {
  const small = 8 * SET_ENTRY;
  const out = [
    part('fill, used, mask, table, hash, finger, weakreflist', s.type.basicsize - OBJECT_HEAD - small, 'fields'),
    part('smalltable[8]', small, s.tableAddr === 0 ? 'items' : 'slack'),
  ];
  if (s.tableAddr === 0) return out;
  const slots = s.mask + 1;
  return [
    ...out,
    part(`table[${s.fill}] (filled)`, s.fill * SET_ENTRY, 'items', true, s.tableAddr),
    part(`table spare (${slots - s.fill} of ${slots})`, (slots - s.fill) * SET_ENTRY, 'slack', true, s.tableAddr),
  ];
}

function strParts(s: PyStr): Part[] {
  const layouts = objectLayouts(heap.profile);
  const header = s.ascii ? layouts.strAsciiHeader : layouts.strCompactHeader;
  const out = [
    part(s.ascii ? 'length, hash, state (PyASCIIObject)' : 'length, hash, state, utf8 (PyCompactUnicodeObject)', header - OBJECT_HEAD, 'fields'),
    part(`${s.length} chars x ${s.kind} B`, s.length * s.kind, 'items'),
    part('terminating NUL', s.kind, 'other'),
  ];
  if (s.utf8Size) out.push(part('cached UTF-8 form', s.utf8Size, 'other', true));
  return out;
}

/** The parts after the object header, for the types whose layout the breakdown knows. */
function typeParts(o: PyObject, size: number): Part[] {
  if (o instanceof PyList) return listParts(o);
  if (o instanceof PyDict) return dictParts(o);
  if (o instanceof PySet) return setParts(o);
  if (o instanceof PyStr) return strParts(o);
  if (o instanceof PyTuple) return [fields(o, 'ob_size'), part(`ob_item[${o.items.length}]`, o.items.length * POINTER, 'items')];
  if (o instanceof PyInt) return [fields(o, 'ob_size'), part('ob_digit[] (30-bit digits)', intSizeof(o.value) - o.type.basicsize, 'items')];
  if (o instanceof PyBytes) {
    const header = objectLayouts(heap.profile).bytesHeader;
    return [part('ob_size, ob_shash', header - OBJECT_HEAD, 'fields'), part(`ob_sval[${o.data.length}]`, o.data.length, 'items'), part('terminating NUL', 1, 'other')];
  }
  if (o instanceof PyByteArray) {
    return [
      fields(o, 'ob_size, ob_alloc, ob_bytes, ob_start, ob_exports'),
      part(`ob_bytes[${o.size}] (used)`, o.size, 'items', true, o.bufAddr),
      part(`ob_bytes spare (NUL and over-allocation, ${o.buf.length} allocated)`, o.buf.length - o.size, 'slack', true, o.bufAddr),
    ];
  }
  const own = o.type.basicsize - OBJECT_HEAD;
  const rest = size - preHeaderSize(o.type) - o.type.basicsize;
  return [part(`${o.type.name} fields`, own, 'fields'), ...(rest ? [part('variable part (__sizeof__ beyond tp_basicsize)', rest, 'items')] : [])];
}

export function sizeParts(o: PyObject): SizePart[] {
  const size = sizeOf(o);
  const profile = heap.profile;
  const block = o.addr - preHeaderSize(o.type);
  const parts: Part[] = [];
  if (o.type.flags & TypeFlags.HAVE_GC) parts.push(part('PyGC_Head', profile.gcHeaderSize, 'gc'));
  if (o.type.flags & TypeFlags.MANAGED_DICT) parts.push(part('managed __dict__ / weakref pre-header', profile.managedDictPreheader, 'gc'));
  parts.push(part('ob_refcnt, ob_type', OBJECT_HEAD, 'header'), ...typeParts(o, size).filter((p) => p.bytes !== 0));
  const counted = parts.reduce((sum, p) => sum + p.bytes, 0);
  if (counted !== size) parts.push(part('not accounted for by the layout', size - counted, 'other'));
  return parts.map((p) => ({ ...p, address: p.address ?? block }));
}

function allocatorOf(address: number): SizeReport['block'] {
  const where = runningMemory().locate(address);
  switch (where.region) {
    case 'pymalloc':
      return { address, usable: where.blockSize, allocator: `pymalloc (arena ${where.arena}, pool 0x${where.pool.toString(16)})`, sizeClass: where.sizeIndex };
    case 'malloc-heap':
    case 'malloc-mmap':
      return { address, usable: where.usableSize, allocator: where.region === 'malloc-heap' ? 'malloc (brk heap)' : 'malloc (mmap)', sizeClass: null };
    case 'static':
      return { address, usable: 0, allocator: 'static (libpython data segment)', sizeClass: null };
    default:
      return { address, usable: 0, allocator: where.region, sizeClass: null };
  }
}

/** Everything `root` reaches through tp_traverse, each object once; types and modules are not
 *  followed (they belong to the program, not to the value), as pympler's asizeof does. */
export function reachable(root: PyObject): PyObject[] {
  const seen = new Set<PyObject>([root]);
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    order[i]!.type.tp_traverse?.(order[i]!, (child) => {
      if (seen.has(child) || child instanceof PyType || child instanceof PyModule) return;
      seen.add(child);
      order.push(child);
    });
  }
  return order;
}

function deepSize(o: PyObject): NonNullable<SizeReport['deep']> {
  const byType = new Map<string, { type: string; count: number; bytes: number }>();
  let size = 0;
  const objects = reachable(o);
  for (const x of objects) {
    const bytes = sizeOf(x);
    size += bytes;
    const row = byType.get(x.type.name) ?? { type: x.type.name, count: 0, bytes: 0 };
    row.count++;
    row.bytes += bytes;
    byType.set(x.type.name, row);
  }
  return { size, objects: objects.length, byType: [...byType.values()].sort((a, b) => b.bytes - a.bytes) };
}

export function sizeReport(o: PyObject, deep: boolean): SizeReport {
  return {
    object: summarize(o),
    parts: sizeParts(o),
    block: allocatorOf(o.addr - preHeaderSize(o.type)),
    ...(deep ? { deep: deepSize(o) } : {}),
  };
}
