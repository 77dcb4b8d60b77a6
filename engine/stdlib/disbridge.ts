// The native half of dis: a code object's instructions as the compiler left them (opcode, oparg
// with jumps as instruction indices, source position) and its exception table, which dis.py
// lays out in CPython 3.11's code units (inline caches and jump offsets included).
import { newref, type PyObject } from '../objects/object.js';
import { PyCode } from '../objects/code.js';
import { newInt, newBool } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { None } from '../objects/singletons.js';
import { typeError } from '../objects/exceptions.js';
import type { NativeModuleDef } from './moduledef.js';

function codeArg(o: PyObject): PyCode {
  if (!(o instanceof PyCode)) throw typeError(`expected a code object, not '${o.type.name}'`);
  return o;
}

const orNone = (v: number): PyObject => (v < 0 ? newref(None) : newInt(v));

export const disBridgeModule: NativeModuleDef = {
  name: '_disbridge',
  functions: [
    {
      name: 'instructions',
      code: {
        kind: 'o',
        fn: (_m, o) => {
          const c = codeArg(o);
          const rows: PyObject[] = [];
          for (let i = 0; i < c.instructionCount; i++) {
            const p = c.positions;
            rows.push(newTuple([
              newInt(c.code[2 * i]!), newInt(c.code[2 * i + 1]!),
              orNone(p[4 * i]!), orNone(p[4 * i + 1]!), orNone(p[4 * i + 2]!), orNone(p[4 * i + 3]!),
            ]));
          }
          return newTuple(rows);
        },
      },
      doc: 'instructions(code)\n--\n\n(opcode, oparg, line, end_line, col, end_col) for each instruction.',
    },
    {
      name: 'exception_table',
      code: {
        kind: 'o',
        fn: (_m, o) => newTuple(codeArg(o).exceptionTable.map((e) => newTuple([
          newInt(e.start), newInt(e.end), newInt(e.target), newInt(e.depth), newBool(e.lasti),
        ]))),
      },
      doc: 'exception_table(code)\n--\n\n(start, end, target, depth, lasti) rows in instruction indices.',
    },
    {
      name: 'localsplusnames',
      code: { kind: 'o', fn: (_m, o) => newTuple(codeArg(o).localsplusnames.map((n) => newStr(n))) },
      doc: 'localsplusnames(code)\n--\n\nThe names of every fast slot: locals, cells, free variables.',
    },
  ],
  attributes: () => ({}),
};
