// locals() and frame.f_locals (Objects/frameobject.c PyFrame_FastToLocals): for a function
// frame, a dict of the fast locals and cells that hold a value.
import { PyObject, newref } from '../objects/object.js';
import { LocalKind } from '../objects/code.js';
import { PyCell } from '../objects/cell.js';
import { dictSetItem, newDict } from '../objects/dict.js';
import { internStr } from '../objects/str.js';
import { decref } from '../objects/object.js';
import type { Frame } from './frame.js';

/** A new reference to the frame's namespace (the locals mapping, or a snapshot dict). */
export function frameLocals(f: Frame): PyObject {
  if (f.locals) return newref(f.locals);
  const d = newDict();
  const code = f.code;
  const names = code.localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = f.fast[i] ?? null;
    const kind = code.localspluskinds[i]!;
    if (v && kind & (LocalKind.CELL | LocalKind.FREE) && v instanceof PyCell) v = v.ref;
    if (!v) continue;
    // Free variables of a class body are not its locals.
    if (kind & LocalKind.FREE && !(code.flags & 1)) continue;
    const key = internStr(names[i]!);
    dictSetItem(d, key, v);
    decref(key);
  }
  return d;
}
