// The evaluation loop (Python/ceval.c _PyEval_EvalFrameDefault, 3.11): one function runs
// frames over an explicit frame chain, so Python-to-Python calls never recurse on the host
// stack. Native code calling back into Python (a key function, a dunder) enters the loop
// again; both kinds of nesting count toward the recursion limit.
import { Op } from '../compiler/opcodes.js';
import { PyObject, decref, decrefAll, newref, xdecref } from '../objects/object.js';
import { CodeFlags, PyCode } from '../objects/code.js';
import { objectNew } from '../objects/objectmethods.js';
import { typeCall } from '../objects/typemethods.js';
import { PyFunction, functionCall, newFunction, trackFunction } from '../objects/function.js';
import { PyMethod } from '../objects/method.js';
import { PyMethodDescr, vectorcallMethodDescr } from '../objects/descr.js';
import { PyCell, newCell } from '../objects/cell.js';
import { PyGen, asyncGeneratorType, coroutineType, generatorType, GEN_BASICSIZE } from '../objects/generator.js';
import { getFrameObject } from '../objects/frame.js';
import { newTraceback } from '../objects/traceback.js';
import { PyDict, dictGetItem, dictSetItem, dictDelItem, dictType, isDict, newDict, dictMerge, dictUpdateArg, dictContains, dictItems, newDictPresized } from '../objects/dict.js';
import { PyStr, newStr, strType } from '../objects/str.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyInt, False, True, intType, newInt, newBool } from '../objects/int.js';
import { None } from '../objects/singletons.js';
import { newSlice } from '../objects/slice.js';
import { newSet, setAdd, setUpdate, type PySet } from '../objects/set.js';
import {
  BinaryOp, binaryOp, call, contains, getAttr, getItem, getIter, isTrue, iterNext, negative, positive,
  invert, richCompare, setAttr, setItem, genericGetAttr, instanceAttrsOf, lookupSpecial, repr, str, length,
  isSubclass, collect,
} from '../objects/abstract.js';
import {
  AssertionError, AttributeError, BaseException, KeyboardInterrupt, PyBaseException, RecursionError, StopIteration,
  SystemError, exceptionMatches, nameError, newException, pyErr, runtimeError,
  typeError, valueError, UnboundLocalError, NameError, KeyError, StopAsyncIteration,
} from '../objects/exceptions.js';
import { PyType, TypeFlags, type CompareOp } from '../objects/type.js';
import { allocObject } from '../objects/heap.js';
import { gcTrack } from '../gc/track.js';
import { Frame, FrameState } from './frame.js';
import { bindArguments } from './args.js';
import { listOps } from './sequences.js';
import { formatValue } from './format.js';
import { importName, importFrom, importStar } from './imports.js';
import { matchClass, matchKeys, matchMapping, matchSequence } from './matching.js';
import { exceptionGroupMatch, prepReraiseStar } from './exceptiongroups.js';
import type { ExcInfo } from '../objects/generator.js';
import { ProcessControl } from '../os/processControl.js';
import { executed } from '../os/clock.js';
import { AttrSite, needsSpecializing, loadInstanceValue, loadMethodCached, specializeAttr, specializeMethod, storeInstanceValue } from './attrcache.js';
import { asyncGenWrapValue } from './asyncgen.js';

/** The thread state the loop runs against (PyThreadState's fields the engine uses). */
export const vm = {
  current: null as Frame | null,
  /** Python frames plus native re-entries (the recursion counter). */
  depth: 0,
  recursionLimit: 1000,
  /** Set while a RecursionError is being handled, as CPython's overflow headroom. */
  overflowed: false,
  excInfo: { value: null, previous: null } as ExcInfo,
  interruptFlag: null as Int32Array | null,
  /** The `__build_class__` and print hooks builtins install. */
  builtins: null as PyDict | null,
  /** The exception that left the most recent loop unhandled (not re-chained by outer loops). */
  escaping: null as PyBaseException | null,
};

const INTERRUPT_INTERVAL = 4096;
let tick = INTERRUPT_INTERVAL;

/** Polls the host's interrupt flag: KeyboardInterrupt at a safe point. */
function checkInterrupt(): void {
  tick = INTERRUPT_INTERVAL;
  const flag = vm.interruptFlag;
  if (flag && Atomics.load(flag, 0) !== 0) {
    Atomics.store(flag, 0, 0);
    throw newException(KeyboardInterrupt, []);
  }
}

/** _PyErr_GetTopmostException: the exception being handled, or null. */
export function currentHandled(): PyObject | null {
  let info: ExcInfo | null = vm.excInfo;
  while (info && (info.value === null || info.value === None)) info = info.previous;
  return info ? info.value : null;
}

/** _PyErr_SetObject's chaining: the exception being handled becomes the new one's __context__. */
export function chainContext(e: PyBaseException): void {
  const handled = currentHandled();
  if (!handled || handled === e || !(handled instanceof PyBaseException)) return;
  let o: PyBaseException = handled;
  while (o.context) {
    if (o.context === e) {
      const c = o.context;
      o.context = null;
      decref(c);
      break;
    }
    o = o.context;
  }
  const old = e.context;
  e.context = newref(handled);
  xdecref(old);
}

/** Converts anything thrown inside the loop into an owned Python exception. */
export function asPyException(err: unknown): PyBaseException {
  if (err instanceof PyBaseException) return err;
  if (err instanceof ProcessControl) throw err;
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return pyErr(RecursionError, 'maximum recursion depth exceeded');
  }
  const msg = err instanceof Error ? err.message : String(err);
  return pyErr(SystemError, msg);
}

export function recursionError(suffix = ''): PyBaseException {
  return pyErr(RecursionError, `maximum recursion depth exceeded${suffix}`);
}

/** _Py_EnterRecursiveCall for native code about to call back into Python. */
export function enterRecursiveCall(suffix: string): void {
  if (++vm.depth > vm.recursionLimit) {
    vm.depth--;
    throw recursionError(suffix);
  }
}

export function leaveRecursiveCall(): void {
  vm.depth--;
}

// ------------------------------------------------------------------ frames

/** Frames kept per code object: enough for recursion a few dozen deep. */
const MAX_SPARE_FRAMES = 32;

/** A new frame for calling `func`, its arguments bound (references taken). */
function frameForCall(func: PyFunction, args: readonly (PyObject | null)[], start: number, count: number, kwnames: readonly string[] | null): Frame {
  const code = func.code;
  const spare = code.spareFrames.pop() as Frame | undefined;
  const f = spare ? spare.reuse(newref(func), func.globals, func.builtins) : new Frame(code, newref(func), func.globals, func.builtins, null);
  try {
    bindArguments(func, f.fast, args, start, count, kwnames);
  } catch (e) {
    f.clearLocals();
    decref(func);
    throw e;
  }
  return f;
}

const NOT_PLAIN_FUNCTION = CodeFlags.GENERATOR | CodeFlags.COROUTINE | CodeFlags.ITERABLE_COROUTINE | CodeFlags.ASYNC_GENERATOR;
const NO_ARGS: PyObject[] = [];

/** A class call `C(args)` whose instance object.__new__ makes and whose __init__ is a Python
 *  function: the instance is made here and __init__'s frame returned, to run in the calling loop
 *  (3.13's CALL_ALLOC_AND_ENTER_INIT), so a process can block, fork or switch inside __init__.
 *  The instance takes the class's slot on the stack as __init__'s self. Null for other calls,
 *  which type_call (typemethods.ts) makes. */
function initFrameForCall(type: PyType, stack: (PyObject | null)[], base: number, nargs: number, kwnames: readonly string[] | null): Frame | null {
  if (type.tp_new !== objectNew || type.type.tp_call !== typeCall) return null;
  const init = type.lookup('__init__');
  if (!(init instanceof PyFunction) || init.code.flags & NOT_PLAIN_FUNCTION) return null;
  const obj = objectNew(type, NO_ARGS, null);
  const refs = classCallReferences(obj, stack, base + 1, nargs, kwnames);
  stack[base + 1] = obj;
  decref(type);
  let f: Frame;
  try {
    f = frameForCall(init, stack, base + 1, nargs + 1, kwnames);
  } catch (e) {
    decrefAll(refs.reverse());
    throw e;
  }
  f.initSelf = newref(obj);
  f.callerRefs = refs;
  return f;
}

