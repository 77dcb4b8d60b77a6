// The code generator (Python/compile.c): walks the AST of a module, an expression or a cell and
// emits CPython 3.11's instructions, one compilation unit per code object, with the frame
// blocks that `break`, `continue` and `return` unwind through.
import type * as A from '../syntax/ast.js';
import { Op } from './opcodes.js';
import { assemble, Label, type Instr } from './assemble.js';
import { optimizeFlowGraph } from './flowgraph.js';
import {
  buildSymbolTable, mangle, Scope, SymbolTable, SymbolTableEntry, DEF_FREE_CLASS,
} from './symtable.js';
import { compileError } from './errors.js';
import { constantKey, constantObject, strConstant } from './constants.js';
import { constantOf, foldExpr, listAsTuple } from './optimize.js';
import { compileMatch } from './match.js';
import { CodeFlags, LocalKind, PyCode, newCode } from '../objects/code.js';
import type { PyObject } from '../objects/object.js';
import { decref } from '../objects/object.js';
import { newTuple } from '../objects/tuple.js';
import { newFrozenSet } from '../objects/set.js';
import { None } from '../objects/singletons.js';
import { internStr } from '../objects/str.js';
import { CompareOp } from '../objects/type.js';
import { BinaryOp, collect } from '../objects/abstract.js';

export type CompileMode = 'exec' | 'eval' | 'single' | 'cell';

const BINOP: Record<A.OperatorName, BinaryOp> = {
  Add: BinaryOp.ADD, Sub: BinaryOp.SUBTRACT, Mult: BinaryOp.MULTIPLY, MatMult: BinaryOp.MATRIX_MULTIPLY,
  Div: BinaryOp.TRUE_DIVIDE, Mod: BinaryOp.REMAINDER, Pow: BinaryOp.POWER, LShift: BinaryOp.LSHIFT,
  RShift: BinaryOp.RSHIFT, BitOr: BinaryOp.OR, BitXor: BinaryOp.XOR, BitAnd: BinaryOp.AND,
  FloorDiv: BinaryOp.FLOOR_DIVIDE,
};
const INPLACE_DELTA = BinaryOp.INPLACE_ADD - BinaryOp.ADD;
/** STACK_USE_GUIDELINE: displays longer than this are built item by item. */
const STACK_USE_GUIDELINE = 30;
/** Placeholder opargs of cell and free slots until the locals are counted. */
const CELL_BASE = 1 << 20;
const FREE_BASE = 1 << 21;

const enum FBlock {
  WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP,
  POP_VALUE, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
}

interface FBlockInfo {
  type: FBlock;
  block: Label | null;
  exit: Label | null;
  /** The finally body (FINALLY_TRY), the with statement (WITH), the bound name (HANDLER_CLEANUP). */
  datum: A.stmt[] | A.stmt | string | null;
}

type Loc = { lineno: number; end_lineno: number; col_offset: number; end_col_offset: number };
const NO_LOC: Loc = { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };
/** compiler_enter_scope gives a module's RESUME line 0 (the unit's end line stays 1). */
const MODULE_RESUME_LOC: Loc = { lineno: 0, end_lineno: 1, col_offset: 0, end_col_offset: 0 };

function unitLoc(line: number): Loc {
  return { lineno: line, end_lineno: line, col_offset: 0, end_col_offset: 0 };
}

class Unit {
  instrs: Instr[] = [];
  consts: PyObject[] = [];
  constIndex = new Map<string, number>();
  names: string[] = [];
  nameIndex = new Map<string, number>();
  varnames: string[];
  varIndex = new Map<string, number>();
  cellvars: string[];
  freevars: string[];
  fblocks: FBlockInfo[] = [];
  loc: Loc = NO_LOC;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  firstlineno: number;
  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly qualname: string,
    readonly scopeType: 'module' | 'function' | 'class' | 'lambda' | 'comprehension',
    readonly privateName: string | null,
    firstlineno: number,
  ) {
    this.firstlineno = firstlineno;
    this.varnames = ste.varnames.slice();
    this.varnames.forEach((n, i) => this.varIndex.set(n, i));
    const cells: string[] = [];
    const frees: string[] = [];
    for (const [name, scope] of ste.scopes) {
      if (scope === Scope.CELL) cells.push(name);
      else if (scope === Scope.FREE) frees.push(name);
    }
    for (const [name, flags] of ste.symbols) if (flags & DEF_FREE_CLASS && !frees.includes(name)) frees.push(name);
    if (ste.needsClassClosure) cells.push('__class__');
    this.cellvars = cells.sort();
    this.freevars = frees.sort();
  }
}

export interface CompileResult {
  code: PyCode;
}

export class Compiler {
  private readonly st: SymbolTable;
  private u!: Unit;
  private readonly stack: Unit[] = [];
  /** Constants shared across every code object of this compilation (merge_consts_recursive). */
  private readonly constCache = new Map<string, PyObject>();
  private interactive = false;

  constructor(
    mod: A.mod,
    private readonly filename: string,
    private readonly source: string,
    private readonly mode: CompileMode,
  ) {
    this.st = buildSymbolTable(mod, filename, source);
  }

  /** compiler_free drops c_const_cache: afterwards only the code objects hold their constants. */
  releaseConstCache(): void {
    for (const o of this.constCache.values()) decref(o);
    this.constCache.clear();
  }

  error(msg: string, node: A.Located): never {
    throw compileError(msg, node, this.filename, this.source);
  }

  compileModule(mod: A.mod): PyCode {
    this.enterScope('<module>', 'module', mod, 1);
    switch (mod._type) {
      case 'Module':
        this.u.loc = MODULE_RESUME_LOC;
        this.emit(Op.RESUME, 0);
        if (this.mode === 'cell') this.cellBody(mod.body);
        else this.body(mod.body, true);
        this.u.loc = NO_LOC;
        this.loadConst(None);
        this.emit(Op.RETURN_VALUE);
        break;
      case 'Interactive':
        this.interactive = true;
        this.u.loc = MODULE_RESUME_LOC;
        this.emit(Op.RESUME, 0);
        for (const s of mod.body) this.stmt(s);
        this.u.loc = NO_LOC;
        this.loadConst(None);
        this.emit(Op.RETURN_VALUE);
        break;
      case 'Expression':
        this.u.loc = MODULE_RESUME_LOC;
        this.emit(Op.RESUME, 0);
        this.expr(mod.body);
        this.emit(Op.RETURN_VALUE);
        break;
    }
    return this.exitScope();
  }

  /** A notebook cell: the last statement, when it is an expression, returns its value. */
  private cellBody(body: A.stmt[]): void {
    const last = body[body.length - 1];
    if (last && last._type === 'Expr') {
      this.body(body.slice(0, -1), true);
      this.setLoc(last);
      this.expr(last.value);
      this.emit(Op.RETURN_VALUE);
      return;
    }
    this.body(body, true);
  }

  // ---------------------------------------------------------------- units

  private enterScope(name: string, scopeType: Unit['scopeType'], key: object, lineno: number): void {
    const ste = this.st.blocks.get(key)!;
    const parent = this.u;
    let privateName = parent ? parent.privateName : null;
    if (scopeType === 'class') privateName = name;
    const qualname = parent ? this.qualnameFor(name, scopeType) : name;
    const u = new Unit(ste, name, qualname, scopeType, privateName, lineno);
    if (parent) this.stack.push(parent);
    this.u = u;
  }

  /** compiler_set_qualname */
  private qualnameFor(name: string, scopeType: Unit['scopeType']): string {
    const parent = this.u;
    if (parent.scopeType === 'module') return name;
    let base: string;
    if (scopeType === 'function' || scopeType === 'class') {
      const mangled = mangle(parent.privateName, name);
      if (parent.ste.scopeOf(mangled) === Scope.GLOBAL_EXPLICIT) return name;
    }
    if (parent.scopeType === 'function' || parent.scopeType === 'lambda' || parent.scopeType === 'comprehension') {
      base = `${parent.qualname}.<locals>`;
    } else {
      base = parent.qualname;
    }
    return `${base}.${name}`;
  }

