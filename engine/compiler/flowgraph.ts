// The control-flow graph passes of Python/compile.c (3.11) that run between code generation and
// assembly: optimize_cfg (peephole rewrites, jump threading, copying small exit blocks into the
// blocks that jump to them, dead blocks, jumps to the next block), duplicate_exits_without_lineno
// and propagate_line_numbers. They decide the instructions and line numbers `dis` shows.
import { Op } from './opcodes.js';
import { Label, isJump, isTerminator, type Instr } from './assemble.js';
import { decref, newref, type PyObject } from '../objects/object.js';
import { newTuple } from '../objects/tuple.js';
import { None } from '../objects/singletons.js';
import { isTrue } from '../objects/abstract.js';

/** MAX_COPY_SIZE: exit blocks up to this many instructions are copied instead of jumped to. */
const MAX_COPY_SIZE = 4;

class Block {
  instrs: Instr[] = [];
  next: Block | null = null;
  preds = 0;
  label = new Label();
}

/** Where jumping instructions go, by instruction (the graph form of Instr.target). */
type Targets = Map<Instr, Block>;

function isBlockPush(op: Op): boolean {
  return op === Op.SETUP_FINALLY || op === Op.SETUP_CLEANUP || op === Op.SETUP_WITH;
}

function isUnconditionalJump(op: Op): boolean {
  return op === Op.JUMP || op === Op.JUMP_NO_INTERRUPT || op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD;
}

/** BB_NO_FALLTHROUGH: the block's last instruction never falls into the next block. */
function noFallthrough(b: Block): boolean {
  const last = b.instrs[b.instrs.length - 1];
  return !!last && (isTerminator(last.op) || isUnconditionalJump(last.op));
}

/** basicblock_exits_scope */
function exitsScope(b: Block): boolean {
  const last = b.instrs[b.instrs.length - 1];
  return !!last && (last.op === Op.RETURN_VALUE || last.op === Op.RAISE_VARARGS || last.op === Op.RERAISE);
}

function isExitWithoutLineno(b: Block): boolean {
  return exitsScope(b) && b.instrs.every((i) => i.line < 0);
}

function copyLoc(to: Instr, from: Instr): void {
  to.line = from.line;
  to.endLine = from.endLine;
  to.col = from.col;
  to.endCol = from.endCol;
}

/** Splits the instruction list into basic blocks: one starts at every jump target and after
 *  every jump, block push and scope exit. */
function buildBlocks(instrs: Instr[], targets: Targets): Block {
  const leaders = new Set<number>([0]);
  instrs.forEach((ins, i) => {
    if (ins.target) leaders.add(ins.target.at);
    if (isJump(ins.op) || isTerminator(ins.op)) leaders.add(i + 1);
  });
  const byStart = new Map<number, Block>();
  const entry = new Block();
  let cur = entry;
  byStart.set(0, entry);
  instrs.forEach((ins, i) => {
    if (i > 0 && leaders.has(i)) {
      const b = new Block();
      cur.next = b;
      cur = b;
      byStart.set(i, b);
    }
    cur.instrs.push(ins);
  });
  const blockAt = (at: number): Block => {
    let b = byStart.get(at);
    if (!b) {
      // a label at the very end: an empty block
      b = new Block();
      cur.next = b;
      cur = b;
      byStart.set(at, b);
    }
    return b;
  };
  for (const ins of instrs) if (ins.target) targets.set(ins, blockAt(ins.target.at));
  return entry;
}

/** The first non-empty block from `b` on (jumps to empty blocks land there). */
function nonEmpty(b: Block | null): Block | null {
  while (b && b.instrs.length === 0) b = b.next;
  return b;
}

/** jump_thread: `ins` goes straight to where the jump it lands on goes. */
function jumpThread(ins: Instr, target: Instr, op: Op, targets: Targets): boolean {
  const mine = targets.get(ins);
  const theirs = targets.get(target)!;
  if (ins.line === target.line && mine !== theirs) {
    targets.set(ins, theirs);
    ins.op = op;
    return true;
  }
  return false;
}

/** The unit's co_consts so far, and how to add one (its index; `o` is borrowed). */
type AddConst = (o: PyObject) => number;

