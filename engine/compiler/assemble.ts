// The assembler (Python/compile.c assemble, label_exception_targets, stackdepth): resolves
// labels, follows the control flow to give every instruction its exception handler and stack
// depth, turns the block pseudo-instructions into the exception table, and picks the forward or
// backward form of each jump as CPython 3.11 does.
import { Op } from './opcodes.js';
import type { ExceptionEntry } from '../objects/code.js';

export class Label {
  /** Index of the instruction the label marks, once placed. */
  at = -1;
}

export interface Instr {
  op: Op;
  arg: number;
  target: Label | null;
  /** line, end line, column, end column (UTF-8 bytes); -1 for none */
  line: number;
  endLine: number;
  col: number;
  endCol: number;
}

export interface Assembled {
  code: Int32Array;
  positions: Int32Array;
  exceptionTable: ExceptionEntry[];
  stacksize: number;
}

function isPseudoBlock(op: Op): boolean {
  return op === Op.SETUP_FINALLY || op === Op.SETUP_CLEANUP || op === Op.SETUP_WITH || op === Op.POP_BLOCK;
}

export function isJump(op: Op): boolean {
  switch (op) {
    case Op.JUMP: case Op.JUMP_NO_INTERRUPT: case Op.JUMP_FORWARD: case Op.JUMP_BACKWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT: case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE: case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP: case Op.FOR_ITER: case Op.SEND:
    case Op.SETUP_FINALLY: case Op.SETUP_CLEANUP: case Op.SETUP_WITH:
      return true;
    default:
      return false;
  }
}

/** Instructions after which control does not fall through. */
export function isTerminator(op: Op): boolean {
  switch (op) {
    case Op.JUMP: case Op.JUMP_NO_INTERRUPT: case Op.RETURN_VALUE: case Op.RAISE_VARARGS: case Op.RERAISE:
      return true;
    default:
      return false;
  }
}

/** stack_effect (Python/compile.c) for the opcodes the compiler emits; `jump` selects the
 *  effect along the branch. */
export function stackEffect(op: Op, arg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP: case Op.RESUME: case Op.EXTENDED_ARG: case Op.CACHE: return 0;
    case Op.POP_TOP: return -1;
    case Op.PUSH_NULL: return 1;
    case Op.COPY: return 1;
    case Op.SWAP: return 0;
    case Op.UNARY_POSITIVE: case Op.UNARY_NEGATIVE: case Op.UNARY_NOT: case Op.UNARY_INVERT: return 0;
    case Op.SET_ADD: case Op.LIST_APPEND: return -1;
    case Op.MAP_ADD: return -2;
    case Op.BINARY_SUBSCR: case Op.BINARY_OP: return -1;
    case Op.STORE_SUBSCR: return -3;
    case Op.DELETE_SUBSCR: return -2;
    case Op.GET_ITER: return 0;
    case Op.PRINT_EXPR: return -1;
    case Op.LOAD_BUILD_CLASS: return 1;
    case Op.RETURN_VALUE: return -1;
    case Op.IMPORT_STAR: return -1;
    case Op.SETUP_ANNOTATIONS: return 0;
    case Op.ASYNC_GEN_WRAP: case Op.YIELD_VALUE: return 0;
    case Op.POP_BLOCK: return 0;
    case Op.POP_EXCEPT: return -1;
    case Op.STORE_NAME: return -1;
    case Op.DELETE_NAME: return 0;
    case Op.UNPACK_SEQUENCE: return arg - 1;
    case Op.UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case Op.FOR_ITER: return jump ? -1 : 1;
    case Op.SEND: return jump ? -1 : 0;
    case Op.STORE_ATTR: return -2;
    case Op.DELETE_ATTR: return -1;
    case Op.STORE_GLOBAL: return -1;
    case Op.DELETE_GLOBAL: return 0;
    case Op.LOAD_CONST: return 1;
    case Op.LOAD_NAME: return 1;
    case Op.BUILD_TUPLE: case Op.BUILD_LIST: case Op.BUILD_SET: case Op.BUILD_STRING: return 1 - arg;
    case Op.BUILD_MAP: return 1 - 2 * arg;
    case Op.BUILD_CONST_KEY_MAP: return -arg;
    case Op.LOAD_ATTR: return 0;
    case Op.COMPARE_OP: case Op.IS_OP: case Op.CONTAINS_OP: return -1;
    case Op.CHECK_EXC_MATCH: return 0;
    case Op.CHECK_EG_MATCH: return 0;
    case Op.IMPORT_NAME: return -1;
    case Op.IMPORT_FROM: return 1;
    case Op.JUMP_FORWARD: case Op.JUMP_BACKWARD: case Op.JUMP: case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.JUMP_NO_INTERRUPT: return 0;
    case Op.JUMP_IF_TRUE_OR_POP: case Op.JUMP_IF_FALSE_OR_POP: return jump ? 0 : -1;
    case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE:
      return -1;
    case Op.LOAD_GLOBAL: return (arg & 1) + 1;
    case Op.SETUP_FINALLY: return jump ? 1 : 0;
    case Op.SETUP_CLEANUP: return jump ? 2 : 0;
    case Op.SETUP_WITH: return jump ? 1 : 0;
    case Op.PREP_RERAISE_STAR: return -1;
    case Op.RERAISE: return -1;
    case Op.PUSH_EXC_INFO: return 1;
    case Op.WITH_EXCEPT_START: return 1;
    case Op.LOAD_FAST: return 1;
    case Op.STORE_FAST: return -1;
    case Op.DELETE_FAST: return 0;
    case Op.RETURN_GENERATOR: return 0;
    case Op.RAISE_VARARGS: return -arg;
    case Op.PRECALL: return -arg;
    case Op.KW_NAMES: return 0;
    case Op.CALL: return -1;
    case Op.CALL_FUNCTION_EX: return -2 - (arg & 1);
    case Op.MAKE_FUNCTION: {
      let n = 0;
      for (const bit of [1, 2, 4, 8]) if (arg & bit) n++;
      return -n;
    }
    case Op.BUILD_SLICE: return arg === 3 ? -2 : -1;
    case Op.MAKE_CELL: case Op.COPY_FREE_VARS: return 0;
    case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF: return 1;
    case Op.STORE_DEREF: return -1;
    case Op.DELETE_DEREF: return 0;
    case Op.GET_AWAITABLE: return 0;
    case Op.BEFORE_ASYNC_WITH: case Op.BEFORE_WITH: return 1;
    case Op.GET_AITER: return 0;
    case Op.GET_ANEXT: return 1;
    case Op.GET_YIELD_FROM_ITER: return 0;
    case Op.END_ASYNC_FOR: return -2;
    case Op.FORMAT_VALUE: return (arg & 0x04) === 0x04 ? -1 : 0;
    case Op.LOAD_METHOD: return 1;
    case Op.LOAD_ASSERTION_ERROR: return 1;
    case Op.LIST_TO_TUPLE: return 0;
    case Op.LIST_EXTEND: case Op.SET_UPDATE: case Op.DICT_MERGE: case Op.DICT_UPDATE: return -1;
    case Op.MATCH_CLASS: return -2;
    case Op.GET_LEN: case Op.MATCH_MAPPING: case Op.MATCH_SEQUENCE: case Op.MATCH_KEYS: return 1;
    default:
      throw new Error(`stack effect of opcode ${op} unknown`);
  }
}