  private exitScope(): PyCode {
    const u = this.u;
    const instrs = optimizeFlowGraph(this.prefixInstructions(u), u.consts, (o) => this.addConst(o), u.firstlineno);
    this.trimUnusedConsts(u, instrs);
    this.fixCellOffsets(u, instrs);
    const generatorLike = u.scopeType !== 'module' && u.scopeType !== 'class' && (u.ste.isGenerator || u.ste.isCoroutine);
    const { code, positions, exceptionTable, stacksize } = assemble(instrs, generatorLike ? 1 : 0);
    const localsplus = u.varnames.slice();
    const kinds: number[] = u.varnames.map(() => LocalKind.LOCAL);
    for (const c of u.cellvars) {
      const i = localsplus.indexOf(c);
      if (i >= 0) kinds[i]! |= LocalKind.CELL;
      else {
        localsplus.push(c);
        kinds.push(LocalKind.CELL);
      }
    }
    for (const f of u.freevars) {
      localsplus.push(f);
      kinds.push(LocalKind.FREE);
    }
    const ste = u.ste;
    let flags = 0;
    if (u.scopeType !== 'module' && u.scopeType !== 'class') {
      flags |= CodeFlags.OPTIMIZED | CodeFlags.NEWLOCALS;
      if (ste.nested) flags |= CodeFlags.NESTED;
      if (ste.isGenerator && ste.isCoroutine) flags |= CodeFlags.ASYNC_GENERATOR;
      else if (ste.isGenerator) flags |= CodeFlags.GENERATOR;
      else if (ste.isCoroutine) flags |= CodeFlags.COROUTINE;
      if (ste.hasVarargs) flags |= CodeFlags.VARARGS;
      if (ste.hasVarkeywords) flags |= CodeFlags.VARKEYWORDS;
    }
    const result = newCode((c) => {
      c.code = code;
      c.positions = positions;
      c.exceptionTable = exceptionTable;
      c.stacksize = stacksize;
      c.consts = u.consts;
      c.names = u.names;
      c.nameObjects = u.names.map((n) => internStr(n));
      c.localsplusnames = localsplus;
      c.localspluskinds = Uint8Array.from(kinds);
      c.nlocals = u.varnames.length;
      c.ncellvars = u.cellvars.length;
      c.nfreevars = u.freevars.length;
      c.argcount = u.argcount;
      c.posonlyargcount = u.posonlyargcount;
      c.kwonlyargcount = u.kwonlyargcount;
      c.flags = flags;
      c.firstlineno = u.firstlineno;
      c.filename = this.filename;
      c.name = u.name;
      c.qualname = u.qualname;
      c.nameObj = internStr(u.name);
      c.qualnameObj = strConstant(u.qualname);
      c.caches = new Array(code.length >> 1).fill(null);
    });
    const parent = this.stack.pop();
    if (parent) this.u = parent;
    return result;
  }

  /** trim_unused_consts: constants after the last one loaded go (the first, a function's
   *  docstring slot, always stays). */
  private trimUnusedConsts(u: Unit, instrs: Instr[]): void {
    let max = 0;
    for (const ins of instrs) if ((ins.op === Op.LOAD_CONST || ins.op === Op.KW_NAMES) && ins.arg > max) max = ins.arg;
    if (max + 1 >= u.consts.length) return;
    for (const o of u.consts.splice(max + 1)) decref(o);
    for (const [key, i] of u.constIndex) if (i > max) u.constIndex.delete(key);
  }

  /** insert_prefix_instructions: COPY_FREE_VARS, MAKE_CELL, and RETURN_GENERATOR + POP_TOP. */
  private prefixInstructions(u: Unit): Instr[] {
    const pre: Instr[] = [];
    const at = (op: Op, arg: number): Instr => ({ op, arg, target: null, line: u.firstlineno, endLine: u.firstlineno, col: -1, endCol: -1 });
    if (u.freevars.length) pre.push({ ...at(Op.COPY_FREE_VARS, u.freevars.length), line: -1, endLine: -1 });
    for (let i = 0; i < u.cellvars.length; i++) pre.push({ ...at(Op.MAKE_CELL, CELL_BASE + i), line: -1, endLine: -1 });
    const ste = u.ste;
    if (u.scopeType !== 'module' && u.scopeType !== 'class' && (ste.isGenerator || ste.isCoroutine)) {
      pre.push(at(Op.RETURN_GENERATOR, 0), at(Op.POP_TOP, 0));
    }
    if (pre.length === 0) return u.instrs;
    const labels = new Set<Label>();
    for (const ins of u.instrs) if (ins.target) labels.add(ins.target);
    for (const l of labels) l.at += pre.length;
    return pre.concat(u.instrs);
  }

  // ---------------------------------------------------------------- emitting

  private setLoc(node: Loc): void {
    this.u.loc = node;
  }

  private emit(op: Op, arg = 0): void {
    const l = this.u.loc;
    this.u.instrs.push({ op, arg, target: null, line: l.lineno, endLine: l.end_lineno, col: l.col_offset, endCol: l.end_col_offset });
  }

  private emitNoLine(op: Op, arg = 0): void {
    this.u.instrs.push({ op, arg, target: null, line: -1, endLine: -1, col: -1, endCol: -1 });
  }

  private jump(op: Op, target: Label): void {
    const l = this.u.loc;
    this.u.instrs.push({ op, arg: 0, target, line: l.lineno, endLine: l.end_lineno, col: l.col_offset, endCol: l.end_col_offset });
  }

  private jumpNoLine(op: Op, target: Label): void {
    this.u.instrs.push({ op, arg: 0, target, line: -1, endLine: -1, col: -1, endCol: -1 });
  }

  private place(label: Label): void {
    label.at = this.u.instrs.length;
  }

  /** compiler_add_const: the index of a constant in co_consts, shared by key. `o` is borrowed. */
  private addConst(o: PyObject): number {
    const key = constantKey(o);
    const u = this.u;
    const have = u.constIndex.get(key);
    if (have !== undefined) return have;
    let shared = this.constCache.get(key);
    if (!shared) {
      shared = o;
      o.refcnt++;
      this.constCache.set(key, o);
    }
    shared.refcnt++;
    u.consts.push(shared);
    u.constIndex.set(key, u.consts.length - 1);
    return u.consts.length - 1;
  }

  private loadConst(o: PyObject): void {
    this.emit(Op.LOAD_CONST, this.addConst(o));
  }

  /** Loads an owned constant object and gives up the caller's reference. */
  private loadOwnedConst(o: PyObject): void {
    this.loadConst(o);
    decref(o);
  }

  private addName(name: string): number {
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    let i = u.nameIndex.get(mangled);
    if (i === undefined) {
      i = u.names.length;
      u.names.push(mangled);
      u.nameIndex.set(mangled, i);
    }
    return i;
  }

  private varIndex(name: string): number {
    const u = this.u;
    let i = u.varIndex.get(name);
    if (i === undefined) {
      i = u.varnames.length;
      u.varnames.push(name);
      u.varIndex.set(name, i);
    }
    return i;
  }

  /** A cell or free variable's slot, encoded until the number of locals is known (cells come
   *  after every local, frees after the cells: fix_cell_offsets resolves them at the end). */
  private derefIndex(name: string): number {
    const u = this.u;
    const ci = u.cellvars.indexOf(name);
    if (ci >= 0) {
      const vi = u.varnames.indexOf(name);
      return vi >= 0 && vi < u.ste.varnames.length ? vi : CELL_BASE + ci;
    }
    const fi = u.freevars.indexOf(name);
    if (fi < 0) throw new Error(`compiler: no cell for ${name} in ${u.name}`);
    return FREE_BASE + fi;
  }

  /** fix_cell_offsets: encoded cell and free slots become localsplus indices. */
  private fixCellOffsets(u: Unit, instrs: Instr[]): void {
    const nlocals = u.varnames.length;
    const cellSlot: number[] = [];
    let extra = 0;
    for (const c of u.cellvars) {
      const vi = u.varnames.indexOf(c);
      cellSlot.push(vi >= 0 ? vi : nlocals + extra++);
    }
    for (const ins of instrs) {
      if (ins.target || ins.arg < CELL_BASE) continue;
      switch (ins.op) {
        case Op.MAKE_CELL: case Op.LOAD_DEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF:
        case Op.LOAD_CLOSURE: case Op.LOAD_CLASSDEREF:
          ins.arg = ins.arg >= FREE_BASE ? nlocals + extra + (ins.arg - FREE_BASE) : cellSlot[ins.arg - CELL_BASE]!;
      }
    }
  }

  private pushFBlock(type: FBlock, block: Label | null, exit: Label | null, datum: FBlockInfo['datum'] = null): void {
    if (this.u.fblocks.length >= 20) this.error('too many statically nested blocks', this.u.loc as A.Located);
    this.u.fblocks.push({ type, block, exit, datum });
  }

  private popFBlock(): void {
    this.u.fblocks.pop();
  }

  // ---------------------------------------------------------------- names