/** fold_tuple_on_constants: BUILD_TUPLE of n LOAD_CONSTs loads the tuple as one constant. */
function foldTupleOnConstants(ins: Instr[], at: number, consts: readonly PyObject[], addConst: AddConst): void {
  const n = ins[at]!.arg;
  const loads = ins.slice(at - n, at);
  if (loads.some((l) => l.op !== Op.LOAD_CONST)) return;
  const tuple = newTuple(loads.map((l) => newref(consts[l.arg]!)));
  const index = addConst(tuple);
  decref(tuple);
  for (const l of loads) l.op = Op.NOP;
  ins[at]!.op = Op.LOAD_CONST;
  ins[at]!.arg = index;
}

/** Instructions that a SWAP before them can be applied to by trading their places. */
function swappable(op: Op): boolean {
  return op === Op.STORE_FAST || op === Op.POP_TOP;
}

/** next_swappable_instruction: the next swappable instruction after `i` on `line` (any line
 *  when -1), skipping NOPs; -1 when something else comes first. */
function nextSwappable(ins: Instr[], i: number, line: number): number {
  while (++i < ins.length) {
    const inst = ins[i]!;
    if (line >= 0 && inst.line !== line) return -1;
    if (inst.op === Op.NOP) continue;
    return swappable(inst.op) ? i : -1;
  }
  return -1;
}

/** apply_static_swaps: a SWAP followed by stores is done by storing in the other order. */
function applyStaticSwaps(ins: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = ins[i]!;
    if (swap.op !== Op.SWAP) {
      if (swap.op === Op.NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappable(ins, i, -1);
    if (j < 0) return;
    let k = j;
    const line = ins[j]!.line;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(ins, k, line);
      if (k < 0) return;
    }
    swap.op = Op.NOP;
    const t = ins[j]!;
    ins[j] = ins[k]!;
    ins[k] = t;
  }
}

