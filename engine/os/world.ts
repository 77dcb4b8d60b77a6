// The Python world of a simulated process: every object, frame and engine table reachable from
// the registered roots (worldRoots.ts). Processes share one host heap and keep object identity
// (the kernel, the singletons and the types hold direct references to objects), so a process
// owns its world by value: fork saves the values of every reachable host object, and switching
// from one process to another saves the running one's values and puts back the other's.
// What is saved is shallow per host object (its own properties, an array's items, a Map's
// entries, a typed array's bytes); objects created after a snapshot are simply unreachable from
// it, so they need no undoing.
import { isHostObject } from './worldRoots.js';

const enum Kind { Plain, Array, Map, Set, Bytes, Frozen }

/** The saved values of one process's world. */
export class WorldSnapshot {
  constructor(
    readonly objects: object[],
    readonly kinds: Kind[],
    readonly saved: unknown[],
  ) {}

  get size(): number {
    return this.objects.length;
  }
}

interface SavedFields {
  keys: string[];
  values: unknown[];
}

/**
 * Saves everything reachable from `roots`, plus every object `also` holds (the world about to be
 * put back may touch objects this one no longer reaches, and they must come back as they are
 * now). Objects in `outside` and instances of the registered host classes (streams, process
 * memories, open files) are neither saved nor walked.
 */
export function snapshotWorld(roots: readonly object[], also: WorldSnapshot | null, outside: readonly object[]): WorldSnapshot {
  const seen = new Set<object>(outside);
  const objects: object[] = [];
  const kinds: Kind[] = [];
  const saved: unknown[] = [];
  const todo: object[] = [];
  const visit = (v: unknown): void => {
    if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      todo.push(v);
    }
  };
  for (const r of roots) visit(r);
  if (also) for (const o of also.objects) visit(o);
  while (todo.length > 0) {
    const o = todo.pop()!;
    if (ArrayBuffer.isView(o)) {
      if (o.buffer instanceof SharedArrayBuffer) continue;
      objects.push(o);
      kinds.push(Kind.Bytes);
      saved.push(new Uint8Array(o.buffer, o.byteOffset, o.byteLength).slice());
      continue;
    }
    if (o instanceof ArrayBuffer) {
      objects.push(new Uint8Array(o));
      kinds.push(Kind.Bytes);
      saved.push(new Uint8Array(o).slice());
      continue;
    }
    const frozen = Object.isFrozen(o);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) visit(o[i]);
      if (frozen) continue;
      objects.push(o);
      kinds.push(Kind.Array);
      saved.push(o.slice());
    } else if (o instanceof Map) {
      const entries: unknown[] = [];
      for (const [k, v] of o) {
        visit(k);
        visit(v);
        entries.push(k, v);
      }
      objects.push(o);
      kinds.push(Kind.Map);
      saved.push(entries);
    } else if (o instanceof Set) {
      const items = [...o];
      for (const v of items) visit(v);
      objects.push(o);
      kinds.push(Kind.Set);
      saved.push(items);
    } else if (!isHostObject(o)) {
      const keys = Object.keys(o);
      const values = new Array<unknown>(keys.length);
      const rec = o as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const v = rec[keys[i]!];
        values[i] = v;
        visit(v);
      }
      objects.push(o);
      kinds.push(frozen ? Kind.Frozen : Kind.Plain);
      saved.push({ keys, values } satisfies SavedFields);
    }
  }
  return new WorldSnapshot(objects, kinds, saved);
}

/** Puts every saved value back: the host objects hold the snapshot's world again. */
export function restoreWorld(s: WorldSnapshot): void {
  const { objects, kinds, saved } = s;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    switch (kinds[i]!) {
      case Kind.Plain:
        restoreFields(o as Record<string, unknown>, saved[i] as SavedFields);
        break;
      case Kind.Array: {
        const a = o as unknown[];
        const v = saved[i] as unknown[];
        a.length = v.length;
        for (let j = 0; j < v.length; j++) a[j] = v[j];
        break;
      }
      case Kind.Map: {
        const m = o as Map<unknown, unknown>;
        const e = saved[i] as unknown[];
        m.clear();
        for (let j = 0; j < e.length; j += 2) m.set(e[j], e[j + 1]);
        break;
      }
      case Kind.Set: {
        const set = o as Set<unknown>;
        set.clear();
        for (const v of saved[i] as unknown[]) set.add(v);
        break;
      }
      case Kind.Bytes:
        new Uint8Array((o as ArrayBufferView).buffer, (o as ArrayBufferView).byteOffset, (o as ArrayBufferView).byteLength)
          .set(saved[i] as Uint8Array);
        break;
      case Kind.Frozen:
        break;
    }
  }
}

function restoreFields(o: Record<string, unknown>, { keys, values }: SavedFields): void {
  const now = Object.keys(o);
  if (now.length !== keys.length || now.some((k, j) => k !== keys[j])) {
    const kept = new Set(keys);
    for (const k of now) if (!kept.has(k)) delete o[k];
  }
  for (let j = 0; j < keys.length; j++) o[keys[j]!] = values[j];
}
