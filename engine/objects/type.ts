// Type objects (Include/cpython/object.h PyTypeObject, Objects/typeobject.c).
// A type keeps CPython's slot table as optional functions; builtin types fill them with native
// code, classes defined in Python get slot functions that call their dunder methods (slots.ts).
import { PyGCObject, PyObject } from './object.js';
import type { PyDictKeys } from './dictkeys.js';

/** Py_TPFLAGS_* (Include/object.h); only the bits the engine consults. */
export const enum TypeFlags {
  MANAGED_DICT = 1 << 4,
  SEQUENCE = 1 << 5,
  MAPPING = 1 << 6,
  IMMUTABLETYPE = 1 << 8,
  HEAPTYPE = 1 << 9,
  BASETYPE = 1 << 10,
  HAVE_VECTORCALL = 1 << 11,
  READY = 1 << 12,
  HAVE_GC = 1 << 14,
  METHOD_DESCRIPTOR = 1 << 17,
  IS_ABSTRACT = 1 << 20,
  MATCH_SELF = 1 << 22,
  LONG_SUBCLASS = 1 << 24,
  LIST_SUBCLASS = 1 << 25,
  TUPLE_SUBCLASS = 1 << 26,
  BYTES_SUBCLASS = 1 << 27,
  UNICODE_SUBCLASS = 1 << 28,
  DICT_SUBCLASS = 1 << 29,
  BASE_EXC_SUBCLASS = 1 << 30,
  TYPE_SUBCLASS = 1 << 31,
}

export const enum CompareOp { LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5 }

/** Vectorcall arguments: positional values, then keyword values named by `kwnames`. */
export type CallFn = (callable: PyObject, args: PyObject[], kwnames: readonly string[] | null) => PyObject;
export type UnaryFn = (o: PyObject) => PyObject;
export type BinaryFn = (a: PyObject, b: PyObject) => PyObject;
export type TernaryFn = (a: PyObject, b: PyObject, c: PyObject) => PyObject;
export type VisitFn = (child: PyObject) => void;

/** Everything a slot may hold; a missing slot is `undefined`. Results are new references. */
export interface TypeSlots {
  tp_repr?: UnaryFn;
  tp_str?: UnaryFn;
  /** The Python hash as an exact 64-bit value (Py_hash_t). */
  tp_hash?: (o: PyObject) => bigint;
  /** Returns NotImplemented (a new reference) when it does not know the other operand. */
  tp_richcompare?: (a: PyObject, b: PyObject, op: CompareOp) => PyObject;
  tp_getattro?: (o: PyObject, name: string) => PyObject;
  /** value null deletes the attribute */
  tp_setattro?: (o: PyObject, name: string, value: PyObject | null) => void;
  tp_call?: CallFn;
  tp_iter?: UnaryFn;
  /** null when the iterator is exhausted (no StopIteration raised), as CPython's tp_iternext. */
  tp_iternext?: (o: PyObject) => PyObject | null;
  tp_descr_get?: (descr: PyObject, obj: PyObject | null, type: PyType | null) => PyObject;
  tp_descr_set?: (descr: PyObject, obj: PyObject, value: PyObject | null) => void;
  tp_new?: (type: PyType, args: PyObject[], kwnames: readonly string[] | null) => PyObject;
  tp_init?: (self: PyObject, args: PyObject[], kwnames: readonly string[] | null) => void;
  /** Called when the last reference goes: drop references held, give the memory back. */
  tp_dealloc: (o: PyObject) => void;
  /** The references the cycle collector follows (tp_traverse). */
  tp_traverse?: (o: PyObject, visit: VisitFn) => void;
  tp_clear?: (o: PyObject) => void;
  /** PEP 442 finalizer (__del__), run before tp_dealloc and by the collector. */
  tp_finalize?: (o: PyObject) => void;

