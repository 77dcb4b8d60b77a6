// Pattern matching (Python/compile.c compiler_match and compiler_pattern_*): each pattern takes
// the subject from the top of the stack and either consumes it or jumps to a "fail pop" label
// that pops whatever the pattern left on the stack. Captured names are stored as soon as they
// are matched.
import type * as A from '../syntax/ast.js';
import { Op } from './opcodes.js';
import { Label } from './assemble.js';
import type { MatchHost } from './compile.js';
import { CompareOp } from '../objects/type.js';
import { constantObject, strConstant } from './constants.js';
import { newTuple } from '../objects/tuple.js';

interface PatternContext {
  failPop: Label[];
  /** Items on the stack above the match's base, not counting the subject being matched. */
  onTop: number;
  allowIrrefutable: boolean;
  stores: string[];
}

function isWildcard(p: A.pattern): boolean {
  return p._type === 'MatchAs' && p.pattern === null && p.name === null;
}

export function compileMatch(h: MatchHost, s: A.Match): void {
  h.expr(s.subject);
  const end = new Label();
  const cases = s.cases.length;
  const last = s.cases[cases - 1]!;
  const hasDefault = isWildcard(last.pattern) && cases > 1;
  for (let i = 0; i < cases - Number(hasDefault); i++) {
    const m = s.cases[i]!;
    h.setLoc(m.pattern);
    const notLast = i !== cases - Number(hasDefault) - 1;
    if (notLast) h.emit(Op.COPY, 1);
    const pc: PatternContext = { failPop: [], onTop: 0, allowIrrefutable: m.guard !== null || i === cases - 1, stores: [] };
    pattern(h, m.pattern, pc);
    if (m.guard) {
      ensureFailPop(pc, 0);
      h.jumpIf(m.guard, pc.failPop[0]!, false);
    }
    if (notLast) h.emit(Op.POP_TOP);
    h.stmts(m.body);
    h.jump(Op.JUMP, end);
    h.setLoc(m.pattern);
    emitFailPop(h, pc);
  }
  if (hasDefault) {
    h.setLoc(last.pattern);
    h.emit(cases === 1 ? Op.POP_TOP : Op.NOP);
    if (last.guard) h.jumpIf(last.guard, end, false);
    h.stmts(last.body);
  }
  h.place(end);
}

function ensureFailPop(pc: PatternContext, n: number): void {
  while (pc.failPop.length <= n) pc.failPop.push(new Label());
}

/** Jumps to the label that pops `pops` items (the pattern's leftovers) and fails. */
function jumpToFail(h: MatchHost, pc: PatternContext, op: Op, pops: number): void {
  ensureFailPop(pc, pops);
  h.jump(op, pc.failPop[pops]!);
}

function emitFailPop(h: MatchHost, pc: PatternContext): void {
  const labels = pc.failPop;
  if (!labels.length) return;
  for (let i = labels.length - 1; i > 0; i--) {
    h.place(labels[i]!);
    h.emit(Op.POP_TOP);
  }
  h.place(labels[0]!);
  pc.failPop = [];
}

function store(h: MatchHost, pc: PatternContext, name: string, node: A.Located): void {
  if (pc.stores.includes(name)) h.error(`multiple assignments to name '${name}' in pattern`, node);
  pc.stores.push(name);
  h.store(name);
}

function pattern(h: MatchHost, p: A.pattern, pc: PatternContext): void {
  h.setLoc(p);
  switch (p._type) {
    case 'MatchValue':
      h.expr(p.value);
      h.setLoc(p);
      h.emit(Op.COMPARE_OP, CompareOp.EQ);
      jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop);
      return;
    case 'MatchSingleton':
      h.loadConst(constantObject(p.value));
      h.emit(Op.IS_OP, 0);
      jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop);
      return;
    case 'MatchAs':
      if (p.pattern === null) {
        if (!pc.allowIrrefutable) {
          if (p.name) h.error(`name capture '${p.name}' makes remaining patterns unreachable`, p);
          h.error('wildcard makes remaining patterns unreachable', p);
        }
        if (p.name) store(h, pc, p.name, p);
        else h.emit(Op.POP_TOP);
        return;
      }
      h.emit(Op.COPY, 1);
      pc.onTop++;
      sub(h, p.pattern, pc, true);
      pc.onTop--;
      h.setLoc(p);
      if (p.name) store(h, pc, p.name, p);
      else h.emit(Op.POP_TOP);
      return;
    case 'MatchStar':
      if (p.name) store(h, pc, p.name, p);
      else h.emit(Op.POP_TOP);
      return;
    case 'MatchOr':
      return orPattern(h, p, pc);
    case 'MatchSequence':
      return sequencePattern(h, p, pc);
    case 'MatchMapping':
      return mappingPattern(h, p, pc);
    case 'MatchClass':
      return classPattern(h, p, pc);
  }
}

function sub(h: MatchHost, p: A.pattern, pc: PatternContext, allowIrrefutable: boolean): void {
  const saved = pc.allowIrrefutable;
  pc.allowIrrefutable = allowIrrefutable;
  pattern(h, p, pc);
  pc.allowIrrefutable = saved;
}

/** Matches `patterns` against items unpacked onto the stack, the first on top. */
function unpackedItems(h: MatchHost, patterns: A.pattern[], pc: PatternContext, below: number): void {
  const base = pc.onTop;
  patterns.forEach((q, i) => {
    pc.onTop = base + below + (patterns.length - i - 1);
    sub(h, q, pc, true);
  });
  pc.onTop = base;
}

