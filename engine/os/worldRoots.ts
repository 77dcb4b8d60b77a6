// The module-level state a simulated process owns besides its objects: caches and tables that
// engine modules keep outside any Python object (interned strings, small ints, weak reference
// lists, the thread state...). Each module registers its tables here when it loads; a fork copies
// everything reachable from them, and switching processes swaps it (engine/os/world.ts).
// This module imports nothing, so the object model can register without an import cycle.

const roots: object[] = [];

/** Declares `state` (an object, array, Map or Set) part of every process's world. */
export function registerWorldState(...state: object[]): void {
  roots.push(...state);
}

export function worldRoots(): readonly object[] {
  return roots;
}

// Host machinery no process owns: open file descriptions shared across fork, the file system,
// process memories. The world walk neither saves nor enters their instances.
const hostClasses: (abstract new (...args: never[]) => object)[] = [];

export function registerHostClass(...classes: (abstract new (...args: never[]) => object)[]): void {
  hostClasses.push(...classes);
  hostByConstructor.clear();
}

const hostByConstructor = new Map<unknown, boolean>();

export function isHostObject(o: object): boolean {
  const ctor = (o as { constructor?: unknown }).constructor;
  let host = hostByConstructor.get(ctor);
  if (host === undefined) {
    host = hostClasses.some((c) => o instanceof c);
    hostByConstructor.set(ctor, host);
  }
  return host;
}