  nb_add?: BinaryFn; nb_subtract?: BinaryFn; nb_multiply?: BinaryFn; nb_remainder?: BinaryFn;
  nb_divmod?: BinaryFn; nb_power?: TernaryFn; nb_negative?: UnaryFn; nb_positive?: UnaryFn;
  nb_absolute?: UnaryFn; nb_bool?: (o: PyObject) => boolean; nb_invert?: UnaryFn;
  nb_lshift?: BinaryFn; nb_rshift?: BinaryFn; nb_and?: BinaryFn; nb_xor?: BinaryFn; nb_or?: BinaryFn;
  nb_int?: UnaryFn; nb_float?: UnaryFn; nb_floor_divide?: BinaryFn; nb_true_divide?: BinaryFn;
  nb_index?: UnaryFn; nb_matrix_multiply?: BinaryFn;
  nb_inplace_add?: BinaryFn; nb_inplace_subtract?: BinaryFn; nb_inplace_multiply?: BinaryFn;
  nb_inplace_remainder?: BinaryFn; nb_inplace_power?: TernaryFn; nb_inplace_lshift?: BinaryFn;
  nb_inplace_rshift?: BinaryFn; nb_inplace_and?: BinaryFn; nb_inplace_xor?: BinaryFn;
  nb_inplace_or?: BinaryFn; nb_inplace_floor_divide?: BinaryFn; nb_inplace_true_divide?: BinaryFn;
  nb_inplace_matrix_multiply?: BinaryFn;

  sq_length?: (o: PyObject) => number;
  sq_concat?: BinaryFn;
  sq_repeat?: (o: PyObject, n: number) => PyObject;
  sq_item?: (o: PyObject, i: number) => PyObject;
  sq_ass_item?: (o: PyObject, i: number, value: PyObject | null) => void;
  sq_contains?: (o: PyObject, value: PyObject) => boolean;
  sq_inplace_concat?: BinaryFn;
  sq_inplace_repeat?: (o: PyObject, n: number) => PyObject;

  mp_length?: (o: PyObject) => number;
  mp_subscript?: BinaryFn;
  mp_ass_subscript?: (o: PyObject, key: PyObject, value: PyObject | null) => void;
}

export type SlotName = Exclude<keyof TypeSlots, 'tp_dealloc'>;

/** Memory layout of a type's instances (tp_basicsize, tp_itemsize and the header extras). */
export interface TypeLayout {
  basicsize: number;
  itemsize: number;
}

/** The slot table, merged into the class below; every type object gets all slots in the same
 *  order at construction (see the constructor), so they share one hidden class. */
export interface PyType extends TypeSlots {}

export class PyType extends PyGCObject {
  name: string;
  /** type.__qualname__ */
  qualname: string;
  flags: number;
  /** tp_base: the solid base the instance layout extends. */
  base: PyType | null;
  /** __bases__ */
  bases: PyType[];
  /** __mro__, self first */
  mro: PyType[] = [];
  /** The class namespace (tp_dict); a Map keyed by attribute name, insertion-ordered like a dict. */
  dict = new Map<string, PyObject>();
  basicsize: number;
  itemsize: number;
  /** Types created by class statements or type(): weak list of direct subclasses (tp_subclasses). */
  subclasses: PyType[] = [];
  /** For heap types: instance __slots__ names, in layout order. */
  slotNames: string[] = [];
  /** tp_dict, tp_bases and tp_mro as Python objects, for classes defined in Python. */
  dictObject: PyObject | null = null;
  basesTuple: PyObject | null = null;
  mroTuple: PyObject | null = null;
  /** ht_cached_keys: the shared keys of the instances' inline values (3.11 managed dicts). */
  cachedKeys: PyDictKeys | null = null;
  /** Instances can be weakly referenced (tp_weaklistoffset != 0). */
  weakrefable = false;
  /** Bumped whenever the namespace of this type or a base changes: invalidates lookup caches. */
  version = 0;
  /** Attribute lookup cache for this type (typeobject.c's method cache, per type here). */
  lookupCache = new Map<string, PyObject | null>();

  constructor(metatype: PyType | null, name: string, base: PyType | null, flags: number, layout: TypeLayout) {
    // `type` itself is its own metatype: patched by the bootstrap right after construction.
    super(metatype as PyType);
    const slots = this as unknown as Record<string, unknown>;
    for (const key of SLOT_KEYS) slots[key] = undefined;
    this.name = name;
    this.qualname = name.slice(name.lastIndexOf('.') + 1);
    this.flags = flags;
    this.base = base;
    this.bases = base ? [base] : [];
    this.basicsize = layout.basicsize;
    this.itemsize = layout.itemsize;
    this.tp_dealloc = base ? base.tp_dealloc : unreachableDealloc;
  }

