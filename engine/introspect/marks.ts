// `_pymemlab`, a hidden native module for the kernel's instrumented code: `mark(line)` records the
// process's RSS where a %mprun-instrumented function reaches a line (0: a call begins, -1: it
// returns), without allocating a Python object the measurement would then include.
import type { NativeModuleDef } from '../stdlib/moduledef.js';
import { newref } from '../objects/object.js';
import { None } from '../objects/singletons.js';
import { asIndex } from '../objects/abstract.js';
import { runningMemory } from '../memory/running.js';
import { vm } from '../vm/eval.js';

export interface LineMark {
  line: number;
  rss: number;
  depth: number;
}

let marks: LineMark[] = [];

/** Resident set size of the running simulated process, bytes. */
export function residentBytes(): number {
  return runningMemory().status().VmRSS * 1024;
}

function frameDepth(): number {
  let depth = 0;
  for (let f = vm.current; f; f = f.back) depth++;
  return depth;
}

export function takeMarks(): LineMark[] {
  const taken = marks;
  marks = [];
  return taken;
}

export const pymemlabModule: NativeModuleDef = {
  name: '_pymemlab',
  functions: [
    {
      name: 'mark',
      code: {
        kind: 'o',
        fn: (_m, line) => {
          marks.push({ line: asIndex(line), rss: residentBytes(), depth: frameDepth() });
          return newref(None);
        },
      },
      doc: 'mark(line, /)\n--\n\nRecord the resident set size at a line of an instrumented function.',
    },
  ],
  attributes: () => ({}),
};
