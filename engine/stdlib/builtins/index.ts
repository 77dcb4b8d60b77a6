// The builtins module (Python/bltinmodule.c _PyBuiltin_Init): every builtin function of the
// helpers' builtins files, the builtin types and exceptions, and the constants.
import { PyObject, decref } from '../../objects/object.js';
import { TypeFlags } from '../../objects/type.js';
import { registry } from '../../objects/define.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { newCFunction } from '../../objects/descr.js';
import { PyModule, moduleSet } from '../../objects/module.js';
import { None, NotImplemented, Ellipsis } from '../../objects/singletons.js';
import { True, False } from '../../objects/int.js';
import { objectType, typeType } from '../../objects/typeobject.js';
import { coreBuiltins } from './core.js';
import { numericBuiltins } from './numeric.js';
import { textBuiltins } from './text.js';
import { iterationBuiltins } from './iteration.js';
import { BUILTIN_DOCS } from './docs.js';
import { openBuiltin } from '../io/index.js';

/** The builtin functions, in the order their files list them. */
const FUNCTION_LISTS: NativeFunctionDef[][] = [coreBuiltins, numericBuiltins, textBuiltins, iterationBuiltins, [openBuiltin]];

/** Builtin type names that the builtins module exposes (the rest are internal types). */
const BUILTIN_TYPES = new Set([
  'object', 'type', 'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'memoryview', 'tuple', 'list',
  'dict', 'set', 'frozenset', 'range', 'slice', 'property', 'staticmethod', 'classmethod', 'super', 'enumerate',
  'zip', 'map', 'filter', 'reversed',
]);

export function initBuiltins(m: PyModule, extraFunctions: NativeFunctionDef[] = []): void {
  const put = (name: string, v: PyObject): void => moduleSet(m, name, v);
  put('object', objectType);
  put('type', typeType);
  for (const { type } of registry.declared) {
    const isException = (type.flags & TypeFlags.BASE_EXC_SUBCLASS) !== 0;
    if (type.name.includes('.')) continue;
    if (isException || BUILTIN_TYPES.has(type.name)) put(type.name, type);
  }
  for (const list of [...FUNCTION_LISTS, extraFunctions]) {
    for (const def of list) {
      const f = newCFunction(def.doc === undefined && BUILTIN_DOCS[def.name] ? { ...def, doc: BUILTIN_DOCS[def.name] } : def, m, 'builtins');
      put(def.name, f);
      decref(f);
    }
  }
  put('None', None);
  put('Ellipsis', Ellipsis);
  put('NotImplemented', NotImplemented);
  put('True', True);
  put('False', False);
  put('__debug__', True);
  put('EnvironmentError', lookupType('OSError'));
  put('IOError', lookupType('OSError'));
}

function lookupType(name: string): PyObject {
  for (const { type } of registry.declared) if (type.name === name) return type;
  return None;
}
