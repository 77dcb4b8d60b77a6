// The exception hierarchy (Objects/exceptions.c). A Python exception travels through native code
// as a thrown PyBaseException; the helpers below build the ones native code raises, with
// CPython's messages written at the raise sites.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType, type GetSetDef, type TypeSpec } from './define.js';
import { allocObject, freeObject, heap } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyTuple, emptyTuple, newTuple } from './tuple.js';
import { PyStr, newStr } from './str.js';
import { None } from './singletons.js';
import { dictCopy, dictItems, dictSetItem, isDict, newDict, type PyDict } from './dict.js';
import { repr, setAttr, str } from './abstract.js';
import { exceptionGroupSpec } from './exceptiongroup.js';
import { osErrorInit, osErrorNew, osErrorReduce, osErrorStr } from './oserror.js';

export class PyBaseException extends PyGCObject {
  args: PyTuple = emptyTuple;
  /** The instance __dict__, created on first attribute store. */
  dict: PyDict | null = null;
  traceback: PyObject | null = null;
  context: PyBaseException | null = null;
  cause: PyBaseException | null = null;
  suppressContext = false;
  notes: PyObject | null = null;
  /** Fields of the subclasses that have them (SyntaxError.msg, StopIteration.value, ...). */
  fields: Map<string, PyObject> | null = null;

  field(name: string): PyObject {
    return this.fields?.get(name) ?? None;
  }

  setField(name: string, value: PyObject): void {
    this.fields ??= new Map();
    const old = this.fields.get(name);
    this.fields.set(name, newref(value));
    xdecref(old);
  }
}

function deallocException(o: PyObject): void {
  const e = o as PyBaseException;
  gcUntrack(e);
  clearException(e);
  freeObject(e);
}

function clearException(e: PyBaseException): void {
  const args = e.args;
  e.args = emptyTuple;
  decref(args);
  xdecref(e.dict);
  e.dict = null;
  xdecref(e.traceback);
  e.traceback = null;
  xdecref(e.context);
  e.context = null;
  xdecref(e.cause);
  e.cause = null;
  xdecref(e.notes);
  e.notes = null;
  if (e.fields) {
    const fields = [...e.fields.values()];
    e.fields = null;
    for (const f of fields) decref(f);
  }
}

function traverseException(o: PyObject, visit: (c: PyObject) => void): void {
  const e = o as PyBaseException;
  visit(e.args);
  if (e.dict) visit(e.dict);
  if (e.traceback) visit(e.traceback);
  if (e.context) visit(e.context);
  if (e.cause) visit(e.cause);
  if (e.notes) visit(e.notes);
  if (e.fields) for (const f of e.fields.values()) visit(f);
}

/** BaseException_new: an instance of `type` holding `args`; subclass fields are set by tp_init. */
export function exceptionNew(type: PyType, args: PyObject[]): PyObject {
  const e = new PyBaseException(type);
  allocObject(e, type.basicsize);
  for (const a of args) a.refcnt++;
  e.args = newTuple(args.slice());
  gcTrack(e);
  return e;
}

export function exceptionInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const e = self as PyBaseException;
  if (kwnames && kwnames.length) throw typeError(`${self.type.name}() takes no keyword arguments`);
  const old = e.args;
  for (const a of args) a.refcnt++;
  e.args = newTuple(args.slice());
  decref(old);
}

/** BaseException_repr: `Name(arg)` for one argument, `Name(a, b)` / `Name()` otherwise. */
function exceptionRepr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const name = o.type.qualname;
  if (e.args.items.length === 1) return newStr(`${name}(${reprText(e.args.items[0]!)})`);
  return newStr(name + reprText(e.args));
}

/** BaseException_str */
function exceptionStr(o: PyObject): PyObject {
  const items = (o as PyBaseException).args.items;
  if (items.length === 0) return newStr('');
  if (items.length === 1) return str(items[0]!);
  return str((o as PyBaseException).args);
}

function reprText(o: PyObject): string {
  const r = repr(o) as PyStr;
  const text = r.value;
  decref(r);
  return text;
}

const BASE_FLAGS = TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.BASE_EXC_SUBCLASS;

