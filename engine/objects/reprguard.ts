// Py_ReprEnter / Py_ReprLeave (Objects/object.c): the objects whose repr is being built, so a
// container that contains itself prints `[...]` instead of recursing forever.
import type { PyObject } from './object.js';

const inProgress = new Set<PyObject>();

/** Py_ReprEnter: false when `o` is already being repr'd further up the stack. */
export function reprEnter(o: PyObject): boolean {
  if (inProgress.has(o)) return false;
  inProgress.add(o);
  return true;
}

/** Py_ReprLeave */
export function reprLeave(o: PyObject): void {
  inProgress.delete(o);
}

/** Builds a container's repr text inside the guard; `cycle` is the text for a repeated visit. */
export function guardedRepr(o: PyObject, cycle: string, build: () => string): string {
  if (!reprEnter(o)) return cycle;
  try {
    return build();
  } finally {
    reprLeave(o);
  }
}