/** optimize_basic_block */
function optimizeBlock(b: Block, targets: Targets, consts: readonly PyObject[], addConst: AddConst): void {
  const ins = b.instrs;
  for (let i = 0; i < ins.length; i++) {
    const inst = ins[i]!;
    let target: Instr | undefined;
    if (targets.has(inst)) {
      const t = nonEmpty(targets.get(inst)!);
      if (t) {
        targets.set(inst, t);
        target = t.instrs[0];
      }
    }
    const next = ins[i + 1];
    const nextop = next ? next.op : Op.NOP;
    switch (inst.op) {
      case Op.LOAD_CONST: {
        const value = consts[inst.arg]!;
        if (nextop === Op.POP_JUMP_IF_FALSE || nextop === Op.POP_JUMP_IF_TRUE) {
          inst.op = Op.NOP;
          if (isTrue(value) === (nextop === Op.POP_JUMP_IF_TRUE)) next!.op = Op.JUMP;
          else {
            next!.op = Op.NOP;
            targets.delete(next!);
          }
        } else if (nextop === Op.JUMP_IF_FALSE_OR_POP || nextop === Op.JUMP_IF_TRUE_OR_POP) {
          if (isTrue(value) === (nextop === Op.JUMP_IF_TRUE_OR_POP)) next!.op = Op.JUMP;
          else {
            inst.op = Op.NOP;
            next!.op = Op.NOP;
            targets.delete(next!);
          }
        } else if (nextop === Op.IS_OP && value === None) {
          const jump = ins[i + 2];
          if (jump && (jump.op === Op.POP_JUMP_IF_FALSE || jump.op === Op.POP_JUMP_IF_TRUE)) {
            const notNone = (next!.arg ^ (jump.op === Op.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0;
            inst.op = Op.NOP;
            next!.op = Op.NOP;
            jump.op = notNone ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
          }
        }
        break;
      }
      case Op.BUILD_TUPLE:
        if (nextop === Op.UNPACK_SEQUENCE && next!.arg === inst.arg && inst.arg >= 1 && inst.arg <= 3) {
          // `a, b = b, a`: no tuple, at most a swap
          inst.op = Op.NOP;
          next!.op = inst.arg === 1 ? Op.NOP : Op.SWAP;
          break;
        }
        if (i >= inst.arg) foldTupleOnConstants(ins, i, consts, addConst);
        break;
      case Op.SWAP:
        if (inst.arg === 1) inst.op = Op.NOP;
        else applyStaticSwaps(ins, i);
        break;
      case Op.PUSH_NULL:
        // LOAD_GLOBAL's low bit pushes the NULL itself
        if (nextop === Op.LOAD_GLOBAL && (next!.arg & 1) === 0) {
          inst.op = Op.NOP;
          next!.arg |= 1;
        }
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP: {
        if (!target) break;
        const onFalse = inst.op === Op.JUMP_IF_FALSE_OR_POP;
        const same = onFalse ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
        const opposite = onFalse ? [Op.JUMP_IF_TRUE_OR_POP, Op.POP_JUMP_IF_TRUE] : [Op.JUMP_IF_FALSE_OR_POP, Op.POP_JUMP_IF_FALSE];
        if (target.op === same) {
          if (jumpThread(inst, target, same, targets)) i--;
        } else if (target.op === Op.JUMP || target.op === inst.op) {
          if (jumpThread(inst, target, inst.op, targets)) i--;
        } else if (opposite.includes(target.op) && inst.line === target.line) {
          // the opposite test fails for sure: go past it, having popped the value
          const after = targets.get(inst)!.next;
          if (after) {
            inst.op = same;
            targets.set(inst, after);
            i--;
          }
        }
        break;
      }
      case Op.POP_JUMP_IF_NOT_NONE:
      case Op.POP_JUMP_IF_NONE:
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP:
        if (target && target.op === Op.JUMP && jumpThread(inst, target, inst.op, targets)) i--;
        break;
    }
  }
}

/** clean_basic_block: drops NOPs that carry no line of their own. */
function cleanBlock(b: Block): void {
  const out: Instr[] = [];
  let prevLine = -1;
  const src = b.instrs;
  for (let i = 0; i < src.length; i++) {
    const ins = src[i]!;
    if (ins.op === Op.NOP) {
      const line = ins.line;
      if (line < 0 || line === prevLine) continue;
      if (i < src.length - 1) {
        const nxt = src[i + 1]!;
        if (nxt.line < 0 || nxt.line === line) {
          if (nxt.line < 0) copyLoc(nxt, ins);
          continue;
        }
      } else {
        const nb = nonEmpty(b.next);
        if (nb && nb.instrs[0]!.line === line) continue;
      }
    }
    out.push(ins);
    prevLine = ins.line;
  }
  b.instrs = out;
}

/** extend_block: a block that jumps to a small exit block gets a copy of it instead. */
function extendBlock(b: Block, targets: Targets): void {
  const last = b.instrs[b.instrs.length - 1];
  if (!last || !isUnconditionalJump(last.op)) return;
  const to = nonEmpty(targets.get(last)!);
  // only blocks without a line (an implicit `return None`) are copied
  if (!to || !isExitWithoutLineno(to) || to.instrs.length > MAX_COPY_SIZE) return;
  last.op = Op.NOP;
  targets.delete(last);
  for (const ins of to.instrs) {
    const copy = { ...ins };
    b.instrs.push(copy);
    const t = targets.get(ins);
    if (t) targets.set(copy, t);
  }
}

/** mark_reachable: counts every block's predecessors (0 for dead blocks). */
function markReachable(entry: Block, targets: Targets): void {
  for (let b: Block | null = entry; b; b = b.next) b.preds = 0;
  const seen = new Set<Block>([entry]);
  const stack = [entry];
  entry.preds = 1;
  const reach = (t: Block): void => {
    if (!seen.has(t)) {
      seen.add(t);
      stack.push(t);
    }
    t.preds++;
  };
  while (stack.length) {
    const b = stack.pop()!;
    if (b.next && !noFallthrough(b)) reach(b.next);
    for (const ins of b.instrs) {
      const t = targets.get(ins);
      if (t) reach(t);
    }
  }
}

/** eliminate_empty_basic_blocks: jumps to an empty block go on to the next non-empty one. */
function eliminateEmptyBlocks(entry: Block, targets: Targets): void {
  for (const [ins, t] of targets) {
    const ne = nonEmpty(t);
    if (ne) targets.set(ins, ne);
  }
  for (let b: Block | null = entry; b; b = b.next) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
}

function optimizeCfg(entry: Block, targets: Targets, consts: readonly PyObject[], addConst: AddConst): void {
  for (let b: Block | null = entry; b; b = b.next) extendBlock(b, targets);
  for (let b: Block | null = entry; b; b = b.next) {
    optimizeBlock(b, targets, consts, addConst);
    cleanBlock(b);
  }
  for (let b: Block | null = entry; b; b = b.next) extendBlock(b, targets);
  markReachable(entry, targets);
  for (let b: Block | null = entry; b; b = b.next) {
    if (b.preds === 0) {
      for (const ins of b.instrs) targets.delete(ins);
      b.instrs = [];
    }
  }
  eliminateEmptyBlocks(entry, targets);
  for (let b: Block | null = entry; b; b = b.next) cleanBlock(b);
  // a jump to the block that follows anyway is a NOP (which the next clean removes)
  let emptied = false;
  for (let b: Block | null = entry; b; b = b.next) {
    const last = b.instrs[b.instrs.length - 1];
    if (last && (last.op === Op.JUMP || last.op === Op.JUMP_NO_INTERRUPT) && targets.get(last) === nonEmpty(b.next)) {
      last.op = Op.NOP;
      targets.delete(last);
      cleanBlock(b);
      emptied = true;
    }
  }
  if (emptied) eliminateEmptyBlocks(entry, targets);
}

/** duplicate_exits_without_lineno: an exit block with no line and several predecessors is
 *  copied for each jump to it, so each copy can take the line of its jump. */
function duplicateExitsWithoutLineno(entry: Block, targets: Targets): void {
  markReachable(entry, targets);
  for (let b: Block | null = entry; b; b = b.next) {
    const last = b.instrs[b.instrs.length - 1];
    if (!last || !isJump(last.op) || isBlockPush(last.op)) continue;
    const t = targets.get(last)!;
    if (isExitWithoutLineno(t) && t.preds > 1) {
      const copy = new Block();
      copy.instrs = t.instrs.map((ins) => ({ ...ins }));
      copyLoc(copy.instrs[0]!, last);
      copy.preds = 1;
      t.preds--;
      targets.set(last, copy);
      copy.next = t.next;
      t.next = copy;
    }
  }
  for (let b: Block | null = entry; b; b = b.next) {
    const last = b.instrs[b.instrs.length - 1];
    if (last && !noFallthrough(b) && b.next && isExitWithoutLineno(b.next)) b.next.instrs[0]!.line = last.line;
  }
}

/** propagate_line_numbers: an instruction without a line takes the previous one's location,
 *  across a fall-through or jump into a block that has no other way in. */
function propagateLineNumbers(entry: Block, targets: Targets): void {
  markReachable(entry, targets);
  for (let b: Block | null = entry; b; b = b.next) {
    let prev: Instr | null = null;
    for (const ins of b.instrs) {
      if (ins.line < 0 && prev) copyLoc(ins, prev);
      else if (ins.line >= 0) prev = ins;
    }
    if (!prev) continue;
    if (!noFallthrough(b) && b.next && b.next.preds === 1 && b.next.instrs[0]!.line < 0) copyLoc(b.next.instrs[0]!, prev);
    const last = b.instrs[b.instrs.length - 1]!;
    // exception handlers are not reached by a jump: they keep no line
    if (isJump(last.op) && !isBlockPush(last.op)) {
      const t = targets.get(last)!;
      if (t.preds === 1 && t.instrs[0]!.line < 0) copyLoc(t.instrs[0]!, prev);
    }
  }
}

/** guarantee_lineno_for_exits: a return that still has no line takes the last line seen. */
function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let line = firstlineno;
  for (let b: Block | null = entry; b; b = b.next) {
    const last = b.instrs[b.instrs.length - 1];
    if (!last) continue;
    if (last.line >= 0) line = last.line;
    else if (last.op === Op.RETURN_VALUE) for (const ins of b.instrs) ins.line = line;
  }
}

/** Runs the passes over a unit's instructions; returns them in their new order, with every
 *  jump's label placed. */
export function optimizeFlowGraph(
  instrs: Instr[], consts: readonly PyObject[], addConst: AddConst, firstlineno: number,
): Instr[] {
  const targets: Targets = new Map();
  const entry = buildBlocks(instrs, targets);
  optimizeCfg(entry, targets, consts, addConst);
  duplicateExitsWithoutLineno(entry, targets);
  propagateLineNumbers(entry, targets);
  guaranteeLinenoForExits(entry, firstlineno);
  const out: Instr[] = [];
  for (let b: Block | null = entry; b; b = b.next) {
    b.label.at = out.length;
    out.push(...b.instrs);
  }
  for (const ins of out) {
    const t = targets.get(ins);
    ins.target = t ? t.label : null;
  }
  return out;
}
