// The core builtin functions (Python/bltinmodule.c): printing, introspection, attribute access,
// iteration, exec/eval/compile, __build_class__ and __import__.
import { PyObject, decref, newref, xdecref } from '../../objects/object.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { PyType } from '../../objects/type.js';
import { PyStr, newStr } from '../../objects/str.js';
import { PyInt, newInt, newBool } from '../../objects/int.js';
import { PyTuple, newTuple } from '../../objects/tuple.js';
import { PyDict, dictGetStr, dictSetItem, dictItems, isDict, newDict } from '../../objects/dict.js';
import { None } from '../../objects/singletons.js';
import {
  call, callMethod, getAttr, getAttrOrNull, getIter, hash, isCallable, isInstance, isSubclass, iterNext, length,
  lookupSpecial, repr, setAttr, str, collect,
} from '../../objects/abstract.js';
import {
  AttributeError, PyBaseException, StopIteration, exceptionMatches, stopIteration, typeError, valueError, runtimeError, pyErr,
  EOFError,
} from '../../objects/exceptions.js';
import { PyFunction } from '../../objects/function.js';
import { PyGen, generatorType } from '../../objects/generator.js';
import { nextWithValue } from '../../vm/generators.js';
import { PyCell } from '../../objects/cell.js';
import { PyCode } from '../../objects/code.js';
import { typeType } from '../../objects/typeobject.js';
import { calculateMetaclass } from '../../objects/classobject.js';
import { vm, runCode } from '../../vm/eval.js';
import { frameLocals } from '../../vm/locals.js';
import { importModuleLevel } from '../../vm/imports.js';
import { compileSource, type SourceMode } from '../../vm/compileSource.js';
import { engineIO } from '../../vm/io.js';
import { unpackArgs } from '../../objects/args.js';
import { listOps } from '../../vm/sequences.js';
import { newCallableIterator } from './calliter.js';

function kwargsOf(args: PyObject[], kwnames: readonly string[] | null): [PyObject[], Map<string, PyObject>] {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  const kw = new Map<string, PyObject>();
  for (let i = 0; i < nkw; i++) kw.set(kwnames![i]!, args[args.length - nkw + i]!);
  return [pos, kw];
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
function builtinPrint(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [objects, kw] = kwargsOf(args, kwnames);
  for (const k of kw.keys()) {
    if (!['sep', 'end', 'file', 'flush'].includes(k)) throw typeError(`'${k}' is an invalid keyword argument for print()`);
  }
  const sepObj = kw.get('sep') ?? None;
  const endObj = kw.get('end') ?? None;
  if (sepObj !== None && !(sepObj instanceof PyStr)) throw typeError(`sep must be None or a string, not ${sepObj.type.name}`);
  if (endObj !== None && !(endObj instanceof PyStr)) throw typeError(`end must be None or a string, not ${endObj.type.name}`);
  const sep = sepObj === None ? ' ' : (sepObj as PyStr).value;
  const end = endObj === None ? '\n' : (endObj as PyStr).value;
  let file = kw.get('file') ?? None;
  if (file === None) file = engineIO.stdoutObject();
  if (file === None) return newref(None);
  const direct = engineIO.directWriter(file);
  if (direct) {
    let text = '';
    for (let i = 0; i < objects.length; i++) {
      if (i) text += sep;
      const s = str(objects[i]!) as PyStr;
      text += s.value;
      decref(s);
    }
    direct(text + end);
  } else {
    const write = (text: string): void => {
      const s = newStr(text);
      try {
        decref(callMethod(file, 'write', [s]));
      } finally {
        decref(s);
      }
    };
    for (let i = 0; i < objects.length; i++) {
      if (i) write(sep);
      const s = str(objects[i]!) as PyStr;
      try {
        decref(callMethod(file, 'write', [s]));
      } finally {
        decref(s);
      }
    }
    write(end);
  }
  const flush = kw.get('flush');
  if (flush && flush !== None && flush.type.nb_bool?.(flush) !== false) decref(callMethod(file, 'flush', []));
  return newref(None);
}

function builtinInput(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`input expected at most 1 argument, got ${args.length}`);
  const prompt = args.length ? (str(args[0]!) as PyStr) : null;
  const text = prompt ? prompt.value : '';
  xdecref(prompt);
  engineIO.flush();
  const line = engineIO.input(text);
  if (line === null) throw pyErr(EOFError, 'EOF when reading a line');
  return newStr(line);
}

