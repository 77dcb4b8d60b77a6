// The sys module (Python/sysmodule.c): interpreter state the program can read and change —
// sizes and reference counts of objects, the recursion limit, argv, version information,
// the standard streams, sys.modules and the frame stack.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyType, TypeFlags } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject, heap, preHeaderSize } from '../objects/heap.js';
import { PyStr, internInPlace, newStr } from '../objects/str.js';
import { PyInt, newInt, False } from '../objects/int.js';
import { newFloat } from '../objects/float.js';
import { newTuple } from '../objects/tuple.js';
import { None } from '../objects/singletons.js';
import { PyModule, moduleSet } from '../objects/module.js';
import { call, lookupSpecial, asIndex } from '../objects/abstract.js';
import { RecursionError, SystemExit, newException, typeError, valueError, overflowError, pyErr } from '../objects/exceptions.js';
import { dictGetStr } from '../objects/dict.js';
import { intStrDigits } from '../objects/numparse.js';
import { unpackArgs } from '../objects/args.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { newCFunction } from '../objects/descr.js';
import { vm, currentHandled } from '../vm/eval.js';
import { getFrameObject } from '../objects/frame.js';
import { sysMemoryFunctions } from './memorysys.js';
import { engineIO, writeErr, writeOut } from '../vm/io.js';
import { listOps } from '../vm/sequences.js';
import type { Profile } from '../profiles/index.js';
import { objectLayouts } from '../profiles/objects.js';
import { newStructSeq, newStructSeqType } from '../objects/structseq.js';

// ------------------------------------------------------------------ struct sequences

/** A struct sequence type of sys: every field visible and named, no instances made from Python. */
function sysStructSeqType(name: string, fields: readonly string[]): PyType {
  return newStructSeqType({ name, fields });
}

const versionInfoType = sysStructSeqType('sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial']);
const flagsType = sysStructSeqType('sys.flags', [
  'debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site',
  'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated', 'dev_mode',
  'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits',
]);
const floatInfoType = sysStructSeqType('sys.float_info', [
  'max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds',
]);
const intInfoType = sysStructSeqType('sys.int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold']);
const hashInfoType = sysStructSeqType('sys.hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff']);

// ------------------------------------------------------------------ streams

/** The engine's sys.stdout / sys.stderr: text streams that write to the host. */
class PyTextStream extends PyObject {
  constructor(readonly which: 'out' | 'err' | 'in') {
    super(textStreamType);
  }
}

const STREAM_NAMES = { out: '<stdout>', err: '<stderr>', in: '<stdin>' } as const;

const textStreamType = defineType({
  name: '_io.TextIOWrapper',
  layout: { basicsize: 192 },
  slots: {
    tp_dealloc: (o) => freeObject(o),
    tp_repr: (o) => {
      const s = o as PyTextStream;
      return newStr(`<_io.TextIOWrapper name='${STREAM_NAMES[s.which]}' mode='${s.which === 'in' ? 'r' : 'w'}' encoding='utf-8'>`);
    },
  },
  methods: {
    write: {
      kind: 'o',
      fn: (self, text) => {
        if (!(text instanceof PyStr)) throw typeError(`write() argument must be str, not ${text.type.name}`);
        const s = self as PyTextStream;
        if (s.which === 'out') writeOut(text.value);
        else writeErr(text.value);
        return newInt(text.length);
      },
    },
    flush: { kind: 'noargs', fn: () => { engineIO.flush(); return newref(None); } },
    isatty: { kind: 'noargs', fn: () => newref(False) },
    fileno: { kind: 'noargs', fn: (self) => newInt({ in: 0, out: 1, err: 2 }[(self as PyTextStream).which]) },
    readline: {
      kind: 'fast',
      fn: () => {
        const line = engineIO.input('');
        return newStr(line === null ? '' : line + '\n');
      },
    },
  },
  getsets: {
    encoding: { get: () => newStr('utf-8') },
    name: { get: (o) => newStr(STREAM_NAMES[(o as PyTextStream).which]) },
  },
});

function newStream(which: 'out' | 'err' | 'in'): PyTextStream {
  const s = new PyTextStream(which);
  allocObject(s, 192);
  if (which !== 'in') engineIO.streams.set(s, which);
  return s;
}