  /** compiler_nameop */
  private nameOp(name: string, ctx: A.ExprContextName): void {
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.scopeOf(mangled);
    type Kind = 'fast' | 'deref' | 'global' | 'name';
    let kind: Kind = 'name';
    switch (scope) {
      case Scope.FREE:
      case Scope.CELL:
        kind = 'deref';
        break;
      case Scope.LOCAL:
        if (u.scopeType !== 'module' && u.scopeType !== 'class') kind = 'fast';
        break;
      case Scope.GLOBAL_IMPLICIT:
        if (u.scopeType !== 'module' && u.scopeType !== 'class') kind = 'global';
        break;
      case Scope.GLOBAL_EXPLICIT:
        kind = 'global';
        break;
    }
    switch (kind) {
      case 'deref': {
        const i = this.derefIndex(mangled);
        if (ctx === 'Load') this.emit(u.scopeType === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF, i);
        else this.emit(ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
        return;
      }
      case 'fast': {
        const i = this.varIndex(mangled);
        this.emit(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, i);
        return;
      }
      case 'global': {
        const i = this.addName(mangled);
        if (ctx === 'Load') this.emit(Op.LOAD_GLOBAL, i << 1);
        else this.emit(ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, i);
        return;
      }
      case 'name': {
        const i = this.addName(mangled);
        this.emit(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, i);
        return;
      }
    }
  }

  private forbiddenName(name: string, ctx: A.ExprContextName, node: A.Located): void {
    if (ctx === 'Store' && name === '__debug__') this.error('cannot assign to __debug__', node);
    if (ctx === 'Del' && name === '__debug__') this.error('cannot delete __debug__', node);
  }

  // ---------------------------------------------------------------- statements

  private body(stmts: A.stmt[], isModule: boolean): void {
    let rest = stmts;
    const first = stmts[0];
    if (isModule && first && isDocstring(first)) {
      this.setLoc(first);
      this.expr((first as A.Expr).value);
      this.nameOp('__doc__', 'Store');
      rest = stmts.slice(1);
    }
    if (isModule && (this.u.scopeType === 'module' || this.u.scopeType === 'class') && findAnnotations(stmts)) {
      // compiler_body: a module's SETUP_ANNOTATIONS is on its first statement's line
      if (this.u.scopeType === 'module' && first) this.setLoc(first);
      this.emit(Op.SETUP_ANNOTATIONS);
    }
    for (const s of rest) this.stmt(s);
  }

  private stmts(list: A.stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: A.stmt): void {
    this.setLoc(s);
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Return':
        return this.returnStmt(s);
      case 'Delete':
        for (const t of s.targets) this.target(t, 'Del');
        return;
      case 'Assign': {
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.target(t, 'Store');
        });
        return;
      }
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        return this.annAssign(s);
      case 'For':
        return this.forStmt(s);
      case 'AsyncFor':
        return this.asyncFor(s);
      case 'While':
        return this.whileStmt(s);
      case 'If':
        return this.ifStmt(s);
      case 'With':
        return this.withStmt(s, 0);
      case 'AsyncWith':
        return this.asyncWith(s, 0);
      case 'Match':
        return this.match(s);
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n++;
          if (s.cause) {
            this.expr(s.cause);
            n++;
          }
        }
        this.setLoc(s);
        this.emit(Op.RAISE_VARARGS, n);
        return;
      }
      case 'Try':
        return s.finalbody.length ? this.tryFinally(s) : this.tryExcept(s);
      case 'TryStar':
        return s.finalbody.length ? this.tryFinally(s) : this.tryStarExcept(s);
      case 'Assert':
        return this.assertStmt(s);
      case 'Import':
        return this.importStmt(s);
      case 'ImportFrom':
        return this.importFrom(s);
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Expr':
        return this.exprStmt(s);
      case 'Pass':
        this.emit(Op.NOP);
        return;
      case 'Break':
        return this.breakStmt(s);
      case 'Continue':
        return this.continueStmt(s);
    }
  }

  private exprStmt(s: A.Expr): void {
    const v = s.value;
    if (this.interactive && this.u.scopeType === 'module') {
      this.expr(v);
      this.emit(Op.PRINT_EXPR);
      return;
    }
    if (v._type === 'Constant') {
      this.emit(Op.NOP);
      return;
    }
    this.expr(v);
    this.setLoc(s);
    this.emit(Op.POP_TOP);
  }

  private returnStmt(s: A.Return): void {
    if (this.u.scopeType !== 'function' && this.u.scopeType !== 'lambda') this.error("'return' outside function", s);
    const ste = this.u.ste;
    if (s.value && ste.isCoroutine && ste.isGenerator) this.error("'return' with value in async generator", s);
    const preserve = s.value !== null && s.value._type !== 'Constant';
    if (preserve) this.expr(s.value!);
    this.setLoc(s);
    this.unwindFBlockStack(preserve, false);
    if (!s.value) this.loadConst(None);
    else if (!preserve) this.constExpr(s.value as A.Constant);
    this.emit(Op.RETURN_VALUE);
  }

  private breakStmt(s: A.Break): void {
    const loop = this.unwindFBlockStack(false, true);
    if (!loop) this.error("'break' outside loop", s);
    this.setLoc(s);
    this.unwindFBlock(loop, false);
    this.jump(Op.JUMP, loop.exit!);
  }

  private continueStmt(s: A.Continue): void {
    const loop = this.unwindFBlockStack(false, true);
    if (!loop) this.error("'continue' not properly in loop", s);
    this.setLoc(s);
    this.jump(Op.JUMP, loop.block!);
  }

  /** compiler_unwind_fblock_stack: unwinds every frame block up to (not including) the
   *  innermost loop when `loop`, or all of them; returns the loop found. */
  private unwindFBlockStack(preserveTos: boolean, loop: boolean): FBlockInfo | null {
    const blocks = this.u.fblocks;
    if (blocks.length === 0) return null;
    const top = blocks[blocks.length - 1]!;
    if (top.type === FBlock.EXCEPTION_GROUP_HANDLER) {
      this.error("'break', 'continue' and 'return' cannot appear in an except* block", this.u.loc as A.Located);
    }
    if (loop && (top.type === FBlock.WHILE_LOOP || top.type === FBlock.FOR_LOOP)) return top;
    blocks.pop();
    this.unwindFBlock(top, preserveTos);
    const r = this.unwindFBlockStack(preserveTos, loop);
    blocks.push(top);
    return r;
  }

  private unwindFBlock(info: FBlockInfo, preserveTos: boolean): void {
    switch (info.type) {
      case FBlock.WHILE_LOOP:
      case FBlock.EXCEPTION_HANDLER:
      case FBlock.EXCEPTION_GROUP_HANDLER:
      case FBlock.ASYNC_COMPREHENSION_GENERATOR:
        return;
      case FBlock.FOR_LOOP:
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
      case FBlock.TRY_EXCEPT:
        this.emit(Op.POP_BLOCK);
        return;
      case FBlock.FINALLY_TRY:
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.pushFBlock(FBlock.POP_VALUE, null, null);
        this.stmts(info.datum as A.stmt[]);
        if (preserveTos) this.popFBlock();
        return;
      case FBlock.FINALLY_END:
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        return;
      case FBlock.WITH:
      case FBlock.ASYNC_WITH:
        this.setLoc(info.datum as A.stmt);
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
        if (info.type === FBlock.ASYNC_WITH) {
          this.emit(Op.GET_AWAITABLE, 2);
          this.loadConst(None);
          this.yieldFrom();
        }
        this.emit(Op.POP_TOP);
        return;
      case FBlock.HANDLER_CLEANUP:
        if (info.datum) this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        if (info.datum) this.clearName(info.datum as string);
        return;
      case FBlock.POP_VALUE:
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
    }
  }

  private callExitWithNones(): void {
    this.loadConst(None);
    this.loadConst(None);
    this.loadConst(None);
    this.emit(Op.PRECALL, 2);
    this.emit(Op.CALL, 2);
  }

  private ifStmt(s: A.If): void {
    const end = new Label();
    const next = s.orelse.length ? new Label() : end;
    this.jumpIf(s.test, next, false);
    this.stmts(s.body);
    if (s.orelse.length) {
      this.jumpNoLine(Op.JUMP, end);
      this.place(next);
      this.stmts(s.orelse);
    }
    this.place(end);
  }

  private whileStmt(s: A.While): void {
    const loop = new Label();
    const body = new Label();
    const anchor = new Label();
    const exit = new Label();
    this.place(loop);
    this.pushFBlock(FBlock.WHILE_LOOP, loop, exit);
    this.jumpIf(s.test, anchor, false);
    this.place(body);
    this.stmts(s.body);
    this.setLoc(s);
    this.jumpIf(s.test, body, true);
    this.popFBlock();
    this.place(anchor);
    this.stmts(s.orelse);
    this.place(exit);
  }

  private forStmt(s: A.For): void {
    const start = new Label();
    const cleanup = new Label();
    const end = new Label();
    this.pushFBlock(FBlock.FOR_LOOP, start, end);
    this.expr(listAsTuple(s.iter));
    this.setLoc(s.iter);
    this.emit(Op.GET_ITER);
    this.place(start);
    this.setLoc(s);
    this.jump(Op.FOR_ITER, cleanup);
    this.target(s.target, 'Store');
    this.stmts(s.body);
    this.u.loc = NO_LOC;
    this.jump(Op.JUMP, start);
    this.place(cleanup);
    this.popFBlock();
    this.stmts(s.orelse);
    this.place(end);
  }

  private asyncFor(s: A.AsyncFor): void {
    if (!this.u.ste.isCoroutine) this.error("'async for' outside async function", s);
    const start = new Label();
    const except = new Label();
    const end = new Label();
    this.expr(s.iter);
    this.emit(Op.GET_AITER);
    this.place(start);
    this.pushFBlock(FBlock.FOR_LOOP, start, end);
    this.jump(Op.SETUP_FINALLY, except);
    this.emit(Op.GET_ANEXT);
    this.loadConst(None);
    this.yieldFrom();
    this.emit(Op.POP_BLOCK);
    this.target(s.target, 'Store');
    this.stmts(s.body);
    this.u.loc = NO_LOC;
    this.jump(Op.JUMP, start);
    this.popFBlock();
    this.place(except);
    this.setLoc(s.iter);
    this.emit(Op.END_ASYNC_FOR);
    this.stmts(s.orelse);
    this.place(end);
  }

  /** compiler_jump_if: jumps to `label` when `e` is `cond`, with CPython's short circuits. */
  private jumpIf(e: A.expr, label: Label, cond: boolean): void {
    switch (e._type) {
      case 'UnaryOp':
        if (e.op._type === 'Not') return this.jumpIf(e.operand, label, !cond);
        break;
      case 'BoolOp': {
        const isOr = e.op._type === 'Or';
        const next = isOr === cond ? label : new Label();
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) this.jumpIf(e.values[i]!, next, isOr);
        this.jumpIf(e.values[n]!, label, cond);
        if (next !== label) this.place(next);
        return;
      }
      case 'IfExp': {
        const end = new Label();
        const next2 = new Label();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, label, cond);
        this.jumpNoLine(Op.JUMP, end);
        this.place(next2);
        this.jumpIf(e.orelse, label, cond);
        this.place(end);
        return;
      }
      case 'Compare':
        if (e.ops.length > 1) {
          const cleanup = new Label();
          this.expr(e.left);
          const n = e.ops.length - 1;
          for (let i = 0; i < n; i++) {
            this.expr(e.comparators[i]!);
            this.setLoc(e);
            this.emit(Op.SWAP, 2);
            this.emit(Op.COPY, 2);
            this.compareOp(e.ops[i]!);
            this.jump(Op.POP_JUMP_IF_FALSE, cleanup);
          }
          this.expr(e.comparators[n]!);
          this.setLoc(e);
          this.compareOp(e.ops[n]!);
          this.jump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
          const end = new Label();
          this.jumpNoLine(Op.JUMP, end);
          this.place(cleanup);
          this.emit(Op.POP_TOP);
          if (!cond) this.jumpNoLine(Op.JUMP, label);
          this.place(end);
          return;
        }
        break;
    }
    this.expr(e);
    this.setLoc(e);
    this.jump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
  }

  private tryExcept(s: A.Try): void {
    const body = new Label();
    const except = new Label();
    const end = new Label();
    const cleanup = new Label();
    this.protectedBody(s.body, body, except);
    this.stmts(s.orelse);
    this.jumpNoLine(Op.JUMP, end);
    this.place(except);
    this.u.loc = NO_LOC;
    this.jump(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock(FBlock.EXCEPTION_HANDLER, null, null);
    s.handlers.forEach((h, i) => {
      this.setLoc(h);
      const next = new Label();
      if (!h.type && i < s.handlers.length - 1) this.error("default 'except:' must be last", h);
      if (h.type) {
        this.expr(h.type);
        this.setLoc(h);
        this.emit(Op.CHECK_EXC_MATCH);
        this.jump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name) {
        const cleanupEnd = new Label();
        const cleanupBody = new Label();
        this.nameOp(h.name, 'Store');
        this.jump(Op.SETUP_CLEANUP, cleanupEnd);
        this.place(cleanupBody);
        this.pushFBlock(FBlock.HANDLER_CLEANUP, cleanupBody, null, h.name);
        this.stmts(h.body);
        this.popFBlock();
        this.u.loc = NO_LOC;
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.clearName(h.name);
        this.jump(Op.JUMP, end);
        this.place(cleanupEnd);
        this.clearName(h.name);
        this.emit(Op.RERAISE, 1);
      } else {
        const cleanupBody = new Label();
        this.emit(Op.POP_TOP);
        this.place(cleanupBody);
        this.pushFBlock(FBlock.HANDLER_CLEANUP, cleanupBody, null, null);
        this.stmts(h.body);
        this.popFBlock();
        this.u.loc = NO_LOC;
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.jump(Op.JUMP, end);
      }
      this.place(next);
    });
    this.u.loc = NO_LOC;
    this.popFBlock();
    this.emit(Op.RERAISE, 0);
    this.place(cleanup);
    this.popExceptAndReraise();
    this.place(end);
  }

  /** except* (compiler_try_star_except): each handler splits off the matching part of the group. */
  private tryStarExcept(s: A.TryStar): void {
    const body = new Label();
    const except = new Label();
    const orelse = new Label();
    const end = new Label();
    const cleanup = new Label();
    const reraiseStar = new Label();
    this.protectedBody(s.body, body, except);
    this.jumpNoLine(Op.JUMP, orelse);
    this.place(except);
    this.u.loc = NO_LOC;
    this.jump(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock(FBlock.EXCEPTION_GROUP_HANDLER, null, null);
    const n = s.handlers.length;
    s.handlers.forEach((h, i) => {
      this.setLoc(h);
      const next = new Label();
      const exceptLabel = new Label();
      if (i === 0) {
        // [orig, res] with the remaining exception on top
        this.emit(Op.COPY, 1);
        this.emit(Op.BUILD_LIST, 0);
        this.emit(Op.SWAP, 2);
      }
      if (!h.type) this.error('expected exception type', h);
      this.expr(h.type);
      this.setLoc(h);
      this.emit(Op.CHECK_EG_MATCH);
      this.emit(Op.COPY, 1);
      this.jump(Op.POP_JUMP_IF_NOT_NONE, exceptLabel);
      this.emit(Op.POP_TOP);
      this.jump(Op.JUMP, next);
      this.place(exceptLabel);
      const cleanupEnd = new Label();
      const cleanupBody = new Label();
      if (h.name) this.nameOp(h.name, 'Store');
      else this.emit(Op.POP_TOP);
      this.jump(Op.SETUP_CLEANUP, cleanupEnd);
      this.place(cleanupBody);
      this.pushFBlock(FBlock.HANDLER_CLEANUP, cleanupBody, null, h.name);
      this.stmts(h.body);
      this.popFBlock();
      this.u.loc = NO_LOC;
      this.emit(Op.POP_BLOCK);
      if (h.name) {
        this.clearName(h.name);
      }
      this.jump(Op.JUMP, next);
      this.place(cleanupEnd);
      if (h.name) {
        this.clearName(h.name);
      }
      // add the raised exception to the list of exceptions to reraise
      this.emit(Op.LIST_APPEND, 3);
      this.emit(Op.POP_TOP);
      this.jump(Op.JUMP, next);
      this.place(next);
      if (i === n - 1) {
        // the unhandled rest of the group joins the list
        this.emit(Op.LIST_APPEND, 1);
        this.emit(Op.PREP_RERAISE_STAR);
        this.emit(Op.COPY, 1);
        this.jump(Op.POP_JUMP_IF_NOT_NONE, reraiseStar);
        this.emit(Op.POP_TOP);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.jump(Op.JUMP, end);
      }
    });
    this.popFBlock();
    this.place(reraiseStar);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 0);
    this.place(cleanup);
    this.popExceptAndReraise();
    this.place(orelse);
    this.stmts(s.orelse);
    this.place(end);
  }

  /** `except e:` leaves `e` unbound: e = None; del e */
  private clearName(name: string): void {
    this.loadConst(None);
    this.nameOp(name, 'Store');
    this.nameOp(name, 'Del');
  }

  /** The `try` body of try/except and try/except*, under its SETUP_FINALLY. */
  private protectedBody(stmts: A.stmt[], body: Label, except: Label): void {
    this.jump(Op.SETUP_FINALLY, except);
    this.place(body);
    this.pushFBlock(FBlock.TRY_EXCEPT, body, null);
    this.stmts(stmts);
    this.popFBlock();
    this.emitNoLine(Op.POP_BLOCK);
  }

  private popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  private tryFinally(s: A.Try | A.TryStar): void {
    const body = new Label();
    const end = new Label();
    const exit = new Label();
    const cleanup = new Label();
    this.jump(Op.SETUP_FINALLY, end);
    this.place(body);
    this.pushFBlock(FBlock.FINALLY_TRY, body, end, s.finalbody);
    if (s.handlers.length) {
      const inner = { ...s, finalbody: [] };
      if (s._type === 'Try') this.tryExcept(inner as A.Try);
      else this.tryStarExcept(inner as A.TryStar);
    } else {
      this.stmts(s.body);
    }
    this.emitNoLine(Op.POP_BLOCK);
    this.popFBlock();
    this.stmts(s.finalbody);
    this.jumpNoLine(Op.JUMP, exit);
    this.place(end);
    this.u.loc = NO_LOC;
    this.jump(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock(FBlock.FINALLY_END, end, null);
    this.stmts(s.finalbody);
    this.popFBlock();
    this.u.loc = NO_LOC;
    this.emit(Op.RERAISE, 0);
    this.place(cleanup);
    this.popExceptAndReraise();
    this.place(exit);
  }

  private withStmt(s: A.With, pos: number): void {
    const block = new Label();
    const final = new Label();
    const exit = new Label();
    const cleanup = new Label();
    const item = s.items[pos]!;
    this.expr(item.context_expr);
    this.setLoc(s);
    this.emit(Op.BEFORE_WITH);
    this.jump(Op.SETUP_WITH, final);
    this.place(block);
    this.pushFBlock(FBlock.WITH, block, final, s);
    if (item.optional_vars) this.target(item.optional_vars, 'Store');
    else this.emit(Op.POP_TOP);
    if (pos + 1 < s.items.length) this.withStmt(s, pos + 1);
    else this.stmts(s.body);
    this.popFBlock();
    this.u.loc = NO_LOC;
    this.emit(Op.POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.emit(Op.POP_TOP);
    this.jump(Op.JUMP, exit);
    this.place(final);
    this.jump(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
    this.withExceptFinish(cleanup);
    this.place(exit);
  }

  private withExceptFinish(cleanup: Label): void {
    this.u.loc = NO_LOC;
    const exit = new Label();
    this.jump(Op.POP_JUMP_IF_TRUE, exit);
    this.emit(Op.RERAISE, 2);
    this.place(cleanup);
    this.popExceptAndReraise();
    this.place(exit);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_TOP);
  }

  private asyncWith(s: A.AsyncWith, pos: number): void {
    if (!this.u.ste.isCoroutine) this.error("'async with' outside async function", s);
    const block = new Label();
    const final = new Label();
    const exit = new Label();
    const cleanup = new Label();
    const item = s.items[pos]!;
    this.expr(item.context_expr);
    this.setLoc(s);
    this.emit(Op.BEFORE_ASYNC_WITH);
    this.emit(Op.GET_AWAITABLE, 1);
    this.loadConst(None);
    this.yieldFrom();
    this.jump(Op.SETUP_WITH, final);
    this.place(block);
    this.pushFBlock(FBlock.ASYNC_WITH, block, final, s);
    if (item.optional_vars) this.target(item.optional_vars, 'Store');
    else this.emit(Op.POP_TOP);
    if (pos + 1 < s.items.length) this.asyncWith(s, pos + 1);
    else this.stmts(s.body);
    this.popFBlock();
    this.u.loc = NO_LOC;
    this.emit(Op.POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.emit(Op.GET_AWAITABLE, 2);
    this.loadConst(None);
    this.yieldFrom();
    this.emit(Op.POP_TOP);
    this.jump(Op.JUMP, exit);
    this.place(final);
    this.jump(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
    this.emit(Op.GET_AWAITABLE, 2);
    this.loadConst(None);
    this.yieldFrom();
    this.withExceptFinish(cleanup);
    this.place(exit);
  }

  private assertStmt(s: A.Assert): void {
    const end = new Label();
    this.jumpIf(s.test, end, true);
    this.setLoc(s);
    this.emit(Op.LOAD_ASSERTION_ERROR);
    if (s.msg) {
      this.expr(s.msg);
      this.setLoc(s);
      this.emit(Op.PRECALL, 0);
      this.emit(Op.CALL, 0);
    }
    this.emit(Op.RAISE_VARARGS, 1);
    this.place(end);
  }

  private importStmt(s: A.Import): void {
    for (const a of s.names) {
      this.setLoc(s);
      this.loadOwnedConst(intConst(0));
      this.loadConst(None);
      this.emit(Op.IMPORT_NAME, this.addName(a.name));
      if (a.asname) {
        const parts = a.name.split('.');
        if (parts.length > 1) {
          for (let i = 1; i < parts.length; i++) {
            this.emit(Op.IMPORT_FROM, this.addName(parts[i]!));
            if (i < parts.length - 1) {
              this.emit(Op.SWAP, 2);
              this.emit(Op.POP_TOP);
            }
          }
          this.nameOp(a.asname, 'Store');
          this.emit(Op.POP_TOP);
        } else {
          this.nameOp(a.asname, 'Store');
        }
      } else {
        this.nameOp(a.name.split('.')[0]!, 'Store');
      }
    }
  }

  private importFrom(s: A.ImportFrom): void {
    this.loadOwnedConst(intConst(s.level));
    const names = s.names.map((a) => strConstant(a.name));
    this.loadOwnedConst(newTuple(names));
    this.emit(Op.IMPORT_NAME, this.addName(s.module ?? ''));
    if (s.names.length === 1 && s.names[0]!.name === '*') {
      this.emit(Op.IMPORT_STAR);
      return;
    }
    for (const a of s.names) {
      this.emit(Op.IMPORT_FROM, this.addName(a.name));
      this.nameOp(a.asname ?? a.name, 'Store');
    }
    this.emit(Op.POP_TOP);
  }

  private augAssign(s: A.AugAssign): void {
    const t = s.target;
    const op = BINOP[s.op._type] + INPLACE_DELTA;
    switch (t._type) {
      case 'Name':
        this.nameOp(t.id, 'Load');
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.BINARY_OP, op);
        this.setLoc(t);
        this.nameOp(t.id, 'Store');
        return;
      case 'Attribute':
        this.expr(t.value);
        this.setLoc(t);
        this.emit(Op.COPY, 1);
        this.emit(Op.LOAD_ATTR, this.addName(t.attr));
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.BINARY_OP, op);
        this.setLoc(t);
        this.emit(Op.SWAP, 2);
        this.emit(Op.STORE_ATTR, this.addName(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        this.setLoc(t);
        this.emit(Op.COPY, 2);
        this.emit(Op.COPY, 2);
        this.emit(Op.BINARY_SUBSCR);
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.BINARY_OP, op);
        this.setLoc(t);
        this.emit(Op.SWAP, 3);
        this.emit(Op.SWAP, 2);
        this.emit(Op.STORE_SUBSCR);
        return;
      default:
        this.error(`'${exprKind(t)}' is an illegal expression for augmented assignment`, t);
    }
  }

  private annAssign(s: A.AnnAssign): void {
    const t = s.target;
    if (s.value) {
      this.expr(s.value);
      this.target(t, 'Store');
    }
    if (t._type === 'Name') {
      if (s.simple && (this.u.scopeType === 'module' || this.u.scopeType === 'class')) {
        this.expr(s.annotation);
        this.setLoc(s);
        this.nameOp('__annotations__', 'Load');
        this.loadOwnedConst(strConstant(mangle(this.u.privateName, t.id)));
        this.emit(Op.STORE_SUBSCR);
      }
    } else if (t._type === 'Attribute') {
      if (!s.value) {
        this.expr(t.value);
        this.emit(Op.POP_TOP);
      }
    } else if (t._type === 'Subscript') {
      if (!s.value) {
        this.expr(t.value);
        this.emit(Op.POP_TOP);
        this.expr(t.slice);
        this.emit(Op.POP_TOP);
      }
    }
  }

  // ---------------------------------------------------------------- functions and classes

  private decorators(list: A.expr[]): void {
    for (const d of list) this.expr(d);
  }

  private applyDecorators(list: A.expr[]): void {
    for (let i = list.length - 1; i >= 0; i--) {
      this.setLoc(list[i]!);
      this.emit(Op.PRECALL, 0);
      this.emit(Op.CALL, 0);
    }
  }

  /** Pushes defaults and keyword defaults; returns MAKE_FUNCTION's flags for them. */
  private defaults(args: A.arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      for (const d of args.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, args.defaults.length);
      flags |= 1;
    }
    const kw: [string, A.expr][] = [];
    args.kwonlyargs.forEach((a, i) => {
      const d = args.kw_defaults[i];
      if (d) kw.push([mangle(this.u.privateName, a.arg), d]);
    });
    if (kw.length) {
      // compiler_visit_kwonlydefaults: the values, then the names as one constant
      for (const [, d] of kw) this.expr(d);
      this.loadOwnedConst(newTuple(kw.map(([name]) => strConstant(name))));
      this.emit(Op.BUILD_CONST_KEY_MAP, kw.length);
      flags |= 2;
    }
    return flags;
  }

  /** compiler_visit_annotations: a tuple of (name, annotation) pairs when any are present. */
  private annotations(args: A.arguments, returns: A.expr | null): number {
    let n = 0;
    const one = (name: string, ann: A.expr | null | undefined): void => {
      if (!ann) return;
      this.loadOwnedConst(strConstant(mangle(this.u.privateName, name)));
      this.expr(ann);
      n += 2;
    };
    for (const a of args.posonlyargs) one(a.arg, a.annotation);
    for (const a of args.args) one(a.arg, a.annotation);
    if (args.vararg) one(args.vararg.arg, args.vararg.annotation);
    for (const a of args.kwonlyargs) one(a.arg, a.annotation);
    if (args.kwarg) one(args.kwarg.arg, args.kwarg.annotation);
    one('return', returns);
    if (n === 0) return 0;
    this.emit(Op.BUILD_TUPLE, n);
    return 4;
  }

  private functionDef(s: A.FunctionDef | A.AsyncFunctionDef): void {
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0]!.lineno : s.lineno;
    this.setLoc(s);
    let flags = this.defaults(s.args);
    flags |= this.annotations(s.args, s.returns);
    this.enterScope(s.name, 'function', s, firstlineno);
    this.setArgCounts(s.args);
    const first = s.body[0];
    const doc = first && isDocstring(first) ? ((first as A.Expr).value as A.Constant).value : null;
    if (typeof doc === 'string') this.loadConstOnly(strConstant(doc));
    else this.loadConstOnly(None);
    this.emitResume(firstlineno);
    const body = typeof doc === 'string' ? s.body.slice(1) : s.body;
    for (const st of body) this.stmt(st);
    this.implicitReturn(s.body);
    const code = this.exitScope();
    this.setLoc(s);
    this.makeClosure(code, flags);
    this.applyDecorators(s.decorator_list);
    this.setLoc(s);
    this.nameOp(s.name, 'Store');
  }

  /** RESUME at the unit's own location (its first line, columns 0 to 0), as compiler_enter_scope sets it. */
  private emitResume(line: number): void {
    this.u.loc = unitLoc(line);
    this.emit(Op.RESUME, 0);
  }

  /** Adds a constant without emitting a load (a function's docstring slot, co_consts[0]). */
  private loadConstOnly(o: PyObject): void {
    this.addConst(o);
    decref(o);
  }

  private implicitReturn(body: A.stmt[]): void {
    const last = body[body.length - 1];
    if (last && (last._type === 'Return' || last._type === 'Raise')) return;
    this.u.loc = NO_LOC;
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE);
  }

  private setArgCounts(args: A.arguments): void {
    this.u.argcount = args.posonlyargs.length + args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
  }

  /** compiler_make_closure: LOAD_CLOSURE for each free variable of `code`, then MAKE_FUNCTION. */
  private makeClosure(code: PyCode, flags: number): void {
    const frees = code.freevars;
    if (frees.length) {
      for (const name of frees) {
        // A class's own name for __class__ is its cell; elsewhere the enclosing cell or free var.
        this.emit(Op.LOAD_CLOSURE, this.derefIndex(name));
      }
      this.emit(Op.BUILD_TUPLE, frees.length);
      flags |= 8;
    }
    this.loadConst(code);
    decref(code);
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private classDef(s: A.ClassDef): void {
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0]!.lineno : s.lineno;
    this.enterScope(s.name, 'class', s, firstlineno);
    this.emitResume(firstlineno);
    this.nameOp('__name__', 'Load');
    this.nameOp('__module__', 'Store');
    this.loadOwnedConst(strConstant(this.u.qualname));
    this.nameOp('__qualname__', 'Store');
    this.body(s.body, true);
    this.u.loc = NO_LOC;
    if (this.u.ste.needsClassClosure) {
      this.emit(Op.LOAD_CLOSURE, this.derefIndex('__class__'));
      this.emit(Op.COPY, 1);
      this.nameOp('__classcell__', 'Store');
    } else {
      this.loadConst(None);
    }
    this.emit(Op.RETURN_VALUE);
    const code = this.exitScope();
    this.setLoc(s);
    this.emit(Op.PUSH_NULL);
    this.emit(Op.LOAD_BUILD_CLASS);
    this.makeClosure(code, 0);
    this.loadOwnedConst(strConstant(s.name));
    this.callHelper(2, s.bases, s.keywords, s);
    this.applyDecorators(s.decorator_list);
    this.setLoc(s);
    this.nameOp(s.name, 'Store');
  }

  private lambda(e: A.Lambda): void {
    let flags = this.defaults(e.args);
    this.enterScope('<lambda>', 'lambda', e, e.lineno);
    this.setArgCounts(e.args);
    this.loadConstOnly(newNoneRef());
    this.emitResume(e.lineno);
    this.setLoc(e.body);
    this.expr(e.body);
    const ste = this.u.ste;
    if (ste.isGenerator) {
      this.emit(Op.POP_TOP);
      this.loadConst(None);
    }
    this.emit(Op.RETURN_VALUE);
    const code = this.exitScope();
    this.setLoc(e);
    this.makeClosure(code, flags);
  }

  // ---------------------------------------------------------------- calls

  /** compiler_call_helper: positional `n` already pushed, then args and keywords. */
  private callHelper(n: number, args: A.expr[], keywords: A.keyword[], node: Loc): void {
    const starred = args.some((a) => a._type === 'Starred');
    const dstar = keywords.some((k) => k.arg === null);
    if (!starred && !dstar && n + args.length + keywords.length < 256) {
      for (const a of args) this.expr(a);
      const nkw = keywords.length;
      if (nkw) {
        this.checkKeywords(keywords);
        for (const k of keywords) this.expr(k.value);
        this.setLoc(node);
        const names = newTuple(keywords.map((k) => strConstant(k.arg!)));
        const idx = this.addConst(names);
        decref(names);
        this.emit(Op.KW_NAMES, idx);
      }
      this.setLoc(node);
      this.emit(Op.PRECALL, n + args.length + nkw);
      this.emit(Op.CALL, n + args.length + nkw);
      return;
    }
    // The general form: a tuple of positional arguments and a dict of keywords, CALL_FUNCTION_EX.
    const only = args[0];
    if (n === 0 && args.length === 1 && only!._type === 'Starred') this.expr(only.value);
    else this.starunpackHelper(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
    if (keywords.length) {
      this.checkKeywords(keywords);
      let nseen = 0;
      let haveDict = false;
      for (const k of keywords) {
        if (k.arg === null) {
          if (nseen) {
            this.emit(Op.BUILD_MAP, nseen);
            if (haveDict) this.emit(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.expr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else {
          this.loadOwnedConst(strConstant(k.arg));
          this.expr(k.value);
          nseen++;
        }
      }
      if (nseen) {
        this.emit(Op.BUILD_MAP, nseen);
        if (haveDict) this.emit(Op.DICT_MERGE, 1);
      }
    }
    this.setLoc(node);
    this.emit(Op.CALL_FUNCTION_EX, keywords.length ? 1 : 0);
  }

  private checkKeywords(keywords: A.keyword[]): void {
    const seen = new Set<string>();
    for (const k of keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) this.error(`keyword argument repeated: ${k.arg}`, k);
      seen.add(k.arg);
    }
  }

  /** starunpack_helper: builds a list/tuple/set from items that may include `*x`. `pushed`
   *  items are already on the stack (the class name and function of __build_class__). */
  private starunpackHelper(elts: A.expr[], pushed: number, build: Op, add: Op, extend: Op, tuple: boolean): void {
    const n = elts.length;
    if (n > 2) {
      const folded = elts.map((x) => foldExpr(x));
      if (folded.every((x) => x._type === 'Constant')) {
        const items = folded.map((x) => constantOf(x as A.Constant));
        let seq: PyObject = newTuple(items);
        if (tuple && !pushed) return this.loadOwnedConst(seq);
        if (build === Op.BUILD_SET) {
          // merge_consts_recursive rebuilds a frozenset constant from its own iteration
          // order, which decides the order SET_UPDATE inserts in.
          const first = newFrozenSet(seq);
          decref(seq);
          const reordered = newTuple(collect(first));
          decref(first);
          seq = newFrozenSet(reordered);
          decref(reordered);
        }
        this.emit(build, pushed);
        this.loadOwnedConst(seq);
        this.emit(extend, 1);
        if (tuple) this.emit(Op.LIST_TO_TUPLE);
        return;
      }
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    if (!big && !elts.some((e) => e._type === 'Starred')) {
      for (const e of elts) this.expr(e);
      this.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let sequenceBuilt = big;
    if (big) this.emit(build, pushed);
    elts.forEach((e, i) => {
      if (e._type === 'Starred') {
        if (!sequenceBuilt) {
          this.emit(build, i + pushed);
          sequenceBuilt = true;
        }
        this.expr(e.value);
        this.emit(extend, 1);
      } else {
        this.expr(e);
        if (sequenceBuilt) this.emit(add, 1);
      }
    });
    if (tuple) this.emit(Op.LIST_TO_TUPLE);
  }

  private call(e: A.Call): void {
    if (this.methodCall(e)) return;
    this.setLoc(e);
    this.emit(Op.PUSH_NULL);
    this.expr(e.func);
    this.callHelper(0, e.args, e.keywords, e);
  }

  /** maybe_optimize_method_call: `o.m(args)` as LOAD_METHOD + CALL when nothing is starred. */
  private methodCall(e: A.Call): boolean {
    const f = e.func;
    if (f._type !== 'Attribute' || f.ctx._type !== 'Load') return false;
    if (e.args.some((a) => a._type === 'Starred') || e.keywords.some((k) => k.arg === null)) return false;
    if (e.args.length + e.keywords.length >= 255) return false;
    this.expr(f.value);
    this.setLoc(attrLoc(f));
    this.emit(Op.LOAD_METHOD, this.addName(f.attr));
    for (const a of e.args) this.expr(a);
    const nkw = e.keywords.length;
    if (nkw) {
      this.checkKeywords(e.keywords);
      for (const k of e.keywords) this.expr(k.value);
      this.setLoc(attrLoc(f, e));
      const names = newTuple(e.keywords.map((k) => strConstant(k.arg!)));
      this.emit(Op.KW_NAMES, this.addConst(names));
      decref(names);
    }
    this.setLoc(attrLoc(f, e));
    this.emit(Op.PRECALL, e.args.length + nkw);
    this.emit(Op.CALL, e.args.length + nkw);
    return true;
  }

  // ---------------------------------------------------------------- expressions

  private constExpr(e: A.Constant): void {
    this.loadOwnedConst(constantOf(e));
  }

  private expr(raw: A.expr): void {
    const e = foldExpr(raw);
    const saved = this.u.loc;
    this.setLoc(e);
    this.exprInner(e);
    this.u.loc = saved;
  }

  private exprInner(e: A.expr): void {
    switch (e._type) {
      case 'Constant':
        return this.constExpr(e);
      case 'Name':
        if (e.ctx._type === 'Load' && e.id === '__debug__') {
          this.loadOwnedConst(constantObject(true));
          return;
        }
        this.forbiddenName(e.id, e.ctx._type, e);
        return this.nameOp(e.id, e.ctx._type);
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.emit(Op.BINARY_OP, BINOP[e.op._type]);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        this.emit(
          e.op._type === 'Not' ? Op.UNARY_NOT : e.op._type === 'USub' ? Op.UNARY_NEGATIVE
            : e.op._type === 'UAdd' ? Op.UNARY_POSITIVE : Op.UNARY_INVERT,
        );
        return;
      case 'BoolOp': {
        const end = new Label();
        const op = e.op._type === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) {
          this.expr(e.values[i]!);
          this.jump(op, end);
        }
        this.expr(e.values[n]!);
        this.place(end);
        return;
      }
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'Attribute':
        this.expr(e.value);
        this.setLoc(e);
        if (e.ctx._type === 'Load') this.emit(Op.LOAD_ATTR, this.addName(e.attr));
        else if (e.ctx._type === 'Store') this.emit(Op.STORE_ATTR, this.addName(e.attr));
        else this.emit(Op.DELETE_ATTR, this.addName(e.attr));
        return;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        this.setLoc(e);
        this.emit(e.ctx._type === 'Load' ? Op.BINARY_SUBSCR : e.ctx._type === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        return;
      case 'Slice':
        return this.slice(e);
      case 'Tuple':
        if (e.ctx._type === 'Store') return this.unpackTargets(e.elts, e);
        if (e.ctx._type === 'Del') {
          for (const x of e.elts) this.target(x, 'Del');
          return;
        }
        return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      case 'List':
        if (e.ctx._type === 'Store') return this.unpackTargets(e.elts, e);
        if (e.ctx._type === 'Del') {
          for (const x of e.elts) this.target(x, 'Del');
          return;
        }
        return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      case 'Set':
        return this.starunpackHelper(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
      case 'Dict':
        return this.dict(e);
      case 'IfExp': {
        const end = new Label();
        const next = new Label();
        this.jumpIf(e.test, next, false);
        this.expr(e.body);
        this.jumpNoLine(Op.JUMP, end);
        this.place(next);
        this.expr(e.orelse);
        this.place(end);
        return;
      }
      case 'Lambda':
        return this.lambda(e);
      case 'NamedExpr':
        this.expr(e.value);
        this.emit(Op.COPY, 1);
        this.target(e.target, 'Store');
        return;
      case 'ListComp':
        return this.comprehension(e, '<listcomp>', e.generators, [e.elt], Op.BUILD_LIST);
      case 'SetComp':
        return this.comprehension(e, '<setcomp>', e.generators, [e.elt], Op.BUILD_SET);
      case 'DictComp':
        return this.comprehension(e, '<dictcomp>', e.generators, [e.key, e.value], Op.BUILD_MAP);
      case 'GeneratorExp':
        return this.comprehension(e, '<genexpr>', e.generators, [e.elt], null);
      case 'Yield':
        if (this.u.scopeType !== 'function' && this.u.scopeType !== 'lambda') this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConst(None);
        this.setLoc(e);
        if (this.u.ste.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP);
        this.emit(Op.YIELD_VALUE);
        this.emit(Op.RESUME, 1);
        return;
      case 'YieldFrom':
        if (this.u.scopeType !== 'function' && this.u.scopeType !== 'lambda') this.error("'yield' outside function", e);
        if (this.u.ste.isCoroutine) this.error("'yield from' inside async function", e);
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.loadConst(None);
        this.yieldFrom();
        return;
      case 'Await':
        if (this.u.scopeType === 'module' || this.u.scopeType === 'class') {
          if (this.mode !== 'cell') this.error("'await' outside function", e);
        } else if (!this.u.ste.isCoroutine && !this.u.ste.isComprehension) {
          this.error("'await' outside async function", e);
        }
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_AWAITABLE, 0);
        this.loadConst(None);
        this.yieldFrom();
        return;
      case 'JoinedStr':
        return this.joinedStr(e);
      case 'FormattedValue':
        return this.formattedValue(e);
      case 'Starred':
        if (e.ctx._type === 'Store') this.error('starred assignment target must be in a list or tuple', e);
        this.error("can't use starred expression here", e);
    }
  }

  /** compiler_add_yield_from: the SEND loop that delegates to a sub-iterator. */
  private yieldFrom(): void {
    const start = new Label();
    const resume = new Label();
    const exit = new Label();
    this.place(start);
    this.jump(Op.SEND, exit);
    this.place(resume);
    this.emit(Op.YIELD_VALUE);
    this.emit(Op.RESUME, this.u.ste.isCoroutine ? 3 : 2);
    this.jump(Op.JUMP_NO_INTERRUPT, start);
    this.place(exit);
  }

  private compareOp(op: A.cmpop): void {
    switch (op._type) {
      case 'Eq': return this.emit(Op.COMPARE_OP, CompareOp.EQ);
      case 'NotEq': return this.emit(Op.COMPARE_OP, CompareOp.NE);
      case 'Lt': return this.emit(Op.COMPARE_OP, CompareOp.LT);
      case 'LtE': return this.emit(Op.COMPARE_OP, CompareOp.LE);
      case 'Gt': return this.emit(Op.COMPARE_OP, CompareOp.GT);
      case 'GtE': return this.emit(Op.COMPARE_OP, CompareOp.GE);
      case 'Is': return this.emit(Op.IS_OP, 0);
      case 'IsNot': return this.emit(Op.IS_OP, 1);
      case 'In': return this.emit(Op.CONTAINS_OP, 0);
      case 'NotIn': return this.emit(Op.CONTAINS_OP, 1);
    }
  }

  private compare(e: A.Compare): void {
    this.expr(e.left);
    if (e.ops.length === 1) {
      const op = e.ops[0]!._type;
      this.expr(op === 'In' || op === 'NotIn' ? listAsTuple(e.comparators[0]!) : e.comparators[0]!);
      this.setLoc(e);
      this.compareOp(e.ops[0]!);
      return;
    }
    const cleanup = new Label();
    const n = e.ops.length - 1;
    for (let i = 0; i < n; i++) {
      this.expr(e.comparators[i]!);
      this.setLoc(e);
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.compareOp(e.ops[i]!);
      this.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.expr(e.comparators[n]!);
    this.setLoc(e);
    this.compareOp(e.ops[n]!);
    const end = new Label();
    this.jumpNoLine(Op.JUMP, end);
    this.place(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.place(end);
  }

  private slice(e: A.Slice): void {
    let n = 2;
    if (e.lower) this.expr(e.lower);
    else this.loadConst(None);
    if (e.upper) this.expr(e.upper);
    else this.loadConst(None);
    if (e.step) {
      n++;
      this.expr(e.step);
    }
    this.setLoc(e);
    this.emit(Op.BUILD_SLICE, n);
  }

  /** compiler_dict: runs of `key: value` pairs become maps merged with `**` operands. */
  private dict(e: A.Dict): void {
    const n = e.values.length;
    let elements = 0;
    let haveDict = false;
    const subdict = (begin: number, end: number): void => {
      this.subdict(e, begin, end);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    };
    for (let i = 0; i < n; i++) {
      if (!e.keys[i]) {
        if (elements) subdict(i - elements, i);
        if (!haveDict) {
          this.emit(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.expr(e.values[i]!);
        this.emit(Op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        subdict(i - elements, i + 1);
      } else {
        elements++;
      }
    }
    if (elements) subdict(n - elements, n);
    if (!haveDict) this.emit(Op.BUILD_MAP, 0);
  }

  /** compiler_subdict: constant keys go in one tuple for BUILD_CONST_KEY_MAP. */
  private subdict(e: A.Dict, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    const keys = e.keys.slice(begin, end).map((k) => foldExpr(k!));
    if (n > 1 && !big && keys.every((k) => k._type === 'Constant')) {
      for (let i = begin; i < end; i++) this.expr(e.values[i]!);
      this.loadOwnedConst(newTuple(keys.map((k) => constantOf(k as A.Constant))));
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.expr(e.keys[i]!);
      this.expr(e.values[i]!);
      if (big) this.emit(Op.MAP_ADD, 1);
    }
    if (!big) this.emit(Op.BUILD_MAP, n);
  }

  private joinedStr(e: A.JoinedStr): void {
    if (e.values.length === 1 && e.values[0]!._type === 'Constant') return this.expr(e.values[0]!);
    for (const v of e.values) this.expr(v);
    if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
  }

  private formattedValue(e: A.FormattedValue): void {
    this.expr(e.value);
    let oparg = 0;
    switch (e.conversion) {
      case 115: oparg = 1; break; // !s
      case 114: oparg = 2; break; // !r
      case 97: oparg = 3; break; // !a
    }
    if (e.format_spec) {
      this.expr(e.format_spec);
      oparg |= 4;
    }
    this.setLoc(e);
    this.emit(Op.FORMAT_VALUE, oparg);
  }

  // ---------------------------------------------------------------- comprehensions

  private comprehension(e: A.expr, name: string, gens: A.comprehension[], elts: A.expr[], build: Op | null): void {
    const ste = this.st.blocks.get(e)!;
    const isAsyncGen = ste.isCoroutine;
    const outerIsAsync = this.u.ste.isCoroutine;
    if (isAsyncGen && build !== null && !outerIsAsync && this.u.scopeType !== 'module') {
      this.error('asynchronous comprehension outside of an asynchronous function', e);
    }
    this.enterScope(name, 'comprehension', e, e.lineno);
    this.u.argcount = 1;
    this.emitResume(e.lineno);
    this.setLoc(e);
    if (build !== null) this.emit(build, 0);
    this.comprehensionGenerator(gens, 0, elts, build, e);
    if (build !== null) {
      this.setLoc(e);
      this.emit(Op.RETURN_VALUE);
    } else {
      this.u.loc = NO_LOC;
      this.loadConst(None);
      this.emit(Op.RETURN_VALUE);
    }
    const code = this.exitScope();
    this.setLoc(e);
    this.makeClosure(code, 0);
    this.expr(listAsTuple(gens[0]!.iter));
    this.setLoc(e);
    this.emit(gens[0]!.is_async ? Op.GET_AITER : Op.GET_ITER);
    this.emit(Op.PRECALL, 0);
    this.emit(Op.CALL, 0);
    if (isAsyncGen && build !== null) {
      this.emit(Op.GET_AWAITABLE, 0);
      this.loadConst(None);
      this.yieldFrom();
    }
  }

  private comprehensionGenerator(gens: A.comprehension[], index: number, elts: A.expr[], build: Op | null, node: A.expr): void {
    const gen = gens[index]!;
    const start = new Label();
    const ifCleanup = new Label();
    const anchor = new Label();
    const except = new Label();
    if (index === 0) {
      this.emit(Op.LOAD_FAST, this.varIndex('.0'));
    } else {
      this.expr(gen.iter);
      this.emit(gen.is_async ? Op.GET_AITER : Op.GET_ITER);
    }
    this.place(start);
    if (gen.is_async) {
      this.pushFBlock(FBlock.ASYNC_COMPREHENSION_GENERATOR, start, null);
      this.jump(Op.SETUP_FINALLY, except);
      this.emit(Op.GET_ANEXT);
      this.loadConst(None);
      this.yieldFrom();
      this.emit(Op.POP_BLOCK);
    } else {
      this.jump(Op.FOR_ITER, anchor);
    }
    this.target(gen.target, 'Store');
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    if (index + 1 < gens.length) {
      this.comprehensionGenerator(gens, index + 1, elts, build, node);
    } else {
      const depth = gens.length + 1;
      this.setLoc(node);
      switch (build) {
        case null:
          this.expr(elts[0]!);
          this.setLoc(node);
          if (this.u.ste.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP);
          this.emit(Op.YIELD_VALUE);
          this.emit(Op.RESUME, 1);
          this.emit(Op.POP_TOP);
          break;
        case Op.BUILD_LIST:
          this.expr(elts[0]!);
          this.setLoc(node);
          this.emit(Op.LIST_APPEND, depth);
          break;
        case Op.BUILD_SET:
          this.expr(elts[0]!);
          this.setLoc(node);
          this.emit(Op.SET_ADD, depth);
          break;
        default:
          this.expr(elts[0]!);
          this.expr(elts[1]!);
          this.setLoc(node);
          this.emit(Op.MAP_ADD, depth);
          break;
      }
    }
    this.place(ifCleanup);
    this.jump(Op.JUMP, start);
    if (gen.is_async) {
      this.popFBlock();
      this.place(except);
      this.emit(Op.END_ASYNC_FOR);
    } else {
      this.place(anchor);
    }
  }

  // ---------------------------------------------------------------- targets

  private target(t: A.expr, ctx: A.ExprContextName): void {
    const saved = this.u.loc;
    this.setLoc(t);
    switch (t._type) {
      case 'Name':
        this.forbiddenName(t.id, ctx, t);
        this.nameOp(t.id, ctx);
        break;
      case 'Attribute':
        this.expr(t.value);
        this.setLoc(t);
        this.emit(ctx === 'Store' ? Op.STORE_ATTR : Op.DELETE_ATTR, this.addName(t.attr));
        break;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        this.setLoc(t);
        this.emit(ctx === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        break;
      case 'Tuple':
      case 'List':
        if (ctx === 'Del') for (const x of t.elts) this.target(x, 'Del');
        else this.unpackTargets(t.elts, t);
        break;
      case 'Starred':
        this.error('starred assignment target must be in a list or tuple', t);
        break;
      default:
        this.error(`cannot ${ctx === 'Del' ? 'delete' : 'assign to'} ${exprKind(t)}`, t);
    }
    this.u.loc = saved;
  }

  private unpackTargets(elts: A.expr[], node: A.Located): void {
    const star = elts.findIndex((x) => x._type === 'Starred');
    if (star >= 0) {
      if (elts.slice(star + 1).some((x) => x._type === 'Starred')) this.error('multiple starred expressions in assignment', node);
      const after = elts.length - star - 1;
      if (star >= 256 || after >= (1 << 24)) this.error('too many expressions in star-unpacking assignment', node);
      this.emit(Op.UNPACK_EX, star + (after << 8));
    } else {
      this.emit(Op.UNPACK_SEQUENCE, elts.length);
    }
    for (const x of elts) this.target(x._type === 'Starred' ? x.value : x, 'Store');
  }

  // ---------------------------------------------------------------- pattern matching

  private match(s: A.Match): void {
    compileMatch(this.matchHost(), s);
  }

  private matchHost(): MatchHost {
    return {
      expr: (e) => this.expr(e),
      stmts: (b) => this.stmts(b),
      emit: (op, arg) => this.emit(op, arg ?? 0),
      jump: (op, l) => this.jump(op, l),
      place: (l) => this.place(l),
      setLoc: (n) => this.setLoc(n),
      store: (name) => this.nameOp(name, 'Store'),
      loadConst: (o) => this.loadOwnedConst(o),
      addName: (n) => this.addName(n),
      error: (msg, node) => this.error(msg, node),
      jumpIf: (e, l, c) => this.jumpIf(e, l, c),
    };
  }
}

export interface MatchHost {
  expr(e: A.expr): void;
  stmts(body: A.stmt[]): void;
  emit(op: Op, arg?: number): void;
  jump(op: Op, label: Label): void;
  place(label: Label): void;
  setLoc(node: Loc): void;
  store(name: string): void;
  /** Loads an owned constant (the reference passes to the compiler). */
  loadConst(o: PyObject): void;
  addName(name: string): number;
  error(msg: string, node: A.Located): never;
  jumpIf(e: A.expr, label: Label, cond: boolean): void;
}


function newNoneRef(): PyObject {
  None.refcnt++;
  return None;
}

function intConst(v: number): PyObject {
  return constantObject(BigInt(v));
}

function isDocstring(s: A.stmt): boolean {
  return s._type === 'Expr' && s.value._type === 'Constant' && typeof s.value.value === 'string';
}

/** Whether a module or class body has annotations needing __annotations__ (find_ann). */
function findAnnotations(stmts: A.stmt[]): boolean {
  for (const s of stmts) {
    switch (s._type) {
      case 'AnnAssign':
        return true;
      case 'For': case 'AsyncFor': case 'While': case 'If':
        if (findAnnotations(s.body) || findAnnotations(s.orelse)) return true;
        break;
      case 'With': case 'AsyncWith':
        if (findAnnotations(s.body)) return true;
        break;
      case 'Try': case 'TryStar':
        if (findAnnotations(s.body) || findAnnotations(s.orelse) || findAnnotations(s.finalbody)) return true;
        for (const h of s.handlers) if (findAnnotations(h.body)) return true;
        break;
      case 'Match':
        for (const c of s.cases) if (findAnnotations(c.body)) return true;
        break;
    }
  }
  return false;
}


/** For method calls spanning lines, 3.11 starts the location at the attribute name. */
function attrLoc(f: A.Attribute, call?: A.Call): Loc {
  const base: Loc = call ?? f;
  if (f.value.end_lineno === f.end_lineno) return base;
  const col = f.end_col_offset - f.attr.length;
  return { lineno: f.end_lineno, end_lineno: base.end_lineno, col_offset: col, end_col_offset: base.end_col_offset };
}

export function exprKind(e: A.expr): string {
  switch (e._type) {
    case 'Call': return 'function call';
    case 'Constant': return e.value === null ? 'None' : e.value === true ? 'True' : e.value === false ? 'False' : e.value && typeof e.value === 'object' && '_constant' in e.value ? 'ellipsis' : 'literal';
    case 'BinOp': case 'UnaryOp': return 'expression';
    case 'BoolOp': return 'expression';
    case 'Compare': return 'comparison';
    case 'Lambda': return 'lambda';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Tuple': return 'tuple';
    case 'List': return 'list';
    case 'Starred': return 'starred';
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Name': return 'name';
    case 'Slice': return 'slice';
  }
}

/** compile(): AST to the module's code object. */
export function compileAst(mod: A.mod, filename: string, source: string, mode: CompileMode): PyCode {
  const c = new Compiler(mod, filename, source, mode);
  try {
    return c.compileModule(mod);
  } finally {
    c.releaseConstCache();
  }
}