/** The references a class call holds while __init__ runs, as 3.11 makes it (the class has no
 *  vectorcall): the caller's stack (the class and the arguments), the keyword values' dict and the
 *  positional arguments' tuple of _PyObject_MakeTpCall, and with keywords the copy of every
 *  argument and of self that _PyStack_UnpackDict makes. `sys.getrefcount` in __init__ sees them. */
function classCallReferences(self: PyObject, stack: (PyObject | null)[], at: number, nargs: number, kwnames: readonly string[] | null): PyObject[] {
  const refs: PyObject[] = [];
  for (let i = at; i <= at + nargs; i++) refs.push(newref(stack[i]!));
  const nkw = kwnames?.length ?? 0;
  const first = at + 1;
  for (let i = first + nargs - nkw; i < first + nargs; i++) refs.push(newref(stack[i]!));
  for (let i = first; i < first + nargs - nkw; i++) refs.push(newref(stack[i]!));
  if (nkw > 0) {
    refs.push(newref(self));
    for (let i = first; i < first + nargs; i++) refs.push(newref(stack[i]!));
  }
  return refs;
}

/** The caller's references are given back when the frame is done, the last taken first. */
function releaseCallerRefs(f: Frame): void {
  const refs = f.callerRefs;
  if (refs === null) return;
  f.callerRefs = null;
  decrefAll(refs.reverse());
}

/** The Python function a CALL_FUNCTION_EX can run in the calling loop, or null. */
function pythonCallee(func: PyObject): PyFunction | null {
  if (func instanceof PyFunction) return func;
  return func instanceof PyMethod && func.func instanceof PyFunction ? func.func : null;
}

/** slot_tp_init's check of what __init__ returned; the instance, or the error. */
function initResult(r: PyObject, self: PyObject): PyObject {
  if (r === None) {
    decref(r);
    return self;
  }
  const tn = r.type.name;
  decref(r);
  decref(self);
  throw typeError(`__init__() should return None, not '${tn}'`);
}

function pushFrame(f: Frame): void {
  if (++vm.depth > vm.recursionLimit) {
    vm.depth--;
    releaseFrame(f);
    throw recursionError();
  }
  f.back = vm.current;
  vm.current = f;
  f.state = FrameState.EXECUTING;
}

/** _PyFrame_Clear: the frame object takes the locals when someone still holds it. */
export function releaseFrame(f: Frame): void {
  const fo = f.frameObject;
  if (fo) {
    if (fo.refcnt > 1) {
      fo.owned = true;
      decref(fo);
    } else {
      f.clearLocals();
      decref(fo);
    }
  } else {
    f.clearLocals();
  }
  f.state = FrameState.CLEARED;
  if (f.initSelf) {
    const o = f.initSelf;
    f.initSelf = null;
    decref(o);
  }
  releaseCallerRefs(f);
  if (f.func) decref(f.func);
}

/** Runs `func` with vectorcall arguments (the function's tp_call). */
export function callFunction(func: PyFunction, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const f = frameForCall(func, args, 0, args.length, kwnames);
  return runFrame(f, null);
}

functionCall.run = callFunction;

/** Runs a new entry frame until it returns (or yields, for generator frames). */
export function runFrame(f: Frame, pending: PyBaseException | null): PyObject {
  if (f.state === FrameState.CREATED) pushFrame(f);
  else {
    if (++vm.depth > vm.recursionLimit) {
      vm.depth--;
      throw recursionError();
    }
    f.back = vm.current;
    vm.current = f;
    f.state = FrameState.EXECUTING;
  }
  f.isEntry = true;
  return evalLoop(f, pending);
}

/** Runs a module or class body code object in a namespace (exec / the class statement). */
export function runCode(code: PyCode, globals: PyDict, builtins: PyDict, locals: PyObject, closure: PyTuple | null = null): PyObject {
  const f = new Frame(code, null, globals, builtins, newref(locals));
  if (closure) {
    const base = code.localsplusnames.length - code.nfreevars;
    closure.items.forEach((c, i) => {
      f.fast[base + i] = newref(c);
    });
  }
  return runFrame(f, null);
}

// ------------------------------------------------------------------ the loop

const kwnamesCache = new WeakMap<PyObject, string[]>();
function kwnamesOf(t: PyObject | null): string[] | null {
  if (t === null) return null;
  let names = kwnamesCache.get(t);
  if (!names) {
    names = (t as PyTuple).items.map((s) => (s as PyStr).value);
    kwnamesCache.set(t, names);
  }
  return names;
}

function unboundLocal(name: string): PyBaseException {
  return pyErr(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

function nameNotDefined(name: string): PyBaseException {
  const e = nameError(`name '${name}' is not defined`);
  e.setField('name', newStr(name));
  decref(e.field('name'));
  return e;
}

function freeVarError(code: PyCode, index: number): PyBaseException {
  const name = code.localsplusnames[index]!;
  if (index < code.localsplusnames.length - code.nfreevars) return unboundLocal(name);
  return nameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}

/** LOAD_GLOBAL / LOAD_NAME's last two steps: globals, then builtins. Borrowed or null. */
function lookupGlobal(globals: PyDict, builtins: PyDict, name: PyObject): PyObject | null {
  return dictGetItem(globals, name) ?? dictGetItem(builtins, name);
}

function isIntExact(o: PyObject): o is PyInt {
  return o.type === intType;
}

/** _PyObject_GetMethod: for generic attribute lookup, the unbound function and the object
 *  (no bound method is created); otherwise null and the attribute. */
function getMethod(obj: PyObject, name: string, out: [PyObject | null, PyObject | null]): void {
  const type = obj.type;
  if (type.tp_getattro !== undefined && type.tp_getattro !== genericGetAttr) {
    out[0] = null;
    out[1] = getAttr(obj, name);
    return;
  }
  const descr = type.lookup(name);
  let methFound = false;
  if (descr !== null) {
    if (descr.type.flags & TypeFlags.METHOD_DESCRIPTOR) methFound = true;
    else if (descr.type.tp_descr_get && descr.type.tp_descr_set) {
      out[0] = null;
      out[1] = descr.type.tp_descr_get(descr, obj, type);
      return;
    }
  }
  const attrs = instanceAttrsOf(type);
  if (attrs) {
    const v = attrs.get(obj, name);
    if (v !== null) {
      out[0] = null;
      out[1] = newref(v);
      return;
    }
  }
  if (methFound) {
    out[0] = newref(descr!);
    out[1] = newref(obj);
    return;
  }
  out[0] = null;
  out[1] = genericGetAttr(obj, name);
}

const methodOut: [PyObject | null, PyObject | null] = [null, null];

function findHandler(code: PyCode, lasti: number): number {
  const table = code.exceptionTable;
  for (let i = 0; i < table.length; i++) {
    const e = table[i]!;
    if (lasti >= e.start && lasti < e.end) return i;
  }
  return -1;
}

/** RAISE_VARARGS' do_raise: the exception to throw (owned) from the popped operands. */
function doRaise(exc: PyObject | null, cause: PyObject | null): PyBaseException {
  if (exc === null) {
    const handled = currentHandled();
    if (!handled) throw runtimeError('No active exception to reraise');
    return newref(handled as PyBaseException);
  }
  let value: PyBaseException;
  if (exc instanceof PyType && exc.isSubtype(BaseException)) {
    const v = call(exc, []);
    if (!(v instanceof PyBaseException)) {
      const tn = v.type.name;
      decref(v);
      throw typeError(`calling ${exc.name} should have returned an instance of BaseException, not ${tn}`);
    }
    value = v;
  } else if (exc instanceof PyBaseException) {
    value = newref(exc);
  } else {
    throw typeError('exceptions must derive from BaseException');
  }
  if (cause !== null) {
    let c: PyBaseException | null;
    if (cause instanceof PyType && cause.isSubtype(BaseException)) {
      c = call(cause, []) as PyBaseException;
    } else if (cause instanceof PyBaseException) {
      c = newref(cause);
    } else if (cause === None) {
      c = null;
    } else {
      decref(value);
      throw typeError('exception causes must derive from BaseException');
    }
    const old = value.cause;
    value.cause = c;
    xdecref(old);
    value.suppressContext = true;
  }
  return value;
}

function unpackSequence(seq: PyObject, n: number, stack: (PyObject | null)[], sp: number): void {
  if (seq instanceof PyTuple) {
    const items = seq.items;
    if (items.length !== n) throw unpackCountError(items.length, n);
    for (let i = 0; i < n; i++) stack[sp + n - 1 - i] = newref(items[i]!);
    return;
  }
  const it = getIter(seq);
  const got: PyObject[] = [];
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      if (got.length === n) {
        decref(x);
        for (const g of got) decref(g);
        throw valueError(`too many values to unpack (expected ${n})`);
      }
      got.push(x);
    }
  } finally {
    decref(it);
  }
  if (got.length < n) {
    for (const g of got) decref(g);
    throw valueError(`not enough values to unpack (expected ${n}, got ${got.length})`);
  }
  for (let i = 0; i < n; i++) stack[sp + n - 1 - i] = got[i]!;
}

