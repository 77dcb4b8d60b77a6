// Builtin (static) types: how a module declares one. Declaring happens at module load and only
// builds the type object with its slots; filling its namespace (PyType_Ready's work) happens in
// ready.ts once every module is loaded, so declarations never depend on module order. This
// module imports nothing that declares types, so any module may call defineType at load.
import type { PyObject } from './object.js';
import { PyType, TypeFlags, c3Linearize, inheritSlots, type TypeSlots } from './type.js';
import { allocStatic } from './heap.js';
import { objectType, typeType } from './typeobject.js';
import type { GetSetDef } from './descr.js';
import type { NativeCode } from './native.js';
import type { Profile } from '../profiles/index.js';
import { objectLayouts } from '../profiles/objects.js';

export interface TypeLayoutSpec {
  basicsize: number;
  itemsize?: number;
}

export interface TypeSpec {
  /** Dotted for types of a module (`collections.deque`), bare for builtins. */
  name: string;
  base?: PyType;
  /** Several bases (exception types with multiple inheritance); the first is the solid base. */
  bases?: PyType[];
  flags?: number;
  /** tp_basicsize and tp_itemsize, or a function of the simulated version when they differ. */
  layout: TypeLayoutSpec | ((p: Profile) => TypeLayoutSpec);
  slots?: Partial<TypeSlots>;
  methods?: Record<string, NativeCode | { code: NativeCode; doc?: string }>;
  classMethods?: Record<string, NativeCode | { code: NativeCode; doc?: string }>;
  getsets?: Record<string, GetSetDef>;
  /** Plain class attributes (constants such as `int.__hash__ = None` equivalents). */
  attributes?: () => Record<string, PyObject>;
  doc?: string;
  /** Instances can be weakly referenced. */
  weakrefable?: boolean;
}

export interface Declared {
  type: PyType;
  spec: TypeSpec;
}

/** Every declared type in declaration order, and the readying step once it is installed. */
export const registry = {
  declared: [] as Declared[],
  ready: null as ((d: Declared) => void) | null,
};

function declare(d: Declared): void {
  registry.declared.push(d);
  registry.ready?.(d);
}

/** Declares a builtin type: the type object exists (with its slots) as soon as this returns. */
export function defineType(spec: TypeSpec): PyType {
  const bases = spec.bases?.length ? spec.bases : [spec.base ?? objectType];
  const base = bases[0]!;
  const layout = typeof spec.layout === 'function' ? { basicsize: 0 } : spec.layout;
  const type = new PyType(typeType, spec.name, base, (spec.flags ?? 0) | TypeFlags.READY, {
    basicsize: layout.basicsize,
    itemsize: layout.itemsize ?? 0,
  });
  type.bases = bases.slice();
  type.weakrefable = spec.weakrefable ?? base.weakrefable;
  Object.assign(type, spec.slots ?? {});
  const mro = c3Linearize(type, type.bases);
  if (!mro) throw new Error(`inconsistent MRO for builtin type ${spec.name}`);
  type.mro = mro;
  inheritSlots(type, base);
  for (const b of type.bases) b.subclasses.push(type);
  allocStatic(type, 416);
  declare({ type, spec });
  return type;
}

/** Sets the layouts that depend on the simulated version (called when a profile is chosen). */
export function applyLayouts(profile: Profile): void {
  for (const { type, spec } of registry.declared) {
    if (typeof spec.layout !== 'function') continue;
    const l = spec.layout(profile);
    type.basicsize = l.basicsize;
    type.itemsize = l.itemsize ?? 0;
  }
  typeType.basicsize = objectLayouts(profile).heapTypeSize;
}

/** Methods of `object` and `type` themselves, whose type objects exist before defineType. */
export function extendType(type: PyType, spec: Omit<TypeSpec, 'name' | 'layout'>): void {
  Object.assign(type, spec.slots ?? {});
  declare({ type, spec: { ...spec, name: type.name, layout: { basicsize: type.basicsize } } });
}

export type { GetSetDef };