// ------------------------------------------------------------------ functions

/** sys.getsizeof: __sizeof__ plus the GC header and 3.11's managed-dict pre-header. */
export function getsizeof(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) throw typeError(`getsizeof() takes at most 2 arguments (${args.length} given)`);
  const o = args[0]!;
  const m = lookupSpecial(o, '__sizeof__');
  if (!m) {
    if (args.length === 2) return newref(args[1]!);
    throw typeError(`Type ${o.type.name} doesn't define __sizeof__`);
  }
  let r: PyObject;
  try {
    r = call(m, []);
  } finally {
    decref(m);
  }
  if (!(r instanceof PyInt)) {
    decref(r);
    throw typeError('an integer is required');
  }
  const size = Number(r.value);
  decref(r);
  if (size < 0) throw valueError('__sizeof__() should return >= 0');
  const staticType = o instanceof PyType && !(o.flags & TypeFlags.HEAPTYPE);
  return newInt(size + (staticType && !objectLayouts(heap.profile).staticTypeSizeHasPreHeader ? 0 : preHeaderSize(o.type)));
}

/** sys.getrefcount: the argument on the caller's stack is one of the references counted. */
function getrefcount(_self: PyObject, o: PyObject): PyObject {
  const p = heap.profile;
  if (p.immortalObjects && o.refcnt >= 1 << 20) return newInt(p.immortalRefcount);
  return newInt(o.refcnt);
}

function setrecursionlimit(_self: PyObject, o: PyObject): PyObject {
  if (!(o instanceof PyInt)) throw typeError("'" + o.type.name + "' object cannot be interpreted as an integer");
  const n = asIndex(o);
  if (n < 1) throw valueError('recursion limit must be greater or equal than 1');
  if (n > 2 ** 31 - 1) throw overflowError('Python int too large to convert to C int');
  if (n <= vm.depth) {
    throw pyErr(
      RecursionError,
      `cannot set the recursion limit to ${n} at the recursion depth ${vm.depth}: the limit is too low`,
    );
  }
  vm.recursionLimit = n;
  return newref(None);
}

function exit(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`exit expected at most 1 argument, got ${args.length}`);
  throw newException(SystemExit, args.length ? [args[0]!] : []);
}

function getframe(_self: PyObject, args: PyObject[]): PyObject {
  let depth = args.length ? asIndex(args[0]!) : 0;
  let f = vm.current;
  while (depth > 0 && f) {
    f = f.back;
    depth--;
  }
  if (!f) throw valueError('call stack is not deep enough');
  return getFrameObject(f);
}

function excInfo(): PyObject {
  const e = currentHandled();
  if (!e) return newTuple([newref(None), newref(None), newref(None)]);
  const tb = (e as unknown as { traceback: PyObject | null }).traceback ?? None;
  return newTuple([newref(e.type), newref(e), newref(tb)]);
}

function intern(_self: PyObject, s: PyObject): PyObject {
  if (!(s instanceof PyStr) || s.type.name !== 'str') throw typeError(`intern() argument must be str, not ${s.type.name}`);
  return internInPlace(s);
}

function setIntMaxStrDigits(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [maxdigits] = unpackArgs({ fname: 'set_int_max_str_digits', names: ['maxdigits'], required: 1 }, args, kwnames);
  const n = asIndex(maxdigits!);
  if (n !== 0 && n < 640) throw valueError('maxdigits must be 0 or larger than 640');
  intStrDigits.max = n;
  return newref(None);
}