function exceptionType(
  name: string, bases: PyType[], basicsize: number, slots: TypeSpec['slots'] = {}, extra: Partial<TypeSpec> = {},
): PyType {
  return defineType({
    ...extra,
    name,
    bases,
    flags: BASE_FLAGS,
    layout: { basicsize },
    slots: {
      tp_dealloc: deallocException,
      tp_traverse: traverseException,
      tp_new: (type, args) => exceptionNew(type, args),
      tp_init: exceptionInit,
      tp_repr: exceptionRepr,
      tp_str: exceptionStr,
      ...slots,
    },
  });
}

/** Stores positional arguments into named fields as the subclass's __init__ does. */
function initFields(names: readonly string[], fromSingleArg = false) {
  return (self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void => {
    exceptionInit(self, args, kwnames);
    const e = self as PyBaseException;
    if (fromSingleArg) {
      if (args.length > 0) e.setField(names[0]!, args.length === 1 ? args[0]! : e.args);
      return;
    }
    names.forEach((n, i) => {
      if (i < args.length) e.setField(n, args[i]!);
    });
  };
}

/** BaseException_reduce: the class and args, and the instance dict when there is one. */
function exceptionReduce(self: PyObject): PyObject {
  const e = self as PyBaseException;
  return reduceValue(e, newref(e.args), e.dict ? newref(e.dict) : null);
}

/** (type, args) or (type, args, state): steals args and state. */
export function reduceValue(e: PyBaseException, args: PyObject, state: PyObject | null): PyObject {
  const items = [newref(e.type), args];
  if (state) items.push(state);
  return newTuple(items);
}

/** BaseException_setstate: each item of a state dict becomes an attribute. */
function exceptionSetState(self: PyObject, state: PyObject): PyObject {
  if (state === None) return newref(None);
  if (!isDict(state)) throw typeError('state is not a dictionary');
  for (const [k, v] of [...dictItems(state)]) {
    if (!(k instanceof PyStr)) throw typeError(`attribute name must be string, not '${k.type.name}'`);
    setAttr(self, k.value, v);
  }
  return newref(None);
}

/** BaseException_get_dict / BaseException_set_dict: made on first access, replaceable by a dict. */
const exceptionDict: GetSetDef = {
  get: (o) => {
    const e = o as PyBaseException;
    e.dict ??= newDict();
    return newref(e.dict);
  },
  set: (o, v) => {
    if (v === null) throw typeError('__dict__ may not be deleted');
    if (!isDict(v)) throw typeError('__dict__ must be a dictionary');
    const e = o as PyBaseException;
    const old = e.dict;
    e.dict = newref(v);
    xdecref(old);
  },
};

export const BaseException = exceptionType('BaseException', [], 72, {}, {
  getsets: { __dict__: exceptionDict },
  methods: {
    __reduce__: { kind: 'noargs', fn: exceptionReduce },
    __setstate__: { kind: 'o', fn: exceptionSetState },
  },
});
const groupSpec = exceptionGroupSpec();
export const BaseExceptionGroup = exceptionType('BaseExceptionGroup', [BaseException], 88, groupSpec.slots, groupSpec);
export const Exception = exceptionType('Exception', [BaseException], 72);
export const GeneratorExit = exceptionType('GeneratorExit', [BaseException], 72);
export const KeyboardInterrupt = exceptionType('KeyboardInterrupt', [BaseException], 72);
export const SystemExit = exceptionType('SystemExit', [BaseException], 80, { tp_init: initFields(['code'], true) });
export const ExceptionGroup = exceptionType('ExceptionGroup', [BaseExceptionGroup, Exception], 88, groupSpec.slots);
export const ArithmeticError = exceptionType('ArithmeticError', [Exception], 72);
export const FloatingPointError = exceptionType('FloatingPointError', [ArithmeticError], 72);
export const OverflowError = exceptionType('OverflowError', [ArithmeticError], 72);
export const ZeroDivisionError = exceptionType('ZeroDivisionError', [ArithmeticError], 72);
export const AssertionError = exceptionType('AssertionError', [Exception], 72);
export const AttributeError = exceptionType('AttributeError', [Exception], 88);
export const BufferError = exceptionType('BufferError', [Exception], 72);
export const EOFError = exceptionType('EOFError', [Exception], 72);
/** ImportError_init: name and path by keyword only; a lone argument is also the msg. */
function importErrorInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const e = self as PyBaseException;
  const npos = args.length - (kwnames?.length ?? 0);
  kwnames?.forEach((k, i) => {
    if (k !== 'name' && k !== 'path') throw typeError(`'${k}' is an invalid keyword argument for ${self.type.name}()`);
    e.setField(k, args[npos + i]!);
  });
  const positional = args.slice(0, npos);
  exceptionInit(self, positional, null);
  if (positional.length === 1) e.setField('msg', positional[0]!);
}