/** The real opcode of a jump, by direction (3.11 has forward and backward forms). */
function concreteJump(op: Op, backward: boolean): Op {
  switch (op) {
    case Op.JUMP: return backward ? Op.JUMP_BACKWARD : Op.JUMP_FORWARD;
    case Op.JUMP_NO_INTERRUPT: return backward ? Op.JUMP_BACKWARD_NO_INTERRUPT : Op.JUMP_FORWARD;
    case Op.POP_JUMP_IF_FALSE: return backward ? Op.POP_JUMP_BACKWARD_IF_FALSE : Op.POP_JUMP_FORWARD_IF_FALSE;
    case Op.POP_JUMP_IF_TRUE: return backward ? Op.POP_JUMP_BACKWARD_IF_TRUE : Op.POP_JUMP_FORWARD_IF_TRUE;
    case Op.POP_JUMP_IF_NONE: return backward ? Op.POP_JUMP_BACKWARD_IF_NONE : Op.POP_JUMP_FORWARD_IF_NONE;
    case Op.POP_JUMP_IF_NOT_NONE: return backward ? Op.POP_JUMP_BACKWARD_IF_NOT_NONE : Op.POP_JUMP_FORWARD_IF_NOT_NONE;
    default: return op;
  }
}

interface HandlerState {
  /** Handler labels' instruction indices, innermost last (the except stack). */
  handlers: readonly number[];
  depth: number;
}

/** Which instructions reach the bytecode: not the unreachable ones, and a block push or pop
 *  only as the NOP that convert_exception_handlers_to_nops leaves, when clean_basic_block keeps
 *  it (a line of its own). */
