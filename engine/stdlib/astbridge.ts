// The native half of the ast module (Python/Python-ast.c's role): the front end's tree handed to
// Python as nested tuples (class name, field values, position values) that ast.py turns into
// node objects, and each node class's _fields and _attributes.
import { newref, type PyObject } from '../objects/object.js';
import { typeError } from '../objects/exceptions.js';
import { newStr, PyStr } from '../objects/str.js';
import { newInt, newBool } from '../objects/int.js';
import { newFloat } from '../objects/float.js';
import { newComplex } from '../objects/complex.js';
import { newBytes } from '../objects/bytes.js';
import { newList } from '../objects/list.js';
import { newTuple } from '../objects/tuple.js';
import { newDict, dictSetItem } from '../objects/dict.js';
import { decref } from '../objects/object.js';
import { None, Ellipsis as PyEllipsis } from '../objects/singletons.js';
import { parse } from '../syntax/parser.js';
import { PythonSyntaxError } from '../syntax/errors.js';
import { Ellipsis, ImaginaryValue, NODE_SHAPES } from '../syntax/ast.js';
import { syntaxErrorObject } from '../vm/compileSource.js';
import type { NativeModuleDef } from './moduledef.js';

const strings = (names: readonly string[]): PyObject => newTuple(names.map((n) => newStr(n)));

/** A Constant's value: a JS number there is a float (ints are bigints). */
function constantToPy(v: unknown): PyObject {
  if (typeof v === 'number') return newFloat(v);
  return valueToPy(v);
}

function valueToPy(v: unknown): PyObject {
  if (v === null || v === undefined) return newref(None);
  if (typeof v === 'boolean') return newBool(v);
  if (typeof v === 'number' || typeof v === 'bigint') return newInt(v);
  if (typeof v === 'string') return newStr(v);
  if (v === Ellipsis) return newref(PyEllipsis);
  if (v instanceof ImaginaryValue) return newComplex(0, v.imag);
  if (v instanceof Uint8Array) return newBytes(v);
  if (Array.isArray(v)) return newList(v.map(valueToPy));
  return nodeToPy(v as { _type: string } & Record<string, unknown>);
}

function nodeToPy(node: { _type: string } & Record<string, unknown>): PyObject {
  const shape = NODE_SHAPES[node._type];
  const fields = shape ? shape.fields : [];
  const attributes = shape ? shape.attributes : [];
  const values = fields.map((f) => (node._type === 'Constant' && f === 'value' ? constantToPy(node[f]) : valueToPy(node[f])));
  return newTuple([newStr(node._type), newTuple(values), newTuple(attributes.map((a) => valueToPy(node[a])))]);
}

// ast.parse's core: source text to the nested-tuple tree, or the SyntaxError compile() raises.
function parseToTuples(_m: PyObject, args: PyObject[]): PyObject {
  const [source, filename, mode] = args;
  if (!(source instanceof PyStr) || !(filename instanceof PyStr) || !(mode instanceof PyStr)) {
    throw typeError('_ast.parse() expects (str, str, str)');
  }
  const m = mode.value;
  if (m !== 'exec' && m !== 'eval' && m !== 'single') throw typeError("compile() mode must be 'exec', 'eval' or 'single'");
  try {
    return nodeToPy(parse(source.value, filename.value, m as 'exec') as unknown as { _type: string });
  } catch (e) {
    if (e instanceof PythonSyntaxError) throw syntaxErrorObject(e.info);
    throw e;
  }
}

// Every node class's (_fields, _attributes, optional fields).
function shapes(): PyObject {
  const d = newDict();
  for (const [name, shape] of Object.entries(NODE_SHAPES)) {
    const key = newStr(name);
    const value = newTuple([strings(shape.fields), strings(shape.attributes), strings(shape.optional)]);
    dictSetItem(d, key, value);
    decref(key);
    decref(value);
  }
  return d;
}

export const astBridgeModule: NativeModuleDef = {
  name: '_astbridge',
  functions: [
    { name: 'parse', code: { kind: 'fast', fn: parseToTuples } },
    { name: 'shapes', code: { kind: 'noargs', fn: () => shapes() } },
  ],
  attributes: () => ({}),
};
