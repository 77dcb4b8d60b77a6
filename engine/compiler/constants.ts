// Constants of code objects: AST constant values turned into Python objects, and the key under
// which equal constants are shared (Objects/codeobject.c _PyCode_ConstantKey), so that one
// compilation holds a single 257 however many times it is written.
import type { PyObject } from '../objects/object.js';
import { Ellipsis as AstEllipsis, ImaginaryValue, type ConstantValue } from '../syntax/ast.js';
import { None, Ellipsis } from '../objects/singletons.js';
import { PyInt, newBool, newInt, normInt } from '../objects/int.js';
import { PyStr, internStr, strResult } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { PyFloat, newFloat } from '../objects/float.js';
import { PyComplex, newComplex } from '../objects/complex.js';
import { bytesConstant } from '../vm/literals.js';
import { PyBytes } from '../objects/bytes.js';
import { PySet, setItems as setMembers } from '../objects/set.js';

/** all_name_chars: string constants made only of identifier characters are interned. */
const NAME_CHARS = /^[A-Za-z0-9_]*$/;

export function strConstant(value: string): PyObject {
  return NAME_CHARS.test(value) ? internStr(value) : strResult(value);
}

/** A new reference to the object for an AST constant. */
export function constantObject(value: ConstantValue): PyObject {
  if (value === null) {
    None.refcnt++;
    return None;
  }
  if (value === AstEllipsis) {
    Ellipsis.refcnt++;
    return Ellipsis;
  }
  switch (typeof value) {
    case 'boolean':
      return newBool(value);
    case 'bigint':
      return newInt(normInt(value));
    case 'number':
      return newFloat(value);
    case 'string':
      return strConstant(value);
  }
  if (value instanceof ImaginaryValue) return newComplex(0, value.imag);
  return bytesConstant(value as Uint8Array);
}

function floatKey(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const identityKeys = new WeakMap<PyObject, number>();
let nextIdentity = 0;

/** _PyCode_ConstantKey: equal keys mean the constants may be the same object. The type is part
 *  of the key (1 and 1.0 and True stay apart), and so is the sign of a float zero. */
export function constantKey(o: PyObject): string {
  if (o === None) return 'N';
  if (o === Ellipsis) return 'E';
  if (o instanceof PyInt) return `${o.type.name}:${String(o.value)}`;
  if (o instanceof PyStr) return `s:${o.value}`;
  if (o instanceof PyTuple) return `t(${o.items.map(constantKey).join(',')})`;
  if (o instanceof PyFloat) return `f:${floatKey(o.value)}`;
  if (o instanceof PyComplex) return `c:${floatKey(o.real)},${floatKey(o.imag)}`;
  if (o instanceof PyBytes && o.type.name === 'bytes') return `b:${Array.from(o.data).join(',')}`;
  if (o instanceof PySet && o.type.name === 'frozenset') return `fs(${[...setMembers(o)].map(constantKey).sort().join(',')})`;
  let id = identityKeys.get(o);
  if (id === undefined) {
    id = nextIdentity++;
    identityKeys.set(o, id);
  }
  return `#${id}`;
}