function unpackCountError(have: number, n: number): PyBaseException {
  if (have < n) return valueError(`not enough values to unpack (expected ${n}, got ${have})`);
  return valueError(`too many values to unpack (expected ${n})`);
}

/** UNPACK_EX: `before` items, a list of the middle, `after` items; pushed last-first. */
function unpackEx(seq: PyObject, before: number, after: number): PyObject[] {
  const items = collectForUnpack(seq);
  const total = before + after;
  if (items.length < total) {
    for (const x of items) decref(x);
    throw valueError(`not enough values to unpack (expected at least ${total}, got ${items.length})`);
  }
  const middle = listOps.make(items.slice(before, items.length - after));
  return [...items.slice(0, before), middle, ...items.slice(items.length - after)];
}

function collectForUnpack(seq: PyObject): PyObject[] {
  if (!seq.type.tp_iter && !seq.type.sq_item) throw typeError(`cannot unpack non-iterable ${seq.type.name} object`);
  return collect(seq);
}

function addTraceback(f: Frame, exc: PyBaseException, lasti: number): void {
  f.lasti = lasti;
  const fo = getFrameObject(f);
  const tb = newTraceback(exc.traceback, fo, lasti, f.code.lineOf(lasti));
  decref(fo);
  const old = exc.traceback;
  exc.traceback = tb;
  xdecref(old);
}

/** FORMAT_VALUE's conversions: !s, !r, !a */
function convertValue(v: PyObject, which: number): PyObject {
  if (which === 1) return str(v);
  if (which === 2) return repr(v);
  return asciiOf(v);
}

function asciiOf(v: PyObject): PyObject {
  const r = repr(v) as PyStr;
  let out = '';
  for (const ch of r.value) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  decref(r);
  return newStr(out);
}