/** id(): the simulated address, as CPython's is the object's address. */
function builtinId(_self: PyObject, o: PyObject): PyObject {
  return newInt(o.addr);
}

function builtinLen(_self: PyObject, o: PyObject): PyObject {
  return newInt(length(o));
}

function builtinHash(_self: PyObject, o: PyObject): PyObject {
  return newInt(hash(o));
}

function builtinRepr(_self: PyObject, o: PyObject): PyObject {
  return repr(o);
}

function builtinIsinstance(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`isinstance expected 2 arguments, got ${args.length}`);
  return newBool(isInstance(args[0]!, args[1]!));
}

function builtinIssubclass(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`issubclass expected 2 arguments, got ${args.length}`);
  return newBool(isSubclass(args[0]!, args[1]!));
}

function builtinCallable(_self: PyObject, o: PyObject): PyObject {
  return newBool(isCallable(o));
}

function attrName(o: PyObject, fname: string): string {
  if (!(o instanceof PyStr)) throw typeError(`${fname}(): attribute name must be string, not '${o.type.name}'`);
  return o.value;
}

function builtinGetattr(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 2) throw typeError(`getattr expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) throw typeError(`getattr expected at most 3 arguments, got ${args.length}`);
  const name = attrName(args[1]!, 'getattr');
  if (args.length === 2) return getAttr(args[0]!, name);
  try {
    return getAttr(args[0]!, name);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, AttributeError)) {
      decref(e);
      return newref(args[2]!);
    }
    throw e;
  }
}

function builtinSetattr(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 3) throw typeError(`setattr expected 3 arguments, got ${args.length}`);
  setAttr(args[0]!, attrName(args[1]!, 'setattr'), args[2]!);
  return newref(None);
}

function builtinDelattr(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`delattr expected 2 arguments, got ${args.length}`);
  setAttr(args[0]!, attrName(args[1]!, 'delattr'), null);
  return newref(None);
}

function builtinHasattr(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`hasattr expected 2 arguments, got ${args.length}`);
  const v = getAttrOrNull(args[0]!, attrName(args[1]!, 'hasattr'));
  if (v) decref(v);
  return newBool(v !== null);
}

function builtinGlobals(): PyObject {
  const f = vm.current;
  return f ? newref(f.globals) : newDict();
}

function builtinLocals(): PyObject {
  const f = vm.current;
  return f ? frameLocals(f) : newDict();
}

function builtinVars(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length === 0) return builtinLocals();
  if (args.length > 1) throw typeError(`vars expected at most 1 argument, got ${args.length}`);
  const d = getAttrOrNull(args[0]!, '__dict__');
  if (!d) throw typeError('vars() argument must have __dict__ attribute');
  return d;
}

function builtinDir(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`dir expected at most 1 argument, got ${args.length}`);
  let names: PyObject[];
  if (args.length === 0) {
    const l = builtinLocals();
    names = [];
    for (const [k] of dictItems(l as PyDict)) names.push(newref(k));
    decref(l);
  } else {
    const m = lookupSpecial(args[0]!, '__dir__');
    if (!m) throw typeError('object does not provide __dir__');
    const r = call(m, []);
    decref(m);
    names = collect(r);
    decref(r);
  }
  names.sort((a, b) => {
    const x = (a as PyStr).value;
    const y = (b as PyStr).value;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return listOps.make(names);
}

function builtinIter(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1) throw typeError('iter expected at least 1 argument, got 0');
  if (args.length > 2) throw typeError(`iter expected at most 2 arguments, got ${args.length}`);
  if (args.length === 1) return getIter(args[0]!);
  if (!isCallable(args[0]!)) throw typeError('iter(v, w): v must be callable');
  return newCallableIterator(args[0]!, args[1]!);
}

function builtinNext(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1) throw typeError('next expected at least 1 argument, got 0');
  if (args.length > 2) throw typeError(`next expected at most 2 arguments, got ${args.length}`);
  const it = args[0]!;
  if (!it.type.tp_iternext) throw typeError(`'${it.type.name}' object is not an iterator`);
  try {
    const v = it instanceof PyGen && it.type === generatorType ? nextWithValue(it) : iterNext(it);
    if (v !== null) return v;
  } catch (e) {
    if (args.length === 2 && e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
      decref(e);
      return newref(args[1]!);
    }
    throw e;
  }
  if (args.length === 2) return newref(args[1]!);
  throw stopIteration(null);
}


// ------------------------------------------------------------------ exec, eval, compile

function sourceText(o: PyObject, fname: string): string {
  if (o instanceof PyStr) return o.value;
  throw typeError(`${fname}() arg 1 must be a string, bytes or code object`);
}

function namespaces(fname: string, globals: PyObject | undefined, locals: PyObject | undefined): [PyDict, PyObject] {
  const f = vm.current;
  let g: PyDict;
  let l: PyObject;
  if (globals === undefined || globals === None) {
    if (!f) throw runtimeError(`${fname}(): no current frame`);
    g = newref(f.globals);
    l = locals !== undefined && locals !== None ? newref(locals) : frameLocals(f);
  } else {
    if (!isDict(globals)) throw typeError(`${fname}() globals must be a dict, not ${globals.type.name}`);
    g = newref(globals as PyDict);
    l = locals !== undefined && locals !== None ? newref(locals) : newref(globals);
  }
  if (!dictGetStr(g, '__builtins__')) {
    const key = newStr('__builtins__');
    dictSetItem(g, key, vm.builtins!);
    decref(key);
  }
  return [g, l];
}

function runIn(code: PyCode, g: PyDict, l: PyObject): PyObject {
  try {
    return runCode(code, g, vm.builtins!, l);
  } finally {
    decref(g);
    decref(l);
  }
}

function builtinExec(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [source, globals, locals] = unpackArgs({ fname: 'exec', names: ['source', 'globals', 'locals'], required: 1 }, args, kwnames);
  const [g, l] = namespaces('exec', globals ?? undefined, locals ?? undefined);
  let code: PyCode;
  if (source instanceof PyCode) code = newref(source);
  else code = compileSource(sourceText(source!, 'exec'), '<string>', 'exec');
  try {
    decref(runIn(code, g, l));
  } finally {
    decref(code);
  }
  return newref(None);
}

function builtinEval(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [source, globals, locals] = unpackArgs({ fname: 'eval', names: ['source', 'globals', 'locals'], required: 1 }, args, kwnames);
  const [g, l] = namespaces('eval', globals ?? undefined, locals ?? undefined);
  let code: PyCode;
  if (source instanceof PyCode) code = newref(source);
  else code = compileSource(sourceText(source!, 'eval').replace(/^[ \t]+/, ''), '<string>', 'eval');
  try {
    return runIn(code, g, l);
  } finally {
    decref(code);
  }
}

function builtinCompile(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [source, filename, mode] = unpackArgs(
    { fname: 'compile', names: ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version'], required: 3 },
    args, kwnames,
  );
  const m = (mode as PyStr).value;
  if (m !== 'exec' && m !== 'eval' && m !== 'single') throw valueError("compile() mode must be 'exec', 'eval' or 'single'");
  return compileSource(sourceText(source!, 'compile'), (filename as PyStr).value, m as SourceMode);
}

// ------------------------------------------------------------------ classes and imports

/** __build_class__(func, name, *bases, metaclass=None, **kwds) */
function builtinBuildClass(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [pos, kw] = kwargsOf(args, kwnames);
  if (pos.length < 2) throw typeError('__build_class__: not enough arguments');
  const func = pos[0]!;
  if (!(func instanceof PyFunction)) throw typeError('__build_class__: func must be a function');
  const name = pos[1]!;
  if (!(name instanceof PyStr)) throw typeError('__build_class__: name is not a string');
  const origBases = pos.slice(2);
  const bases = updateBases(origBases);
  let meta: PyObject | undefined = kw.get('metaclass');
  kw.delete('metaclass');
  let isClass: boolean;
  if (meta === undefined) {
    meta = bases.length ? bases[0]!.type : typeType;
    isClass = true;
  } else {
    isClass = meta instanceof PyType;
  }
  if (isClass) meta = calculateMetaclass(meta as PyType, bases.filter((b) => b instanceof PyType) as PyType[]);
  const kwNames = [...kw.keys()];
  const kwValues = [...kw.values()];
  const basesTuple = newTuple(bases.map((b) => newref(b)));
  let ns: PyObject;
  const prep = getAttrOrNull(meta!, '__prepare__');
  if (prep) {
    try {
      ns = call(prep, [name, basesTuple, ...kwValues], kwNames);
    } finally {
      decref(prep);
    }
  } else {
    ns = newDict();
  }
  try {
    const cell = runCode(func.code, func.globals, func.builtins, ns, func.closure);
    try {
      if (bases.length !== origBases.length || bases.some((b, i) => b !== origBases[i])) {
        const orig = newTuple(origBases.map((b) => newref(b)));
        const key = newStr('__orig_bases__');
        if (isDict(ns)) dictSetItem(ns as PyDict, key, orig);
        decref(key);
        decref(orig);
      }
      const cls = call(meta!, [name, basesTuple, ns, ...kwValues], kwNames);
      if (cell instanceof PyCell) {
        if (cls instanceof PyType) {
          const stored = cls.dict.get('__classcell__');
          if (stored) {
            cls.dict.delete('__classcell__');
            cls.modified();
            decref(stored);
          }
        }
        if (cell.ref === null) cell.ref = newref(cls);
        else if (cell.ref !== cls) {
          decref(cls);
          throw typeError(`__class__ set to ${repr(cell.ref)} defining '${name.value}' as ${repr(cls)}`);
        }
      }
      return cls;
    } finally {
      decref(cell);
    }
  } finally {
    decref(ns);
    decref(basesTuple);
  }
}

/** update_bases (PEP 560): a base that is not a class may supply __mro_entries__. */
function updateBases(bases: PyObject[]): PyObject[] {
  if (bases.every((b) => b instanceof PyType)) return bases;
  const out: PyObject[] = [];
  const orig = newTuple(bases.map((b) => newref(b)));
  try {
    for (const b of bases) {
      if (b instanceof PyType) {
        out.push(b);
        continue;
      }
      const m = getAttrOrNull(b, '__mro_entries__');
      if (!m) {
        out.push(b);
        continue;
      }
      const r = call(m, [orig]);
      decref(m);
      if (!(r instanceof PyTuple)) {
        decref(r);
        throw typeError('__mro_entries__ must return a tuple');
      }
      for (const x of r.items) out.push(x);
      decref(r);
    }
  } finally {
    decref(orig);
  }
  return out;
}

function builtinImport(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [name, globals, , fromlist, level] = unpackArgs(
    { fname: '__import__', names: ['name', 'globals', 'locals', 'fromlist', 'level'], required: 1 }, args, kwnames,
  );
  if (!(name instanceof PyStr)) throw typeError(`__import__() argument 1 must be str, not ${name!.type.name}`);
  const lv = level ? Number((level as PyInt).value) : 0;
  const g = globals && isDict(globals) ? (globals as PyDict) : null;
  return importModuleLevel(name.value, g, fromlist ?? None, lv);
}

export const coreBuiltins: NativeFunctionDef[] = [
  { name: '__build_class__', code: { kind: 'fastkw', fn: builtinBuildClass }, doc: '__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement.' },
  { name: '__import__', code: { kind: 'fastkw', fn: builtinImport } },
  { name: 'callable', code: { kind: 'o', fn: builtinCallable } },
  { name: 'compile', code: { kind: 'fastkw', fn: builtinCompile } },
  { name: 'delattr', code: { kind: 'fast', fn: builtinDelattr } },
  { name: 'dir', code: { kind: 'fast', fn: builtinDir } },
  { name: 'eval', code: { kind: 'fastkw', fn: builtinEval } },
  { name: 'exec', code: { kind: 'fastkw', fn: builtinExec } },
  { name: 'getattr', code: { kind: 'fast', fn: builtinGetattr } },
  { name: 'globals', code: { kind: 'noargs', fn: builtinGlobals } },
  { name: 'hasattr', code: { kind: 'fast', fn: builtinHasattr } },
  { name: 'hash', code: { kind: 'o', fn: builtinHash } },
  { name: 'id', code: { kind: 'o', fn: builtinId } },
  { name: 'input', code: { kind: 'fast', fn: builtinInput } },
  { name: 'isinstance', code: { kind: 'fast', fn: builtinIsinstance } },
  { name: 'issubclass', code: { kind: 'fast', fn: builtinIssubclass } },
  { name: 'iter', code: { kind: 'fast', fn: builtinIter } },
  { name: 'len', code: { kind: 'o', fn: builtinLen } },
  { name: 'locals', code: { kind: 'noargs', fn: builtinLocals } },
  { name: 'next', code: { kind: 'fast', fn: builtinNext } },
  { name: 'print', code: { kind: 'fastkw', fn: builtinPrint } },
  { name: 'repr', code: { kind: 'o', fn: builtinRepr } },
  { name: 'setattr', code: { kind: 'fast', fn: builtinSetattr } },
  { name: 'vars', code: { kind: 'fast', fn: builtinVars } },
];

