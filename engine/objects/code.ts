// Code objects (Objects/codeobject.c, Include/cpython/code.h): the compiler's output, run by
// the evaluation loop. Instructions are (opcode, oparg) pairs in an Int32Array; jump opargs are
// instruction indices. Each instruction has a source span (co_positions) for 3.11 tracebacks.
import { PyObject, decref, decrefAll, newref } from './object.js';
import { None } from './singletons.js';
import { getIter } from './abstract.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { newStr } from './str.js';
import { newInt } from './int.js';
import { newTuple } from './tuple.js';

/** CO_* flags (Include/cpython/code.h). */
export const enum CodeFlags {
  OPTIMIZED = 0x1,
  NEWLOCALS = 0x2,
  VARARGS = 0x4,
  VARKEYWORDS = 0x8,
  NESTED = 0x10,
  GENERATOR = 0x20,
  NOFREE = 0x40,
  COROUTINE = 0x80,
  ITERABLE_COROUTINE = 0x100,
  ASYNC_GENERATOR = 0x200,
}

/** One row of the exception table (Objects/exception_handling_notes.txt): instructions
 *  [start, end) jump to `target` with the value stack cut to `depth`, pushing lasti first when
 *  `lasti` is set. */
export interface ExceptionEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** Where a name of co_localsplusnames lives: CO_FAST_LOCAL / CO_FAST_CELL / CO_FAST_FREE. */
export const enum LocalKind { LOCAL = 0x20, CELL = 0x40, FREE = 0x80 }

export class PyCode extends PyObject {
  /** Two Int32 per instruction: opcode then oparg. */
  code!: Int32Array;
  /** Four per instruction: line, end line, column, end column (0-based UTF-8 columns; -1 unknown). */
  positions!: Int32Array;
  consts!: PyObject[];
  names!: string[];
  /** Every fast slot's name: locals (arguments first), then cells that are not arguments, then free vars. */
  localsplusnames!: string[];
  localspluskinds!: Uint8Array;
  nlocals = 0;
  ncellvars = 0;
  nfreevars = 0;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  flags = 0;
  stacksize = 0;
  firstlineno = 1;
  filename = '';
  name = '';
  qualname = '';
  /** co_name and co_qualname as the str objects functions share. */
  nameObj!: PyObject;
  qualnameObj!: PyObject;
  exceptionTable: ExceptionEntry[] = [];
  /** Interned names as str objects, parallel to `names`, for the name opcodes. */
  nameObjects: PyObject[] = [];
  /** Inline caches of LOAD_GLOBAL / LOAD_ATTR, one per instruction (3.11's adaptive caches). */
  caches: unknown[] = [];
  /** Cleared frames of finished calls, kept for the next call (engine/vm/frame.ts reuse). */
  spareFrames: unknown[] = [];

  get varnames(): string[] {
    return this.localsplusnames.filter((_, i) => this.localspluskinds[i]! & LocalKind.LOCAL);
  }
  get cellvars(): string[] {
    return this.localsplusnames.filter((_, i) => this.localspluskinds[i]! & LocalKind.CELL);
  }
  get freevars(): string[] {
    return this.localsplusnames.filter((_, i) => this.localspluskinds[i]! & LocalKind.FREE);
  }
  get instructionCount(): number {
    return this.code.length >> 1;
  }
  /** The line of the instruction at `index` (-1 when it has none). */
  lineOf(index: number): number {
    return index >= 0 && index * 4 < this.positions.length ? this.positions[index * 4]! : -1;
  }
}

function deallocCode(o: PyObject): void {
  const c = o as PyCode;
  decrefAll(c.consts);
  decrefAll(c.nameObjects);
  decrefAll([c.nameObj, c.qualnameObj]);
  c.consts = [];
  c.nameObjects = [];
  freeObject(c);
}

/** sizeof(PyCodeObject) in 3.11, plus two bytes per code unit (co_code_adaptive). */
const CODE_BASICSIZE = 200;

export const codeType = defineType({
  name: 'code',
  layout: { basicsize: CODE_BASICSIZE, itemsize: 2 },
  slots: {
    tp_dealloc: deallocCode,
    tp_repr: (o) => {
      const c = o as PyCode;
      return newStr(`<code object ${c.name} at 0x${c.addr.toString(16)}, file "${c.filename}", line ${c.firstlineno}>`);
    },
    tp_hash: (o) => BigInt(o.addr >> 4),
  },
  getsets: {
    co_name: { get: (o) => newref((o as PyCode).nameObj) },
    co_qualname: { get: (o) => newref((o as PyCode).qualnameObj) },
    co_filename: { get: (o) => newStr((o as PyCode).filename) },
    co_firstlineno: { get: (o) => newInt((o as PyCode).firstlineno) },
    co_argcount: { get: (o) => newInt((o as PyCode).argcount) },
    co_posonlyargcount: { get: (o) => newInt((o as PyCode).posonlyargcount) },
    co_kwonlyargcount: { get: (o) => newInt((o as PyCode).kwonlyargcount) },
    co_nlocals: { get: (o) => newInt((o as PyCode).nlocals) },
    co_stacksize: { get: (o) => newInt((o as PyCode).stacksize) },
    co_flags: { get: (o) => newInt((o as PyCode).flags) },
    co_consts: { get: (o) => tupleOf((o as PyCode).consts) },
    co_names: { get: (o) => strTuple((o as PyCode).names) },
    co_varnames: { get: (o) => strTuple((o as PyCode).varnames) },
    co_cellvars: { get: (o) => strTuple((o as PyCode).cellvars) },
    co_freevars: { get: (o) => strTuple((o as PyCode).freevars) },
  },
  methods: {
    // code_positions: one (line, end line, column, end column) per instruction, the unit of
    // tb_lasti // 2 here, None where the compiler recorded no location.
    co_positions: {
      kind: 'noargs',
      fn: (o) => {
        const p = (o as PyCode).positions;
        const rows: PyObject[] = [];
        for (let i = 0; i + 3 < p.length; i += 4) {
          rows.push(newTuple([0, 1, 2, 3].map((k) => (p[i + k]! < 0 ? newref(None) : newInt(p[i + k]!)))));
        }
        const all = newTuple(rows);
        try {
          return getIter(all);
        } finally {
          decref(all);
        }
      },
    },
  },
});

function tupleOf(items: PyObject[]): PyObject {
  for (const i of items) i.refcnt++;
  return newTuple(items.slice());
}

function strTuple(names: string[]): PyObject {
  return newTuple(names.map((n) => newStr(n)));
}

export function newCode(init: (c: PyCode) => void): PyCode {
  const c = new PyCode(codeType);
  init(c);
  allocObject(c, CODE_BASICSIZE + 2 * c.instructionCount * 2);
  return c;
}