/** The main loop. `entry` is already pushed; `pending` resumes it by raising (gen.throw). */
export function evalLoop(entry: Frame, pending: PyBaseException | null): PyObject {
  let f = entry;
  let code = f.code;
  let instrs = code.code;
  let stack = f.stack;
  let fast = f.fast;
  let sp = f.sp;
  let pc = f.pc;
  let reraising = false;
  for (;;) {
    try {
      if (pending !== null) {
        const p = pending;
        pending = null;
        throw p;
      }
      for (;;) {
        const op = instrs[pc << 1]!;
        const arg = instrs[(pc << 1) + 1]!;
        f.lasti = pc++; // frame->prev_instr: what runs now can ask its frame for its line (tracemalloc)
        executed.instructions++; // the virtual clock's CPU cost model (os/clock.ts)
        switch (op) {
          case Op.NOP:
          case Op.RESUME:
          case Op.PRECALL:
          case Op.EXTENDED_ARG:
          case Op.CACHE:
            continue;
          case Op.LOAD_FAST: {
            const v = fast[arg];
            if (v === null || v === undefined) throw unboundLocal(code.localsplusnames[arg]!);
            v.refcnt++;
            stack[sp++] = v;
            continue;
          }
          case Op.LOAD_CONST: {
            const v = code.consts[arg]!;
            v.refcnt++;
            stack[sp++] = v;
            continue;
          }
          case Op.STORE_FAST: {
            const old = fast[arg];
            fast[arg] = stack[--sp]!;
            if (old) decref(old);
            continue;
          }
          case Op.DELETE_FAST: {
            const old = fast[arg];
            if (!old) throw unboundLocal(code.localsplusnames[arg]!);
            fast[arg] = null;
            decref(old);
            continue;
          }
          case Op.POP_TOP: {
            const v = stack[--sp]!;
            decref(v);
            continue;
          }
          case Op.PUSH_NULL:
            stack[sp++] = null;
            continue;
          case Op.COPY: {
            const v = stack[sp - arg]!;
            v.refcnt++;
            stack[sp++] = v;
            continue;
          }
          case Op.SWAP: {
            const t = stack[sp - 1]!;
            stack[sp - 1] = stack[sp - arg]!;
            stack[sp - arg] = t;
            continue;
          }
          case Op.UNARY_POSITIVE:
          case Op.UNARY_NEGATIVE:
          case Op.UNARY_INVERT: {
            const v = stack[sp - 1]!;
            const r = op === Op.UNARY_NEGATIVE ? negative(v) : op === Op.UNARY_POSITIVE ? positive(v) : invert(v);
            stack[sp - 1] = r;
            decref(v);
            continue;
          }
          case Op.UNARY_NOT: {
            const v = stack[sp - 1]!;
            const t = isTrue(v);
            stack[sp - 1] = newBool(!t);
            decref(v);
            continue;
          }
          case Op.BINARY_OP: {
            const w = stack[--sp]!;
            const v = stack[sp - 1]!;
            let r: PyObject | null = null;
            if (isIntExact(v) && isIntExact(w) && typeof v.value === 'number' && typeof w.value === 'number') {
              const a = v.value;
              const b = w.value;
              switch (arg) {
                case BinaryOp.ADD: case BinaryOp.INPLACE_ADD: {
                  const s = a + b;
                  if (Number.isSafeInteger(s)) r = newInt(s);
                  break;
                }
                case BinaryOp.SUBTRACT: case BinaryOp.INPLACE_SUBTRACT: {
                  const s = a - b;
                  if (Number.isSafeInteger(s)) r = newInt(s);
                  break;
                }
                case BinaryOp.MULTIPLY: case BinaryOp.INPLACE_MULTIPLY: {
                  const s = a * b;
                  if (Number.isSafeInteger(s) && s !== 0) r = newInt(s);
                  break;
                }
              }
            }
            if (r === null) r = binaryOp(v, w, arg as BinaryOp);
            stack[sp - 1] = r;
            decref(v);
            decref(w);
            continue;
          }
          case Op.COMPARE_OP: {
            const w = stack[--sp]!;
            const v = stack[sp - 1]!;
            let r: PyObject;
            if (isIntExact(v) && isIntExact(w) && typeof v.value === 'number' && typeof w.value === 'number') {
              const a = v.value;
              const b = w.value;
              let t: boolean;
              switch (arg) {
                case 0: t = a < b; break;
                case 1: t = a <= b; break;
                case 2: t = a === b; break;
                case 3: t = a !== b; break;
                case 4: t = a > b; break;
                default: t = a >= b; break;
              }
              r = t ? True : False;
              r.refcnt++;
            } else {
              r = richCompare(v, w, arg as CompareOp);
            }
            stack[sp - 1] = r;
            decref(v);
            decref(w);
            continue;
          }
          case Op.IS_OP: {
            const w = stack[--sp]!;
            const v = stack[sp - 1]!;
            stack[sp - 1] = newBool((v === w) !== (arg === 1));
            decref(v);
            decref(w);
            continue;
          }
          case Op.CONTAINS_OP: {
            const w = stack[--sp]!;
            const v = stack[sp - 1]!;
            const r = contains(w, v);
            stack[sp - 1] = newBool(r !== (arg === 1));
            decref(v);
            decref(w);
            continue;
          }
          case Op.BINARY_SUBSCR: {
            const key = stack[--sp]!;
            const container = stack[sp - 1]!;
            const r = getItem(container, key);
            stack[sp - 1] = r;
            decref(container);
            decref(key);
            continue;
          }
          case Op.STORE_SUBSCR: {
            const key = stack[--sp]!;
            const container = stack[--sp]!;
            const v = stack[--sp]!;
            setItem(container, key, v);
            decref(v);
            decref(container);
            decref(key);
            continue;
          }
          case Op.DELETE_SUBSCR: {
            const key = stack[--sp]!;
            const container = stack[--sp]!;
            setItem(container, key, null);
            decref(container);
            decref(key);
            continue;
          }
          case Op.BUILD_SLICE: {
            const step = arg === 3 ? stack[--sp]! : null;
            const stop = stack[--sp]!;
            const start = stack[sp - 1]!;
            const s = newSlice(start, stop, step);
            stack[sp - 1] = s;
            decref(start);
            decref(stop);
            xdecref(step);
            continue;
          }
          case Op.LOAD_GLOBAL: {
            const nameObj = code.nameObjects[arg >> 1]!;
            const v = lookupGlobal(f.globals, f.builtins, nameObj);
            if (v === null) throw nameNotDefined(code.names[arg >> 1]!);
            if (arg & 1) stack[sp++] = null;
            v.refcnt++;
            stack[sp++] = v;
            continue;
          }
          case Op.STORE_GLOBAL: {
            const v = stack[--sp]!;
            dictSetItem(f.globals, code.nameObjects[arg]!, v);
            decref(v);
            continue;
          }
          case Op.DELETE_GLOBAL: {
            const name = code.nameObjects[arg]!;
            if (!dictContains(f.globals, name)) throw nameNotDefined(code.names[arg]!);
            dictDelItem(f.globals, name);
            continue;
          }
          case Op.LOAD_NAME: {
            const name = code.nameObjects[arg]!;
            const locals = f.locals;
            if (locals === null) throw pyErr(SystemError, `no locals when loading '${code.names[arg]}'`);
            let v: PyObject | null;
            if (isDict(locals) && locals.type === (f.globals.type)) {
              v = dictGetItem(locals, name);
              if (v) v.refcnt++;
            } else {
              v = mappingGet(locals, name);
            }
            if (v === null) {
              v = lookupGlobal(f.globals, f.builtins, name);
              if (v === null) throw nameNotDefined(code.names[arg]!);
              v.refcnt++;
            }
            stack[sp++] = v;
            continue;
          }
          case Op.STORE_NAME: {
            const v = stack[--sp]!;
            const locals = f.locals;
            if (locals === null) throw pyErr(SystemError, `no locals found when storing '${code.names[arg]}'`);
            // PyDict_CheckExact: a namespace from __prepare__ that subclasses dict keeps its __setitem__.
            if (isDict(locals) && locals.type === dictType) dictSetItem(locals, code.nameObjects[arg]!, v);
            else setItem(locals, code.nameObjects[arg]!, v);
            decref(v);
            continue;
          }
          case Op.DELETE_NAME: {
            const locals = f.locals!;
            try {
              if (isDict(locals) && locals.type === dictType) dictDelItem(locals, code.nameObjects[arg]!);
              else setItem(locals, code.nameObjects[arg]!, null);
            } catch (e) {
              if (e instanceof PyBaseException && exceptionMatches(e, KeyError)) {
                decref(e);
                throw nameNotDefined(code.names[arg]!);
              }
              throw e;
            }
            continue;
          }
          case Op.MAKE_CELL: {
            const initial = fast[arg] ?? null;
            const cell = newCell(initial);
            if (initial) decref(initial);
            fast[arg] = cell;
            continue;
          }
          case Op.COPY_FREE_VARS: {
            const closure = f.func!.closure!.items;
            const base = fast.length - arg;
            for (let i = 0; i < arg; i++) fast[base + i] = newref(closure[i]!);
            continue;
          }
          case Op.LOAD_CLOSURE: {
            const c = fast[arg]!;
            c.refcnt++;
            stack[sp++] = c;
            continue;
          }
          case Op.LOAD_DEREF: {
            const v = (fast[arg] as PyCell).ref;
            if (v === null) throw freeVarError(code, arg);
            v.refcnt++;
            stack[sp++] = v;
            continue;
          }
          case Op.LOAD_CLASSDEREF: {
            const name = code.localsplusnames[arg]!;
            const locals = f.locals!;
            const key = newStr(name);
            let v: PyObject | null;
            try {
              v = isDict(locals) ? dictGetItem(locals, key) : mappingGet(locals, key);
              if (v && isDict(locals)) v.refcnt++;
            } finally {
              decref(key);
            }
            if (v === null) {
              v = (fast[arg] as PyCell).ref;
              if (v === null) throw freeVarError(code, arg);
              v.refcnt++;
            }
            stack[sp++] = v;
            continue;
          }
          case Op.STORE_DEREF: {
            const cell = fast[arg] as PyCell;
            const old = cell.ref;
            cell.ref = stack[--sp]!;
            xdecref(old);
            continue;
          }
          case Op.DELETE_DEREF: {
            const cell = fast[arg] as PyCell;
            const old = cell.ref;
            if (old === null) throw freeVarError(code, arg);
            cell.ref = null;
            decref(old);
            continue;
          }
          case Op.LOAD_ATTR: {
            const owner = stack[sp - 1]!;
            const site = code.caches[pc] as AttrSite | null;
            let r = loadInstanceValue(site, owner);
            if (r !== null) newref(r);
            else {
              const name = code.names[arg]!;
              try {
                r = getAttr(owner, name);
              } catch (e) {
                throw attributeErrorContext(e, owner, name);
              }
              if (needsSpecializing(site, owner.type)) code.caches[pc] = specializeAttr(owner.type, name);
            }
            stack[sp - 1] = r;
            decref(owner);
            continue;
          }
          case Op.STORE_ATTR: {
            const owner = stack[--sp]!;
            const v = stack[--sp]!;
            const site = code.caches[pc] as AttrSite | null;
            if (!storeInstanceValue(site, owner, v)) {
              const name = code.names[arg]!;
              setAttr(owner, name, v);
              if (needsSpecializing(site, owner.type)) code.caches[pc] = specializeAttr(owner.type, name);
            }
            decref(v);
            decref(owner);
            continue;
          }
          case Op.DELETE_ATTR: {
            const owner = stack[--sp]!;
            setAttr(owner, code.names[arg]!, null);
            decref(owner);
            continue;
          }
          case Op.LOAD_METHOD: {
            const obj = stack[sp - 1]!;
            const site = code.caches[pc] as AttrSite | null;
            const cached = loadMethodCached(site, obj);
            if (cached !== null) {
              stack[sp - 1] = newref(cached);
              stack[sp++] = obj;
              continue;
            }
            const name = code.names[arg]!;
            try {
              getMethod(obj, name, methodOut);
            } catch (e) {
              throw attributeErrorContext(e, obj, name);
            }
            if (needsSpecializing(site, obj.type)) code.caches[pc] = specializeMethod(obj.type, name);
            const m = methodOut[0];
            const second = methodOut[1]!;
            methodOut[0] = methodOut[1] = null;
            decref(obj);
            stack[sp - 1] = m;
            stack[sp++] = second;
            continue;
          }
          case Op.KW_NAMES:
            f.kwnames = code.consts[arg]!;
            continue;
          case Op.CALL: {
            if (--tick <= 0) checkInterrupt();
            const kwnames = kwnamesOf(f.kwnames);
            f.kwnames = null;
            const base = sp - arg - 2;
            let callable = stack[base];
            let argStart: number;
            let nargs: number;
            if (callable === null) {
              callable = stack[base + 1]!;
              if (callable instanceof PyMethod) {
                stack[base] = newref(callable.func);
                stack[base + 1] = newref(callable.self);
                decref(callable);
                callable = stack[base]!;
                argStart = base + 1;
                nargs = arg + 1;
              } else {
                argStart = base + 2;
                nargs = arg;
              }
            } else {
              argStart = base + 1;
              nargs = arg + 1;
            }
            const nf = callable instanceof PyFunction
              ? frameForCall(callable, stack, argStart, nargs, kwnames)
              : callable instanceof PyType && argStart === base + 2
                ? initFrameForCall(callable, stack, base, nargs, kwnames)
                : null;
            if (nf !== null) {
              for (let i = base; i < sp; i++) {
                const x = stack[i];
                stack[i] = null;
                if (x) decref(x);
              }
              sp = base;
              f.sp = sp;
              f.pc = pc;
              f.lasti = pc - 1;
              pushFrame(nf);
              f = nf;
              code = f.code;
              instrs = code.code;
              stack = f.stack;
              fast = f.fast;
              sp = 0;
              pc = 0;
              continue;
            }
            f.lasti = pc - 1;
            f.sp = sp;
            const r = callable instanceof PyMethodDescr && kwnames === null
              ? vectorcallMethodDescr(callable, stack, argStart, nargs)
              : call(callable, stack.slice(argStart, sp) as PyObject[], kwnames);
            for (let i = base; i < sp; i++) {
              const x = stack[i];
              stack[i] = null;
              if (x) decref(x);
            }
            sp = base;
            stack[sp++] = r;
            continue;
          }
          case Op.CALL_FUNCTION_EX: {
            const kwargs = arg & 1 ? stack[--sp]! : null;
            const callargs = stack[--sp]!;
            const func = stack[--sp]!;
            const nul = stack[--sp];
            f.lasti = pc - 1;
            // What the instruction holds until the call is done, in the order it took them.
            const held: PyObject[] = [];
            if (kwargs) held.push(kwargs);
            if (nul) held.push(nul);
            held.push(func);
            let nf: Frame | null = null;
            try {
              let argsTuple = callargs;
              if (!(callargs instanceof PyTuple)) {
                held.push(callargs);
                if (!callargs.type.tp_iter && !callargs.type.sq_item) {
                  throw typeError(`${funcDesc(func)} argument after * must be an iterable, not ${callargs.type.name}`);
                }
                argsTuple = newTuple(collect(callargs));
                // The tuple replaces the iterable at once (Py_SETREF in ceval.c).
                held.pop();
                decref(callargs);
              }
              held.push(argsTuple);
              const positional = (argsTuple as PyTuple).items.slice();
              let names: string[] | null = null;
              if (kwargs) {
                names = [];
                const d = kwargs as PyDict;
                for (const [k, v] of dictItems(d)) {
                  if (!(k instanceof PyStr)) throw typeError(`keywords must be strings`);
                  names.push(k.value);
                  positional.push(v);
                }
              }
              const callee = pythonCallee(func);
              if (callee === null) stack[sp++] = call(func, positional, names);
              else {
                // A Python callee runs in this loop, as CALL's does (a process can block in it);
                // with keywords, _PyStack_UnpackDict's copy holds every argument meanwhile.
                if (names !== null && names.length > 0) for (const x of positional) held.push(newref(x));
                if (func instanceof PyMethod) positional.unshift(func.self);
                nf = frameForCall(callee, positional, 0, positional.length, names);
                nf.callerRefs = held;
              }
            } finally {
              if (nf === null) decrefAll(held.reverse());
            }
            if (nf !== null) {
              f.sp = sp;
              f.pc = pc;
              pushFrame(nf);
              f = nf;
              code = f.code;
              instrs = code.code;
              stack = f.stack;
              fast = f.fast;
              sp = 0;
              pc = 0;
            }
            continue;
          }
          case Op.MAKE_FUNCTION: {
            const codeObj = stack[--sp] as PyCode;
            const fn = newFunction(codeObj, f.globals, f.builtins);
            decref(codeObj);
            if (arg & 8) fn.closure = stack[--sp] as PyTuple;
            if (arg & 4) {
              const ann = stack[--sp] as PyTuple;
              const d = newDict();
              for (let i = 0; i < ann.items.length; i += 2) dictSetItem(d, ann.items[i]!, ann.items[i + 1]!);
              decref(ann);
              fn.annotations = d;
            }
            if (arg & 2) fn.kwdefaults = stack[--sp] as PyDict;
            if (arg & 1) fn.defaults = stack[--sp] as PyTuple;
            trackFunction(fn);
            stack[sp++] = fn;
            continue;
          }
          case Op.RETURN_VALUE: {
            let r = stack[--sp]!;
            const done = f;
            done.sp = sp;
            const initSelf = done.initSelf;
            done.initSelf = null;
            vm.current = done.back;
            vm.depth--;
            if (done.generator) {
              done.state = FrameState.COMPLETED;
              releaseFrame(done);
              return r;
            }
            const reusable = done.frameObject === null && done.code.spareFrames.length < MAX_SPARE_FRAMES;
            releaseFrame(done);
            if (reusable) done.code.spareFrames.push(done);
            if (done.isEntry) return r;
            f = done.back!;
            code = f.code;
            instrs = code.code;
            stack = f.stack;
            fast = f.fast;
            sp = f.sp;
            pc = f.pc;
            if (initSelf !== null) r = initResult(r, initSelf);
            stack[sp++] = r;
            continue;
          }
          case Op.RETURN_GENERATOR: {
            releaseCallerRefs(f);
            const gen = makeGenerator(f);
            f.pc = pc;
            f.sp = sp;
            f.lasti = pc - 1;
            f.state = FrameState.CREATED;
            vm.current = f.back;
            vm.depth--;
            const done = f;
            if (done.isEntry) {
              done.isEntry = false;
              return gen;
            }
            f = done.back!;
            done.back = null;
            code = f.code;
            instrs = code.code;
            stack = f.stack;
            fast = f.fast;
            sp = f.sp;
            pc = f.pc;
            stack[sp++] = gen;
            continue;
          }
          case Op.YIELD_VALUE: {
            const r = stack[--sp]!;
            f.sp = sp;
            f.pc = pc;
            f.lasti = pc - 1;
            f.state = FrameState.SUSPENDED;
            vm.current = f.back;
            vm.depth--;
            return r;
          }
          case Op.GET_ITER: {
            const v = stack[sp - 1]!;
            stack[sp - 1] = getIter(v);
            decref(v);
            continue;
          }
          case Op.GET_YIELD_FROM_ITER: {
            const v = stack[sp - 1]!;
            if (v instanceof PyGen && v.type !== generatorType) {
              if (v.type === coroutineType && !(code.flags & (CodeFlags.COROUTINE | CodeFlags.ITERABLE_COROUTINE))) {
                throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
              }
              continue;
            }
            if (v instanceof PyGen) continue;
            stack[sp - 1] = getIter(v);
            decref(v);
            continue;
          }
          case Op.FOR_ITER: {
            const it = stack[sp - 1]!;
            const next = it.type.tp_iternext;
            if (!next) throw typeError(`'${it.type.name}' object is not an iterator`);
            const v = next(it);
            if (v !== null) {
              stack[sp++] = v;
              continue;
            }
            stack[--sp] = null;
            decref(it);
            pc = arg;
            continue;
          }
          case Op.SEND: {
            const v = stack[--sp]!;
            const receiver = stack[sp - 1]!;
            let r: PyObject | null;
            try {
              r = sendTo(receiver, v);
            } finally {
              decref(v);
            }
            if (r === null) {
              // the sub-iterator finished: its return value replaces it
              const rv = takeStopValue();
              stack[sp - 1] = rv;
              decref(receiver);
              pc = arg;
              continue;
            }
            stack[sp++] = r;
            continue;
          }
          case Op.JUMP_FORWARD:
            pc = arg;
            continue;
          case Op.JUMP_BACKWARD:
            if (--tick <= 0) checkInterrupt();
            pc = arg;
            continue;
          case Op.JUMP_BACKWARD_NO_INTERRUPT:
            pc = arg;
            continue;
          case Op.POP_JUMP_FORWARD_IF_FALSE:
          case Op.POP_JUMP_BACKWARD_IF_FALSE: {
            const v = stack[--sp]!;
            if (v === False) pc = arg;
            else if (v !== True) {
              const t = isTrue(v);
              decref(v);
              if (!t) pc = arg;
            }
            if (op === Op.POP_JUMP_BACKWARD_IF_FALSE && --tick <= 0) checkInterrupt();
            continue;
          }
          case Op.POP_JUMP_FORWARD_IF_TRUE:
          case Op.POP_JUMP_BACKWARD_IF_TRUE: {
            const v = stack[--sp]!;
            if (v === True) pc = arg;
            else if (v !== False) {
              const t = isTrue(v);
              decref(v);
              if (t) pc = arg;
            }
            if (op === Op.POP_JUMP_BACKWARD_IF_TRUE && --tick <= 0) checkInterrupt();
            continue;
          }
          case Op.POP_JUMP_FORWARD_IF_NONE:
          case Op.POP_JUMP_BACKWARD_IF_NONE: {
            const v = stack[--sp]!;
            if (v === None) pc = arg;
            decref(v);
            continue;
          }
          case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
          case Op.POP_JUMP_BACKWARD_IF_NOT_NONE: {
            const v = stack[--sp]!;
            if (v !== None) pc = arg;
            decref(v);
            continue;
          }
          case Op.JUMP_IF_FALSE_OR_POP: {
            const v = stack[sp - 1]!;
            if (!isTrue(v)) pc = arg;
            else {
              sp--;
              decref(v);
            }
            continue;
          }
          case Op.JUMP_IF_TRUE_OR_POP: {
            const v = stack[sp - 1]!;
            if (isTrue(v)) pc = arg;
            else {
              sp--;
              decref(v);
            }
            continue;
          }
          case Op.BUILD_TUPLE: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            sp -= arg;
            stack[sp++] = newTuple(items);
            continue;
          }
          case Op.BUILD_LIST: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            sp -= arg;
            stack[sp++] = listOps.make(items);
            continue;
          }
          case Op.LIST_TO_TUPLE: {
            const l = stack[sp - 1]!;
            const items = listOps.items(l).map((x) => newref(x));
            stack[sp - 1] = newTuple(items);
            decref(l);
            continue;
          }
          case Op.BUILD_SET: {
            const s = newSet();
            try {
              for (let i = sp - arg; i < sp; i++) setAdd(s, stack[i]!);
            } catch (e) {
              decref(s);
              throw e;
            }
            for (let i = sp - arg; i < sp; i++) decref(stack[i]!);
            sp -= arg;
            stack[sp++] = s;
            continue;
          }
          case Op.BUILD_MAP: {
            const d = newDictPresizedFor(arg);
            try {
              for (let i = sp - 2 * arg; i < sp; i += 2) dictSetItem(d, stack[i]!, stack[i + 1]!);
            } catch (e) {
              decref(d);
              throw e;
            }
            for (let i = sp - 2 * arg; i < sp; i++) decref(stack[i]!);
            sp -= 2 * arg;
            stack[sp++] = d;
            continue;
          }
          case Op.BUILD_CONST_KEY_MAP: {
            const keys = stack[--sp] as PyTuple;
            const d = newDictPresizedFor(arg);
            for (let i = 0; i < arg; i++) dictSetItem(d, keys.items[i]!, stack[sp - arg + i]!);
            for (let i = sp - arg; i < sp; i++) decref(stack[i]!);
            decref(keys);
            sp -= arg;
            stack[sp++] = d;
            continue;
          }
          case Op.LIST_APPEND: {
            const v = stack[--sp]!;
            listOps.append(stack[sp - arg]!, v);
            decref(v);
            continue;
          }
          case Op.SET_ADD: {
            const v = stack[--sp]!;
            setAdd(stack[sp - arg] as PySet, v);
            decref(v);
            continue;
          }
          case Op.MAP_ADD: {
            const v = stack[--sp]!;
            const k = stack[--sp]!;
            dictSetItem(stack[sp - arg] as PyDict, k, v);
            decref(k);
            decref(v);
            continue;
          }
          case Op.LIST_EXTEND: {
            const v = stack[--sp]!;
            try {
              if (!v.type.tp_iter && !v.type.sq_item) {
                throw typeError(`Value after * must be an iterable, not ${v.type.name}`);
              }
              listOps.extend(stack[sp - arg]!, v);
            } finally {
              decref(v);
            }
            continue;
          }
          case Op.SET_UPDATE: {
            const v = stack[--sp]!;
            try {
              setUpdate(stack[sp - arg] as PySet, v);
            } finally {
              decref(v);
            }
            continue;
          }
          case Op.DICT_UPDATE: {
            const v = stack[--sp]!;
            try {
              if (!isDict(v) && !lookupSpecialExists(v, 'keys')) {
                throw typeError(`'${v.type.name}' object is not a mapping`);
              }
              dictUpdateArg(stack[sp - arg] as PyDict, v);
            } finally {
              decref(v);
            }
            continue;
          }
          case Op.DICT_MERGE: {
            const v = stack[--sp]!;
            try {
              dictMergeForCall(stack[sp - arg] as PyDict, v, stack[sp - arg - 2]!);
            } finally {
              decref(v);
            }
            continue;
          }
          case Op.UNPACK_SEQUENCE: {
            const seq = stack[--sp]!;
            if (seq instanceof PyTuple && seq.items.length === arg) {
              for (let i = 0; i < arg; i++) stack[sp + arg - 1 - i] = newref(seq.items[i]!);
            } else {
              if (!seq.type.tp_iter && !seq.type.sq_item) {
                stack[sp++] = seq;
                throw typeError(`cannot unpack non-iterable ${seq.type.name} object`);
              }
              try {
                unpackSequence(seq, arg, stack, sp);
              } catch (e) {
                stack[sp++] = seq;
                throw e;
              }
            }
            sp += arg;
            decref(seq);
            continue;
          }
          case Op.UNPACK_EX: {
            const seq = stack[--sp]!;
            let items: PyObject[];
            try {
              items = unpackEx(seq, arg & 0xff, arg >> 8);
            } finally {
              decref(seq);
            }
            for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i]!;
            continue;
          }
          case Op.FORMAT_VALUE: {
            const spec = (arg & 4) ? stack[--sp]! : null;
            let v = stack[--sp]!;
            const which = arg & 3;
            if (which) {
              const c = convertValue(v, which);
              decref(v);
              v = c;
            }
            let r: PyObject;
            try {
              r = spec === null && v.type === strType ? newref(v) : formatValue(v, spec);
            } finally {
              decref(v);
              xdecref(spec);
            }
            stack[sp++] = r;
            continue;
          }
          case Op.BUILD_STRING: {
            let s = '';
            for (let i = sp - arg; i < sp; i++) s += (stack[i] as PyStr).value;
            for (let i = sp - arg; i < sp; i++) decref(stack[i]!);
            sp -= arg;
            stack[sp++] = newStr(s);
            continue;
          }
          case Op.PRINT_EXPR: {
            const v = stack[--sp]!;
            try {
              displayHook.run(v);
            } finally {
              decref(v);
            }
            continue;
          }
          case Op.LOAD_BUILD_CLASS: {
            const bc = dictGetItem(f.builtins, buildClassName());
            if (!bc) throw pyErr(NameError, '__build_class__ not found');
            bc.refcnt++;
            stack[sp++] = bc;
            continue;
          }
          case Op.LOAD_ASSERTION_ERROR:
            AssertionError.refcnt++;
            stack[sp++] = AssertionError;
            continue;
          case Op.SETUP_ANNOTATIONS: {
            const locals = f.locals!;
            const key = newStr('__annotations__');
            try {
              const have = isDict(locals) ? dictGetItem(locals, key) : mappingGet(locals, key);
              if (!have) {
                const d = newDict();
                setItem(locals, key, d);
                decref(d);
              } else if (!isDict(locals)) {
                decref(have);
              }
            } finally {
              decref(key);
            }
            continue;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack[--sp]!;
            const level = stack[sp - 1]!;
            f.lasti = pc - 1;
            let m: PyObject;
            try {
              m = importName(f, code.names[arg]!, fromlist, level);
            } finally {
              decref(fromlist);
            }
            stack[sp - 1] = m;
            decref(level);
            continue;
          }
          case Op.IMPORT_FROM: {
            const m = stack[sp - 1]!;
            stack[sp++] = importFrom(m, code.names[arg]!);
            continue;
          }
          case Op.IMPORT_STAR: {
            const m = stack[--sp]!;
            try {
              importStar(f, m);
            } finally {
              decref(m);
            }
            continue;
          }
          case Op.RAISE_VARARGS: {
            let cause: PyObject | null = null;
            let exc: PyObject | null = null;
            if (arg === 2) cause = stack[--sp]!;
            if (arg >= 1) exc = stack[--sp]!;
            let e: PyBaseException;
            try {
              e = doRaise(exc, cause);
            } finally {
              xdecref(exc);
              xdecref(cause);
            }
            if (arg === 0) {
              reraising = true;
              f.lasti = pc - 1;
            }
            throw e;
          }
          case Op.RERAISE: {
            const e = stack[--sp]!;
            // The restored lasti is what a handler further out sees; the handler search
            // itself starts from this instruction.
            f.lasti = arg ? ((stack[sp - arg] as PyInt).value as number) : pc - 1;
            reraising = true;
            throw e;
          }
          case Op.PUSH_EXC_INFO: {
            const v = stack[sp - 1]!;
            const info = vm.excInfo;
            const prev = info.value;
            stack[sp - 1] = prev ?? newref(None);
            info.value = newref(v);
            stack[sp++] = v;
            continue;
          }
          case Op.POP_EXCEPT: {
            const v = stack[--sp]!;
            const info = vm.excInfo;
            const old = info.value;
            info.value = v === None ? null : v;
            if (v === None) decref(v);
            xdecref(old);
            continue;
          }
          case Op.CHECK_EXC_MATCH: {
            const right = stack[--sp]!;
            const left = stack[sp - 1]!;
            try {
              checkExceptType(right);
              stack[sp++] = newBool(isSubclass(left.type, right));
            } finally {
              decref(right);
            }
            continue;
          }
          case Op.CHECK_EG_MATCH: {
            const matchType = stack[--sp]!;
            const eg = stack[sp - 1]!;
            let res: [PyObject, PyObject];
            try {
              checkExceptType(matchType);
              res = exceptionGroupMatch(eg, matchType);
            } finally {
              decref(matchType);
            }
            decref(eg);
            stack[sp - 1] = res[1];
            stack[sp++] = res[0];
            if (res[0] !== None) {
              const info = vm.excInfo;
              const old = info.value;
              info.value = newref(res[0]);
              xdecref(old);
            }
            continue;
          }
          case Op.PREP_RERAISE_STAR: {
            const excs = stack[--sp]!;
            const orig = stack[sp - 1]!;
            const r = prepReraiseStar(orig, excs);
            decref(excs);
            decref(orig);
            stack[sp - 1] = r;
            continue;
          }
          case Op.BEFORE_WITH:
          case Op.BEFORE_ASYNC_WITH: {
            const mgr = stack[sp - 1]!;
            const isAsync = op === Op.BEFORE_ASYNC_WITH;
            const enter = lookupSpecial(mgr, isAsync ? '__aenter__' : '__enter__');
            if (!enter) {
              throw typeError(`'${mgr.type.name}' object does not support the ${isAsync ? 'asynchronous ' : ''}context manager protocol`);
            }
            const exit = lookupSpecial(mgr, isAsync ? '__aexit__' : '__exit__');
            if (!exit) {
              decref(enter);
              throw typeError(`'${mgr.type.name}' object does not support the ${isAsync ? 'asynchronous ' : ''}context manager protocol (missed __${isAsync ? 'a' : ''}exit__ method)`);
            }
            stack[sp - 1] = exit;
            decref(mgr);
            if (!isAsync && enter instanceof PyMethod && enter.func instanceof PyFunction) {
              // A Python __enter__ runs in this loop, as a CALL's callee does, so a process that
              // blocks inside it (a lock's acquire) can give the host stack back and resume.
              let nf: Frame;
              try {
                nf = frameForCall(enter.func, [enter.self], 0, 1, null);
              } finally {
                decref(enter);
              }
              f.sp = sp;
              f.pc = pc;
              f.lasti = pc - 1;
              pushFrame(nf);
              f = nf;
              code = f.code;
              instrs = code.code;
              stack = f.stack;
              fast = f.fast;
              sp = 0;
              pc = 0;
              continue;
            }
            let r: PyObject;
            try {
              r = call(enter, []);
            } finally {
              decref(enter);
            }
            stack[sp++] = r;
            continue;
          }
          case Op.WITH_EXCEPT_START: {
            const val = stack[sp - 1] as PyBaseException;
            const exit = stack[sp - 4]!;
            const tb = val.traceback ?? None;
            const r = call(exit, [val.type, val, tb]);
            stack[sp++] = r;
            continue;
          }
          case Op.GET_LEN: {
            const n = length(stack[sp - 1]!);
            stack[sp++] = newInt(n);
            continue;
          }
          case Op.MATCH_MAPPING:
            stack[sp] = newBool(matchMapping(stack[sp - 1]!));
            sp++;
            continue;
          case Op.MATCH_SEQUENCE:
            stack[sp] = newBool(matchSequence(stack[sp - 1]!));
            sp++;
            continue;
          case Op.MATCH_KEYS: {
            const r = matchKeys(stack[sp - 2]!, stack[sp - 1]!);
            stack[sp++] = r;
            continue;
          }
          case Op.MATCH_CLASS: {
            const names = stack[--sp]!;
            const cls = stack[--sp]!;
            const subject = stack[sp - 1]!;
            let r: PyObject;
            try {
              r = matchClass(subject, cls, arg, names as PyTuple);
            } finally {
              decref(names);
              decref(cls);
            }
            stack[sp - 1] = r;
            decref(subject);
            continue;
          }
          case Op.GET_AWAITABLE: {
            const v = stack[sp - 1]!;
            stack[sp - 1] = getAwaitable(v, arg);
            decref(v);
            continue;
          }
          case Op.GET_AITER: {
            const v = stack[sp - 1]!;
            const m = lookupSpecial(v, '__aiter__');
            if (!m) throw typeError(`'async for' requires an object with __aiter__ method, got ${v.type.name}`);
            const it = call(m, []);
            decref(m);
            stack[sp - 1] = it;
            decref(v);
            continue;
          }
          case Op.GET_ANEXT: {
            const it = stack[sp - 1]!;
            const m = lookupSpecial(it, '__anext__');
            if (!m) throw typeError(`'async for' requires an iterator with __anext__ method, got ${it.type.name}`);
            const aw = call(m, []);
            decref(m);
            try {
              stack[sp++] = getAwaitable(aw, 0);
            } finally {
              decref(aw);
            }
            continue;
          }
          case Op.END_ASYNC_FOR: {
            const e = stack[--sp]!;
            if (e instanceof PyBaseException && exceptionMatches(e, StopAsyncIteration)) {
              decref(e);
              const it = stack[--sp]!;
              decref(it);
              continue;
            }
            reraising = true;
            throw e;
          }
          case Op.ASYNC_GEN_WRAP:
            stack[sp - 1] = asyncGenWrap(stack[sp - 1]!);
            continue;
          default:
            throw pyErr(SystemError, `unknown opcode ${op}`);
        }
      }
    } catch (err) {
      let exc = asPyException(err);
      const wasReraise = reraising;
      reraising = false;
      const fresh = !wasReraise && exc !== vm.escaping;
      vm.escaping = null;
      if (fresh) {
        chainContext(exc);
        if (exc.type === RecursionError) vm.overflowed = false;
      }
      let lasti = wasReraise ? f.lasti : pc - 1;
      let rer = wasReraise;
      for (;;) {
        if (!rer) addTraceback(f, exc, lasti);
        rer = false;
        const h = findHandler(code, pc - 1);
        if (h >= 0) {
          const entry = code.exceptionTable[h]!;
          while (sp > entry.depth) {
            const x = stack[--sp];
            stack[sp] = null;
            if (x) decref(x);
          }
          if (entry.lasti) stack[sp++] = newInt(lasti);
          stack[sp++] = exc;
          pc = entry.target;
          break;
        }
        // No handler: the frame ends with the exception.
        while (sp > 0) {
          const x = stack[--sp];
          stack[sp] = null;
          if (x) decref(x);
        }
        const done = f;
        done.sp = 0;
        vm.current = done.back;
        vm.depth--;
        if (done.generator) done.state = FrameState.COMPLETED;
        releaseFrame(done);
        if (done.isEntry) {
          vm.escaping = exc;
          throw exc;
        }
        f = done.back!;
        code = f.code;
        instrs = code.code;
        stack = f.stack;
        fast = f.fast;
        sp = f.sp;
        pc = f.pc;
        lasti = pc - 1;
      }
    }
  }
}