/** ImportError_reduce: name and path travel in the state dict with the instance dict's items. */
function importErrorReduce(self: PyObject): PyObject {
  const e = self as PyBaseException;
  const name = e.field('name');
  const path = e.field('path');
  let state: PyDict | null = null;
  if (e.dict || name !== None || path !== None) {
    state = e.dict ? dictCopy(e.dict) : newDict();
    if (name !== None) dictSetStrKey(state, 'name', name);
    if (path !== None) dictSetStrKey(state, 'path', path);
  }
  return reduceValue(e, newref(e.args), state);
}

function dictSetStrKey(d: PyDict, key: string, value: PyObject): void {
  const k = newStr(key);
  dictSetItem(d, k, value);
  decref(k);
}

const importErrorSlots = { tp_init: importErrorInit };
const importErrorExtra = { methods: { __reduce__: { kind: 'noargs' as const, fn: importErrorReduce } } };
export const ImportError = exceptionType('ImportError', [Exception], 96, importErrorSlots, importErrorExtra);
export const ModuleNotFoundError = exceptionType('ModuleNotFoundError', [ImportError], 96, importErrorSlots);
export const LookupError = exceptionType('LookupError', [Exception], 72);
export const IndexError = exceptionType('IndexError', [LookupError], 72);
export const KeyError = exceptionType('KeyError', [LookupError], 72, {
  // KeyError_str: a lone key is shown by its repr, so that KeyError('') reads as ''.
  tp_str: (o) => {
    const items = (o as PyBaseException).args.items;
    return items.length === 1 ? repr(items[0]!) : exceptionStr(o);
  },
});
export const MemoryError = exceptionType('MemoryError', [Exception], 72);
export const NameError = exceptionType('NameError', [Exception], 80);
export const UnboundLocalError = exceptionType('UnboundLocalError', [NameError], 80);
const osErrorSlots = { tp_new: osErrorNew, tp_init: osErrorInit, tp_str: osErrorStr };
export const OSError = exceptionType('OSError', [Exception], 112, osErrorSlots, {
  methods: { __reduce__: { kind: 'noargs', fn: osErrorReduce } },
});
export const BlockingIOError = exceptionType('BlockingIOError', [OSError], 112, osErrorSlots);
export const ChildProcessError = exceptionType('ChildProcessError', [OSError], 112, osErrorSlots);
export const ConnectionError = exceptionType('ConnectionError', [OSError], 112, osErrorSlots);
export const BrokenPipeError = exceptionType('BrokenPipeError', [ConnectionError], 112, osErrorSlots);
export const ConnectionAbortedError = exceptionType('ConnectionAbortedError', [ConnectionError], 112, osErrorSlots);
export const ConnectionRefusedError = exceptionType('ConnectionRefusedError', [ConnectionError], 112, osErrorSlots);
export const ConnectionResetError = exceptionType('ConnectionResetError', [ConnectionError], 112, osErrorSlots);
export const FileExistsError = exceptionType('FileExistsError', [OSError], 112, osErrorSlots);
export const FileNotFoundError = exceptionType('FileNotFoundError', [OSError], 112, osErrorSlots);
export const InterruptedError = exceptionType('InterruptedError', [OSError], 112, osErrorSlots);
export const IsADirectoryError = exceptionType('IsADirectoryError', [OSError], 112, osErrorSlots);
export const NotADirectoryError = exceptionType('NotADirectoryError', [OSError], 112, osErrorSlots);
export const PermissionError = exceptionType('PermissionError', [OSError], 112, osErrorSlots);
export const ProcessLookupError = exceptionType('ProcessLookupError', [OSError], 112, osErrorSlots);
export const TimeoutError = exceptionType('TimeoutError', [OSError], 112, osErrorSlots);
export const ReferenceError = exceptionType('ReferenceError', [Exception], 72);
export const RuntimeError = exceptionType('RuntimeError', [Exception], 72);
export const NotImplementedError = exceptionType('NotImplementedError', [RuntimeError], 72);
export const RecursionError = exceptionType('RecursionError', [RuntimeError], 72);
export const StopAsyncIteration = exceptionType('StopAsyncIteration', [Exception], 72);
export const StopIteration = exceptionType('StopIteration', [Exception], 80, { tp_init: initFields(['value']) });
export const SyntaxError = exceptionType('SyntaxError', [Exception], 136);
export const IndentationError = exceptionType('IndentationError', [SyntaxError], 136);
export const TabError = exceptionType('TabError', [IndentationError], 136);
export const SystemError = exceptionType('SystemError', [Exception], 72);
export const TypeError = exceptionType('TypeError', [Exception], 72);
export const ValueError = exceptionType('ValueError', [Exception], 72);
export const UnicodeError = exceptionType('UnicodeError', [ValueError], 72);
export const UnicodeDecodeError = exceptionType('UnicodeDecodeError', [UnicodeError], 112);
export const UnicodeEncodeError = exceptionType('UnicodeEncodeError', [UnicodeError], 112);
export const UnicodeTranslateError = exceptionType('UnicodeTranslateError', [UnicodeError], 112);
export const Warning = exceptionType('Warning', [Exception], 72);
export const BytesWarning = exceptionType('BytesWarning', [Warning], 72);
export const DeprecationWarning = exceptionType('DeprecationWarning', [Warning], 72);
export const EncodingWarning = exceptionType('EncodingWarning', [Warning], 72);
export const FutureWarning = exceptionType('FutureWarning', [Warning], 72);
export const ImportWarning = exceptionType('ImportWarning', [Warning], 72);
export const PendingDeprecationWarning = exceptionType('PendingDeprecationWarning', [Warning], 72);
export const ResourceWarning = exceptionType('ResourceWarning', [Warning], 72);
export const RuntimeWarning = exceptionType('RuntimeWarning', [Warning], 72);
export const SyntaxWarning = exceptionType('SyntaxWarning', [Warning], 72);
export const UnicodeWarning = exceptionType('UnicodeWarning', [Warning], 72);
export const UserWarning = exceptionType('UserWarning', [Warning], 72);