function keptInstructions(instrs: Instr[], visited: Uint8Array): Uint8Array {
  const n = instrs.length;
  const keep = new Uint8Array(n);
  const leader = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ins = instrs[i]!;
    keep[i] = visited[i];
    if (ins.target) leader[ins.target.at] = 1;
    if (isJump(ins.op) || isTerminator(ins.op)) leader[i + 1] = 1;
  }
  const isNop = (i: number): boolean => instrs[i]!.op === Op.NOP || isPseudoBlock(instrs[i]!.op);
  let prevLine = -1;
  for (let i = 0; i < n; i++) {
    if (leader[i]) prevLine = -1;
    if (!keep[i]) continue;
    const ins = instrs[i]!;
    if (isNop(i)) {
      let k = i + 1;
      let sameBlock = true;
      while (k < n && !keep[k]) {
        if (leader[k]) sameBlock = false;
        k++;
      }
      if (k < n && leader[k]) sameBlock = false;
      const next = k < n ? instrs[k]! : null;
      if (ins.line < 0 || ins.line === prevLine) {
        keep[i] = 0;
        continue;
      }
      if (next && sameBlock && (next.line < 0 || next.line === ins.line)) {
        if (next.line < 0) {
          next.line = ins.line;
          next.endLine = ins.endLine;
          next.col = ins.col;
          next.endCol = ins.endCol;
        }
        keep[i] = 0;
        continue;
      }
      if (next && !sameBlock && next.line === ins.line) {
        keep[i] = 0;
        continue;
      }
    }
    prevLine = ins.line;
  }
  return keep;
}

/** `startDepth` is 1 for generators and coroutines: the value sent by the first resume. */
export function assemble(instrs: Instr[], startDepth: number): Assembled {
  const n = instrs.length;
  const handlerOf = new Int32Array(n).fill(-2);
  const visited = new Uint8Array(n);
  // The depth and lasti flag recorded for each handler target (by its SETUP instruction).
  const handlerDepth = new Map<number, { depth: number; lasti: boolean }>();
  let maxDepth = startDepth;
  const work: [number, HandlerState][] = [[0, { handlers: [], depth: startDepth }]];
  const visit = (i: number, s: HandlerState): void => {
    if (i >= n || visited[i]) return;
    work.push([i, s]);
  };
  while (work.length) {
    let [i, s] = work.pop()!;
    while (i < n && !visited[i]) {
      const ins = instrs[i]!;
      visited[i] = 1;
      // label_exception_targets gives the NOP a block push or pop becomes no handler at all
      handlerOf[i] = s.handlers.length && !isPseudoBlock(ins.op) ? s.handlers[s.handlers.length - 1]! : -1;
      if (ins.op === Op.SETUP_FINALLY || ins.op === Op.SETUP_CLEANUP || ins.op === Op.SETUP_WITH) {
        const t = ins.target!.at;
        const jumpDepth = s.depth + stackEffect(ins.op, ins.arg, true);
        const lasti = ins.op !== Op.SETUP_FINALLY;
        handlerDepth.set(t, { depth: jumpDepth - 1 - (lasti ? 1 : 0), lasti });
        maxDepth = Math.max(maxDepth, jumpDepth);
        visit(t, { handlers: s.handlers, depth: jumpDepth });
        s = { handlers: [...s.handlers, t], depth: s.depth };
        i++;
        continue;
      }
      if (ins.op === Op.POP_BLOCK) {
        s = { handlers: s.handlers.slice(0, -1), depth: s.depth };
        i++;
        continue;
      }
      if (isJump(ins.op)) {
        const jd = s.depth + stackEffect(ins.op, ins.arg, true);
        maxDepth = Math.max(maxDepth, jd);
        visit(ins.target!.at, { handlers: s.handlers, depth: jd });
      }
      const d = s.depth + stackEffect(ins.op, ins.arg, false);
      maxDepth = Math.max(maxDepth, d);
      if (isTerminator(ins.op)) break;
      s = { handlers: s.handlers, depth: d };
      i++;
    }
  }

  const keep = keptInstructions(instrs, visited);
  const newIndex = new Int32Array(n + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    newIndex[i] = m;
    if (keep[i]) m++;
  }
  newIndex[n] = m;
  const code = new Int32Array(m * 2);
  const positions = new Int32Array(m * 4);
  const handlers = new Int32Array(m);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const ins = instrs[i]!;
    if (!keep[i]) continue;
    let op = isPseudoBlock(ins.op) ? Op.NOP : ins.op;
    let arg = ins.arg;
    if (ins.target && op !== Op.NOP) {
      arg = newIndex[ins.target.at]!;
      op = concreteJump(op, arg <= j);
    }
    code[j * 2] = op;
    code[j * 2 + 1] = arg;
    positions[j * 4] = ins.line;
    positions[j * 4 + 1] = ins.endLine;
    positions[j * 4 + 2] = ins.col;
    positions[j * 4 + 3] = ins.endCol;
    handlers[j] = handlerOf[i]!;
    j++;
  }
  const exceptionTable: ExceptionEntry[] = [];
  let k = 0;
  while (k < m) {
    const h = handlers[k]!;
    let e = k + 1;
    while (e < m && handlers[e] === h) e++;
    if (h >= 0) {
      const info = handlerDepth.get(h)!;
      exceptionTable.push({ start: k, end: e, target: newIndex[h]!, depth: info.depth, lasti: info.lasti });
    }
    k = e;
  }
  return { code, positions, exceptionTable, stacksize: maxDepth };
}