/** set_attribute_error_context: an AttributeError from an attribute load records the name and
 *  the object, which the traceback printer's "Did you mean" uses. */
function attributeErrorContext(e: unknown, obj: PyObject, name: string): unknown {
  if (e instanceof PyBaseException && exceptionMatches(e, AttributeError) && !e.fields?.has('name')) {
    const n = newStr(name);
    e.setField('name', n);
    decref(n);
    e.setField('obj', obj);
  }
  return e;
}

/** _PyObject_FunctionStr for the callables a star-call names: a function outside builtins with
 *  its module (`__main__.f()`). */
function funcDesc(func: PyObject): string {
  if (func instanceof PyFunction) {
    const mod = func.module;
    const prefix = mod instanceof PyStr && mod.value !== 'builtins' ? `${mod.value}.` : '';
    return `${prefix}${func.qualname.value}()`;
  }
  return `${func.type.name} object`;
}

function checkExceptType(t: PyObject): void {
  const ok = (x: PyObject): boolean => x instanceof PyType && x.isSubtype(BaseException);
  if (t instanceof PyTuple ? t.items.every(ok) : ok(t)) return;
  throw typeError('catching classes that do not inherit from BaseException is not allowed');
}

function lookupSpecialExists(o: PyObject, name: string): boolean {
  return o.type.lookup(name) !== null;
}