const sysFunctions: NativeFunctionDef[] = [
  { name: 'get_int_max_str_digits', code: { kind: 'noargs', fn: () => newInt(intStrDigits.max) } },
  { name: 'set_int_max_str_digits', code: { kind: 'fastkw', fn: setIntMaxStrDigits } },
  { name: 'getsizeof', code: { kind: 'fast', fn: getsizeof } },
  { name: 'getrefcount', code: { kind: 'o', fn: getrefcount } },
  { name: 'getrecursionlimit', code: { kind: 'noargs', fn: () => newInt(vm.recursionLimit) } },
  { name: 'setrecursionlimit', code: { kind: 'o', fn: setrecursionlimit } },
  { name: 'exit', code: { kind: 'fast', fn: exit } },
  { name: '_getframe', code: { kind: 'fast', fn: getframe } },
  { name: 'exc_info', code: { kind: 'noargs', fn: excInfo } },
  { name: 'exception', code: { kind: 'noargs', fn: () => newref(currentHandled() ?? None) } },
  { name: 'intern', code: { kind: 'o', fn: intern } },
  { name: 'getdefaultencoding', code: { kind: 'noargs', fn: () => newStr('utf-8') } },
  { name: 'getfilesystemencoding', code: { kind: 'noargs', fn: () => newStr('utf-8') } },
  { name: 'getswitchinterval', code: { kind: 'noargs', fn: () => newFloat(0.005) } },
  { name: 'is_finalizing', code: { kind: 'noargs', fn: () => newref(False) } },
  ...sysMemoryFunctions,
];

function strList(items: string[]): PyObject {
  return listOps.make(items.map((s) => newStr(s)));
}

function ints(values: (number | bigint)[]): PyObject[] {
  return values.map((v) => newInt(v));
}

/** Fills a new sys module for a session. */
export function initSys(m: PyModule, profile: Profile, argv: string[], modules: PyObject): void {
  const set = (name: string, v: PyObject): void => {
    moduleSet(m, name, v);
    decref(v);
  };
  for (const def of sysFunctions) set(def.name, newCFunction(def, m, 'sys'));
  const version = `${profile.major}.${profile.minor}.${profile.micro}`;
  set('version', newStr(`${version} (main, May  9 2026, 07:35:25) [GCC 12.2.0]`));
  const versionInfo = newStructSeq(versionInfoType, [...ints([profile.major, profile.minor, profile.micro]), newStr('final'), newInt(0)]);
  set('version_info', newref(versionInfo));
  set('hexversion', newInt((profile.major << 24) | (profile.minor << 16) | (profile.micro << 8) | 0xf0));
  set('api_version', newInt(1013));
  set('maxsize', newInt(9223372036854775807n));
  set('maxunicode', newInt(0x10ffff));
  set('byteorder', newStr('little'));
  set('platform', newStr('linux'));
  set('executable', newStr('/usr/local/bin/python3'));
  set('prefix', newStr('/usr/local'));
  set('base_prefix', newStr('/usr/local'));
  set('exec_prefix', newStr('/usr/local'));
  set('copyright', newStr('Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.'));
  set('float_repr_style', newStr('short'));
  set('argv', strList(argv));
  set('orig_argv', strList(['python3', ...argv]));
  set('path', strList(['', `/usr/local/lib/python${profile.major}${profile.minor}.zip`, `/usr/local/lib/python${profile.major}.${profile.minor}`]));
  set('builtin_module_names', newTuple(['builtins', 'sys'].map((s) => newStr(s))));
  set('modules', newref(modules));
  set('flags', newStructSeq(flagsType, [...ints([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), newref(False), ...ints([0, 0]), newref(False), newInt(-1)]));
  set('float_info', newStructSeq(floatInfoType, [
    newFloat(1.7976931348623157e308), newInt(1024), newInt(308), newFloat(2.2250738585072014e-308), newInt(-1021),
    newInt(-307), newInt(15), newInt(53), newFloat(2.220446049250313e-16), newInt(2), newInt(1),
  ]));
  set('int_info', newStructSeq(intInfoType, ints([30, 4, 4300, 640])));
  set('hash_info', newStructSeq(hashInfoType, [
    ...ints([64, 2305843009213693951n, 314159, 0, 1000003]), newStr('siphash13'), ...ints([64, 128, 0]),
  ]));
  const stdout = newStream('out');
  const stderr = newStream('err');
  const stdin = newStream('in');
  set('stdout', newref(stdout));
  set('stderr', newref(stderr));
  set('stdin', newref(stdin));
  set('__stdout__', stdout);
  set('__stderr__', stderr);
  set('__stdin__', stdin);
  decref(versionInfo);
  engineIO.stdoutObject = () => dictGetStr(m.dict, 'stdout') ?? None;
}