/** Builds an exception of `type` with the given (borrowed) arguments, as `type(*args)` would
 *  for the builtin exception types. */
export function newException(type: PyType, args: PyObject[]): PyBaseException {
  const e = (type.tp_new === osErrorNew ? osErrorNew(type, args, null) : exceptionNew(type, args)) as PyBaseException;
  type.tp_init!(e, args, null);
  return e;
}

/** PyErr_SetString: an exception of `type` whose single argument is `msg`. */
export function pyErr(type: PyType, msg: string): PyBaseException {
  const m = newStr(msg);
  const e = newException(type, [m]);
  decref(m);
  return e;
}

export const typeError = (msg: string): PyBaseException => pyErr(TypeError, msg);
export const valueError = (msg: string): PyBaseException => pyErr(ValueError, msg);
export const attributeError = (msg: string): PyBaseException => pyErr(AttributeError, msg);
export const indexError = (msg: string): PyBaseException => pyErr(IndexError, msg);
export const overflowError = (msg: string): PyBaseException => pyErr(OverflowError, msg);
export const zeroDivisionError = (msg: string): PyBaseException => pyErr(ZeroDivisionError, msg);
export const runtimeError = (msg: string): PyBaseException => pyErr(RuntimeError, msg);
export const systemError = (msg: string): PyBaseException => pyErr(SystemError, msg);
export const nameError = (msg: string): PyBaseException => pyErr(NameError, msg);
export const notImplementedError = (msg: string): PyBaseException => pyErr(NotImplementedError, msg);
export const bufferError = (msg: string): PyBaseException => pyErr(BufferError, msg);
export const referenceError = (msg: string): PyBaseException => pyErr(ReferenceError, msg);

/** KeyError(key): the key itself is the argument (its repr is what the message shows). */
export function keyError(key: PyObject): PyBaseException {
  return newException(KeyError, [key]);
}

/** StopIteration carrying a generator's return value (None gives a bare StopIteration). */
export function stopIteration(value: PyObject | null): PyBaseException {
  return value === null || value === None ? newException(StopIteration, []) : newException(StopIteration, [value]);
}

/** MemoryError has no message when the allocator refuses a request, as in CPython. */
heap.memoryError = () => newException(MemoryError, []);

export function isException(o: unknown): o is PyBaseException {
  return o instanceof PyBaseException;
}

/** PyErr_GivenExceptionMatches for a thrown value and an exception type. */
export function exceptionMatches(e: PyBaseException, type: PyType): boolean {
  return e.type.isSubtype(type);
}