/** DICT_MERGE: `**mapping` in a call; repeated keywords are an error. */
function dictMergeForCall(d: PyDict, v: PyObject, func: PyObject): void {
  if (!isDict(v) && !lookupSpecialExists(v, 'keys')) {
    throw typeError(`${funcDesc(func)} argument after ** must be a mapping, not ${v.type.name}`);
  }
  try {
    dictMerge(d, v, 2);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, KeyError)) {
      const key = e.args.items[0];
      decref(e);
      const name = key instanceof PyStr ? key.value : '?';
      throw typeError(`${funcDesc(func)} got multiple values for keyword argument '${name}'`);
    }
    throw e;
  }
}

/** A mapping lookup that treats KeyError as "missing" (LOAD_NAME on non-dict locals). */
function mappingGet(m: PyObject, key: PyObject): PyObject | null {
  try {
    return getItem(m, key);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, KeyError)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

function newDictPresizedFor(n: number): PyDict {
  return n > 5 ? newDictPresized(n, false) : newDict();
}

let buildClassKey: PyObject | null = null;
function buildClassName(): PyObject {
  if (!buildClassKey) buildClassKey = newStr('__build_class__');
  return buildClassKey;
}

/** What PRINT_EXPR calls (sys.displayhook). */
export const displayHook = {
  run: (_v: PyObject): void => {},
};

// ------------------------------------------------------------------ generators

function makeGenerator(f: Frame): PyGen {
  const flags = f.code.flags;
  const type = flags & CodeFlags.COROUTINE ? coroutineType : flags & CodeFlags.ASYNC_GENERATOR ? asyncGeneratorType : generatorType;
  const func = f.func!;
  const g = new PyGen(type, f, newref(func.name), newref(func.qualname));
  allocObject(g, GEN_BASICSIZE + 8 * (f.code.localsplusnames.length + f.code.stacksize));
  f.generator = g;
  gcTrack(g);
  return g;
}

/** Stop value handoff between a finished sub-iterator and SEND (avoids a StopIteration object). */
let stopValue: PyObject | null = null;
export function setStopValue(v: PyObject): void {
  stopValue = v;
}
export function takeStopValue(): PyObject {
  const v = stopValue ?? newref(None);
  stopValue = null;
  return v;
}

/** SEND's step: the next value from the sub-iterator, or null when it returned (its value is
 *  left for takeStopValue). */
function sendTo(receiver: PyObject, v: PyObject): PyObject | null {
  if (receiver instanceof PyGen) return genSendEx(receiver, v, false);
  if (v === None && receiver.type.tp_iternext) {
    let r: PyObject | null;
    try {
      r = receiver.type.tp_iternext(receiver);
    } catch (e) {
      if (e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
        setStopValue(newref(e.args.items[0] ?? None));
        decref(e);
        return null;
      }
      throw e;
    }
    if (r === null) setStopValue(newref(None));
    return r;
  }
  try {
    const m = getAttr(receiver, 'send');
    try {
      return call(m, [v]);
    } finally {
      decref(m);
    }
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
      setStopValue(newref(e.args.items[0] ?? None));
      decref(e);
      return null;
    }
    throw e;
  }
}

