// The Python world of a simulated process: every object, frame and engine table reachable from
// the registered roots (worldRoots.ts). Processes share one host heap and keep object identity
// (the kernel, the singletons and the types hold direct references to objects), so a process
// owns its world by value: fork saves the values of every reachable host object, and switching
// from one process to another saves the running one's values and puts back the other's.
// What is saved is shallow per host object (its own properties, an array's items, a Map's
// entries, a typed array's bytes); objects created after a snapshot are simply unreachable from
// it, so they need no undoing.
//
// A snapshot is a few flat arrays, not one record per object: the world holds every object of
// the program, and a record each would make every fork a large garbage-collector load.
import { isHostObject } from './worldRoots.js';
import { reportProgress } from '../progress.js';

const enum Kind { Plain, Array, Map, Set, Bytes }

/** A snapshot of a large process (a fork, a process switch) reports every this many objects. */
const PROGRESS_STEP = 1 << 16;

/** The saved values of one process's world. */
export class WorldSnapshot {
  constructor(
    readonly objects: object[],
    readonly kinds: Kind[],
    /** Where each object's values start in `values`. */
    readonly starts: number[],
    /** Plain objects: their property names and accessors (shared by objects of one class). */
    readonly shapes: (Shape | null)[],
    readonly values: unknown[],
  ) {}

  get size(): number {
    return this.objects.length;
  }
}

/** A shape: the property names of objects of one class, with a reader and a writer compiled
 *  for exactly those names (a generic keyed access per property is megamorphic and slow). */
interface Shape {
  readonly keys: readonly string[];
  readonly read: (o: object, out: unknown[]) => void;
  readonly write: (o: object, values: unknown[], start: number) => void;
}

/** The shape last seen for each constructor: objects of one class almost always share it. */
const shapeOf = new WeakMap<object, Shape>();

function compileShape(keys: readonly string[]): Shape {
  const names = keys.map((k) => JSON.stringify(k));
  const read = new Function('o', 'out', names.map((k) => `out.push(o[${k}]);`).join('\n'));
  const write = new Function('o', 'v', 's', names.map((k, i) => `o[${k}] = v[s + ${i}];`).join('\n'));
  return { keys, read: read as Shape['read'], write: write as Shape['write'] };
}

function shapeFor(o: object, keys: string[]): Shape {
  const ctor = (o as { constructor?: object }).constructor;
  const key = typeof ctor === 'function' ? ctor : Object;
  const known = shapeOf.get(key);
  if (known && known.keys.length === keys.length && known.keys.every((k, i) => k === keys[i])) return known;
  const shape = compileShape(keys);
  shapeOf.set(key, shape);
  return shape;
}

/**
 * Saves everything reachable from `roots`, plus every object `also` holds (the world about to be
 * put back may touch objects this one no longer reaches, and they must come back as they are
 * now). Objects in `outside` and instances of the registered host classes (streams, process
 * memories, open files) are neither saved nor walked; frozen objects are walked, not saved.
 */
export function snapshotWorld(roots: readonly object[], also: WorldSnapshot | null, outside: readonly object[]): WorldSnapshot {
  const seen = new Set<object>(outside);
  const objects: object[] = [];
  const kinds: Kind[] = [];
  const starts: number[] = [];
  const shapes: (Shape | null)[] = [];
  const values: unknown[] = [];
  const todo: object[] = [];
  for (const r of [...roots, ...(also ? also.objects : [])]) {
    if (!seen.has(r)) {
      seen.add(r);
      todo.push(r);
    }
  }
  const record = (o: object, kind: Kind, shape: Shape | null, start: number): void => {
    objects.push(o);
    kinds.push(kind);
    starts.push(start);
    shapes.push(shape);
  };
  while (todo.length > 0) {
    const o = todo.pop()!;
    if (seen.size % PROGRESS_STEP === 0) reportProgress('snapshot of the simulated process', seen.size, null, 'objects');
    const first = values.length;
    if (ArrayBuffer.isView(o)) {
      if (o.buffer instanceof SharedArrayBuffer) continue;
      record(o, Kind.Bytes, null, first);
      values.push(new Uint8Array(o.buffer, o.byteOffset, o.byteLength).slice());
      continue;
    }
    if (o instanceof ArrayBuffer) {
      const bytes = new Uint8Array(o);
      record(bytes, Kind.Bytes, null, first);
      values.push(bytes.slice());
      continue;
    }
    if (Array.isArray(o)) {
      if (!Object.isFrozen(o)) record(o, Kind.Array, null, first);
      for (let i = 0; i < o.length; i++) values.push(o[i]);
    } else if (o instanceof Map) {
      record(o, Kind.Map, null, first);
      for (const [k, v] of o) values.push(k, v);
    } else if (o instanceof Set) {
      record(o, Kind.Set, null, first);
      for (const v of o) values.push(v);
    } else if (!isHostObject(o)) {
      const shape = shapeFor(o, Object.keys(o));
      shape.read(o, values);
      if (!Object.isFrozen(o)) record(o, Kind.Plain, shape, first);
    } else {
      continue;
    }
    // Walk what was just saved (a frozen object's values are walked, then dropped).
    const end = values.length;
    for (let i = first; i < end; i++) {
      const v = values[i];
      if (v !== null && typeof v === 'object' && !seen.has(v)) {
        seen.add(v);
        todo.push(v);
      }
    }
    if (objects[objects.length - 1] !== o) values.length = first;
  }
  return new WorldSnapshot(objects, kinds, starts, shapes, values);
}

/** Puts every saved value back: the host objects hold the snapshot's world again. */
export function restoreWorld(s: WorldSnapshot): void {
  const { objects, kinds, starts, shapes, values } = s;
  const n = objects.length;
  for (let i = 0; i < n; i++) {
    const o = objects[i]!;
    const start = starts[i]!;
    const end = i + 1 < n ? starts[i + 1]! : values.length;
    switch (kinds[i]!) {
      case Kind.Plain:
        restoreFields(o as Record<string, unknown>, shapes[i]!, values, start);
        break;
      case Kind.Array: {
        const a = o as unknown[];
        a.length = end - start;
        for (let j = start; j < end; j++) a[j - start] = values[j];
        break;
      }
      case Kind.Map: {
        const m = o as Map<unknown, unknown>;
        m.clear();
        for (let j = start; j < end; j += 2) m.set(values[j], values[j + 1]);
        break;
      }
      case Kind.Set: {
        const set = o as Set<unknown>;
        set.clear();
        for (let j = start; j < end; j++) set.add(values[j]);
        break;
      }
      case Kind.Bytes: {
        const view = o as ArrayBufferView;
        new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(values[start] as Uint8Array);
        break;
      }
    }
  }
}

function restoreFields(o: Record<string, unknown>, shape: Shape, values: unknown[], start: number): void {
  const keys = shape.keys;
  const now = Object.keys(o);
  if (now.length !== keys.length || now.some((k, j) => k !== keys[j])) {
    const kept = new Set(keys);
    for (const k of now) if (!kept.has(k)) delete o[k];
  }
  shape.write(o, values, start);
}
