// What the object model asks of the running interpreter: `super()` without arguments
// (Objects/typeobject.c super_init_without_args) takes the first argument and the class in the
// `__class__` cell; type(name, bases, dict) takes `__module__` from the caller's globals;
// object.__reduce_ex__ imports copyreg.
import type { PyObject } from '../objects/object.js';
import { PyType } from '../objects/type.js';
import { LocalKind } from '../objects/code.js';
import { PyCell } from '../objects/cell.js';
import { runtimeError } from '../objects/exceptions.js';
import { superFrame } from '../objects/super.js';
import { classFrame } from '../objects/classobject.js';
import { dictGetStr } from '../objects/dict.js';
import { interpreterImports } from '../objects/objectmethods.js';
import { importModuleLevel } from './imports.js';
import { None } from '../objects/singletons.js';
import { vm } from './eval.js';

superFrame.arguments = (): [PyObject, PyObject] => {
  const frame = vm.current;
  if (!frame) throw runtimeError('super(): no current frame');
  const code = frame.code;
  if (code.argcount === 0) throw runtimeError('super(): no arguments');
  let first = frame.fast[0] ?? null;
  if (first !== null && code.localspluskinds[0]! & LocalKind.CELL && first instanceof PyCell) first = first.ref;
  if (first === null) throw runtimeError('super(): arg[0] deleted');
  const names = code.localsplusnames;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== '__class__' || !(code.localspluskinds[i]! & LocalKind.FREE)) continue;
    const cell = frame.fast[i];
    const cls = cell instanceof PyCell ? cell.ref : null;
    if (cls === null) throw runtimeError('super(): empty __class__ cell');
    if (!(cls instanceof PyType)) throw runtimeError(`super(): __class__ is not a type (${cls.type.name})`);
    return [cls, first];
  }
  throw runtimeError('super(): __class__ cell not found');
};

classFrame.moduleName = (): PyObject | null => {
  const frame = vm.current;
  return frame ? dictGetStr(frame.globals, '__name__') : null;
};

interpreterImports.importModule = (name: string): PyObject => importModuleLevel(name, null, None, 0);