/** gen_send_ex: resumes a generator with `arg` (or raising it, when `exc`). Returns the value
 *  yielded, or null when the generator returned (its value is left for takeStopValue). */
export function genSendEx(g: PyGen, arg: PyObject, exc: boolean): PyObject | null {
  const f = g.frame;
  const isCoro = g.type === coroutineType;
  if (g.running) {
    throw valueError(`${isCoro ? 'coroutine' : g.type === asyncGeneratorType ? 'async generator' : 'generator'} already executing`);
  }
  if (g.finished) {
    if (isCoro && !exc) throw runtimeError('cannot reuse already awaited coroutine');
    if (exc) throw arg;
    setStopValue(newref(None));
    return null;
  }
  if (f.state === FrameState.CREATED && !exc && arg !== None) {
    throw typeError(`can't send non-None value to a just-started ${isCoro ? 'coroutine' : g.type === asyncGeneratorType ? 'async generator' : 'generator'}`);
  }
  if (!exc) {
    arg.refcnt++;
    f.stack[f.sp++] = arg;
  }
  g.running = true;
  const info = g.excInfo;
  info.previous = vm.excInfo;
  vm.excInfo = info;
  let r: PyObject;
  try {
    r = runFrame(f, exc ? (arg as PyBaseException) : null);
  } catch (e) {
    g.finished = true;
    if (e instanceof PyBaseException) {
      if (exceptionMatches(e, StopIteration) || (g.type === asyncGeneratorType && exceptionMatches(e, StopAsyncIteration))) {
        const what = isCoro ? 'coroutine' : g.type === asyncGeneratorType ? 'async generator' : 'generator';
        const raised = exceptionMatches(e, StopIteration) ? 'StopIteration' : 'StopAsyncIteration';
        const re = runtimeError(`${what} raised ${raised}`);
        re.cause = e;
        re.context = newref(e);
        re.suppressContext = true;
        throw re;
      }
    }
    throw e;
  } finally {
    g.running = false;
    vm.excInfo = info.previous!;
    info.previous = null;
  }
  if (f.state === FrameState.SUSPENDED) return r;
  g.finished = true;
  setStopValue(r);
  return null;
}