  hasFlag(flag: TypeFlags): boolean {
    return (this.flags & flag) !== 0;
  }

  /** PyType_IsSubtype: walks the MRO (tp_mro), as CPython does once the type is ready. */
  isSubtype(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  /** _PyType_Lookup: the attribute found first along the MRO, borrowed, or null. */
  lookup(name: string): PyObject | null {
    const cache = this.lookupCache;
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    let found: PyObject | null = null;
    for (const t of this.mro) {
      const v = t.dict.get(name);
      if (v !== undefined) {
        found = v;
        break;
      }
    }
    cache.set(name, found);
    return found;
  }

  /** PyType_Modified: a namespace changed, so this type's and its subclasses' caches are stale. */
  modified(): void {
    this.version++;
    this.lookupCache.clear();
    for (const sub of this.subclasses) sub.modified();
  }

  /** The module a type belongs to, as `__module__` says ("builtins" for builtin types). */
  get moduleName(): string {
    const dotted = this.name.lastIndexOf('.');
    if (!this.hasFlag(TypeFlags.HEAPTYPE)) return dotted < 0 ? 'builtins' : this.name.slice(0, dotted);
    const m = this.dict.get('__module__') as (PyObject & { value?: unknown }) | undefined;
    return m && typeof m.value === 'string' ? m.value : 'builtins';
  }
}

function unreachableDealloc(o: PyObject): void {
  throw new Error(`no tp_dealloc for ${o.type.name}`);
}

/** mro_internal's C3 linearisation (Objects/typeobject.c mro_implementation). Null when the
 *  bases admit no consistent order; the caller raises TypeError with CPython's message. */
export function c3Linearize(type: PyType, bases: readonly PyType[]): PyType[] | null {
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const result: PyType[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let candidate: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0]!;
      if (!nonEmpty.some((other) => other.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    if (!candidate) return null;
    result.push(candidate);
    for (const s of nonEmpty) if (s[0] === candidate) s.shift();
  }
}

/** The slots a type inherits from a base where it defines none (inherit_slots). Comparison and
 *  hashing go together: a type that defines either inherits neither. */
export function inheritSlots(type: PyType, base: PyType): void {
  const t = type as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown>;
  const ownCompareOrHash = t.tp_richcompare !== undefined || t.tp_hash !== undefined || type.dict.has('__hash__');
  for (const key of SLOT_KEYS) {
    if ((key === 'tp_richcompare' || key === 'tp_hash') && ownCompareOrHash) continue;
    if (t[key] === undefined && b[key] !== undefined) t[key] = b[key];
  }
}

export const SLOT_KEYS: readonly SlotName[] = [
  'tp_repr', 'tp_str', 'tp_hash', 'tp_richcompare', 'tp_getattro', 'tp_setattro', 'tp_call', 'tp_iter',
  'tp_iternext', 'tp_descr_get', 'tp_descr_set', 'tp_new', 'tp_init', 'tp_traverse', 'tp_clear', 'tp_finalize',
  'nb_add', 'nb_subtract', 'nb_multiply', 'nb_remainder', 'nb_divmod', 'nb_power', 'nb_negative', 'nb_positive',
  'nb_absolute', 'nb_bool', 'nb_invert', 'nb_lshift', 'nb_rshift', 'nb_and', 'nb_xor', 'nb_or', 'nb_int',
  'nb_float', 'nb_floor_divide', 'nb_true_divide', 'nb_index', 'nb_matrix_multiply', 'nb_inplace_add',
  'nb_inplace_subtract', 'nb_inplace_multiply', 'nb_inplace_remainder', 'nb_inplace_power', 'nb_inplace_lshift',
  'nb_inplace_rshift', 'nb_inplace_and', 'nb_inplace_xor', 'nb_inplace_or', 'nb_inplace_floor_divide',
  'nb_inplace_true_divide', 'nb_inplace_matrix_multiply', 'sq_length', 'sq_concat', 'sq_repeat', 'sq_item',
  'sq_ass_item', 'sq_contains', 'sq_inplace_concat', 'sq_inplace_repeat', 'mp_length', 'mp_subscript',
  'mp_ass_subscript',
];