function orPattern(h: MatchHost, p: A.MatchOr, pc: PatternContext): void {
  const end = new Label();
  let names: string[] | null = null;
  const n = p.patterns.length;
  p.patterns.forEach((alt, i) => {
    h.setLoc(alt);
    h.emit(Op.COPY, 1);
    const altPc: PatternContext = { failPop: [], onTop: 0, allowIrrefutable: i === n - 1 && pc.allowIrrefutable, stores: [] };
    pattern(h, alt, altPc);
    const sorted = altPc.stores.slice().sort();
    if (names === null) names = sorted;
    else if (names.join('\0') !== sorted.join('\0')) h.error('alternative patterns bind different names', p);
    h.emit(Op.POP_TOP);
    h.jump(Op.JUMP, end);
    emitFailPop(h, altPc);
  });
  h.setLoc(p);
  h.emit(Op.POP_TOP);
  jumpToFail(h, pc, Op.JUMP, pc.onTop);
  h.place(end);
  for (const name of names ?? []) {
    if (pc.stores.includes(name)) h.error(`multiple assignments to name '${name}' in pattern`, p);
    pc.stores.push(name);
  }
}

function sequencePattern(h: MatchHost, p: A.MatchSequence, pc: PatternContext): void {
  const star = p.patterns.findIndex((q) => q._type === 'MatchStar');
  if (star >= 0 && p.patterns.slice(star + 1).some((q) => q._type === 'MatchStar')) {
    h.error('multiple starred names in sequence pattern', p);
  }
  const size = star >= 0 ? p.patterns.length - 1 : p.patterns.length;
  h.emit(Op.MATCH_SEQUENCE);
  jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  if (star < 0) {
    h.emit(Op.GET_LEN);
    h.loadConst(constantObject(BigInt(size)));
    h.emit(Op.COMPARE_OP, CompareOp.EQ);
    jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  } else if (size) {
    h.emit(Op.GET_LEN);
    h.loadConst(constantObject(BigInt(size)));
    h.emit(Op.COMPARE_OP, CompareOp.GE);
    jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  }
  if (star < 0) h.emit(Op.UNPACK_SEQUENCE, size);
  else h.emit(Op.UNPACK_EX, star + ((p.patterns.length - star - 1) << 8));
  unpackedItems(h, p.patterns, pc, 0);
}

function mappingPattern(h: MatchHost, p: A.MatchMapping, pc: PatternContext): void {
  const size = p.keys.length;
  h.emit(Op.MATCH_MAPPING);
  jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  if (!size && !p.rest) {
    h.emit(Op.POP_TOP);
    return;
  }
  if (size) {
    h.emit(Op.GET_LEN);
    h.loadConst(constantObject(BigInt(size)));
    h.emit(Op.COMPARE_OP, CompareOp.GE);
    jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  }
  const seen = new Set<string>();
  for (const k of p.keys) {
    if (k._type === 'Constant') {
      const key = `${typeof k.value}:${String(k.value)}`;
      if (seen.has(key)) h.error(`mapping pattern checks duplicate key (${reprKey(k.value)})`, p);
      seen.add(key);
    } else if (k._type !== 'Attribute') {
      h.error('mapping pattern keys may only match literals and attribute lookups', k);
    }
    h.expr(k);
  }
  h.setLoc(p);
  h.emit(Op.BUILD_TUPLE, size);
  h.emit(Op.MATCH_KEYS);
  // [subject, keys, values or None]
  h.emit(Op.COPY, 1);
  h.loadConst(constantObject(null));
  h.emit(Op.IS_OP, 1);
  jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 3);
  h.emit(Op.UNPACK_SEQUENCE, size);
  unpackedItems(h, p.patterns, pc, 2);
  h.setLoc(p);
  if (p.rest) {
    h.emit(Op.BUILD_MAP, 0);
    h.emit(Op.SWAP, 3);
    h.emit(Op.DICT_UPDATE, 2);
    h.emit(Op.UNPACK_SEQUENCE, size);
    for (let n = size; n > 0; n--) {
      h.emit(Op.COPY, 1 + n);
      h.emit(Op.SWAP, 2);
      h.emit(Op.DELETE_SUBSCR);
    }
    store(h, pc, p.rest, p);
  } else {
    h.emit(Op.POP_TOP);
    h.emit(Op.POP_TOP);
  }
}

function reprKey(v: A.ConstantValue): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function classPattern(h: MatchHost, p: A.MatchClass, pc: PatternContext): void {
  const nargs = p.patterns.length;
  const attrs = p.kwd_attrs;
  const seen = new Set<string>();
  for (const a of attrs) {
    if (seen.has(a)) h.error(`attribute name repeated in class pattern: ${a}`, p);
    seen.add(a);
  }
  h.expr(p.cls);
  h.setLoc(p);
  h.loadConst(newTuple(attrs.map((a) => strConstant(a))));
  h.emit(Op.MATCH_CLASS, nargs);
  h.emit(Op.COPY, 1);
  h.loadConst(constantObject(null));
  h.emit(Op.IS_OP, 1);
  jumpToFail(h, pc, Op.POP_JUMP_IF_FALSE, pc.onTop + 1);
  const all = [...p.patterns, ...p.kwd_patterns];
  h.emit(Op.UNPACK_SEQUENCE, all.length);
  unpackedItems(h, all, pc, 0);
}