/** The generator's sub-iterator while it is suspended inside `yield from` / `await` (_PyGen_yf). */
export function delegatedIterator(g: PyGen): PyObject | null {
  const f = g.frame;
  if (g.finished || f.state !== FrameState.SUSPENDED) return null;
  const code = f.code.code;
  const next = f.pc;
  if (code[next << 1] === Op.RESUME && code[(next << 1) + 1]! >= 2) return f.stack[f.sp - 1] ?? null;
  return null;
}

/** After a delegated throw finished the sub-iterator: pop it and continue after the SEND loop. */
export function finishDelegation(g: PyGen): void {
  const f = g.frame;
  const sub = f.stack[--f.sp]!;
  f.stack[f.sp] = null;
  decref(sub);
  const sendAt = f.lasti - 1;
  f.pc = f.code.code[(sendAt << 1) + 1]!;
}

function getAwaitable(v: PyObject, where: number): PyObject {
  if (v instanceof PyGen && v.type === coroutineType) {
    if (delegatedIterator(v)) throw runtimeError('coroutine is being awaited already');
    return newref(v);
  }
  if (v instanceof PyGen && v.type === generatorType && v.frame.code.flags & CodeFlags.ITERABLE_COROUTINE) return newref(v);
  const m = lookupSpecial(v, '__await__');
  if (!m) {
    const what = where === 1 ? "'async with' received an object from __aenter__ that does not implement __await__: "
      : where === 2 ? "'async with' received an object from __aexit__ that does not implement __await__: "
        : "object ";
    if (where === 0) throw typeError(`object ${v.type.name} can't be used in 'await' expression`);
    throw typeError(`${what}${v.type.name}`);
  }
  const it = call(m, []);
  decref(m);
  if (it instanceof PyGen && it.type === coroutineType) {
    decref(it);
    throw typeError('__await__() returned a coroutine');
  }
  if (!it.type.tp_iternext) {
    const tn = it.type.name;
    decref(it);
    throw typeError(`__await__() returned non-iterator of type '${tn}'`);
  }
  return it;
}

/** Async generators mark the values they yield (ASYNC_GEN_WRAP), for their asend to unwrap. */
function asyncGenWrap(v: PyObject): PyObject {
  return asyncGenWrapValue(v);
}

