// Symbol tables (Python/symtable.c): which scope every name of every block belongs to, with
// CPython's rules for functions, classes, lambdas, comprehensions (their own function scopes in
// 3.11), global/nonlocal declarations, cells and free variables, and the SyntaxErrors raised here.
import type * as A from '../syntax/ast.js';
import { compileError } from './errors.js';

export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const enum Scope { LOCAL = 1, GLOBAL_EXPLICIT = 2, GLOBAL_IMPLICIT = 3, FREE = 4, CELL = 5 }

export type BlockType = 'module' | 'function' | 'class';

export class SymbolTableEntry {
  readonly symbols = new Map<string, number>();
  readonly scopes = new Map<string, Scope>();
  readonly children: SymbolTableEntry[] = [];
  /** Parameters in order (ste_varnames). */
  readonly varnames: string[] = [];
  isGenerator = false;
  isCoroutine = false;
  isComprehension = false;
  hasVarargs = false;
  hasVarkeywords = false;
  needsClassClosure = false;
  /** The function uses `super` or `__class__`: it gets `__class__` as a free variable. */
  /** Set when a name directive (global/nonlocal) was seen, for error positions. */
  readonly directives = new Map<string, A.Located>();
  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly lineno: number,
    readonly nested: boolean,
    readonly privateName: string | null,
  ) {}

  scopeOf(name: string): Scope {
    return this.scopes.get(name) ?? Scope.GLOBAL_IMPLICIT;
  }
}

/** _Py_Mangle: `__spam` inside class `Ham` is `_Ham__spam` (not dunders, not dotted names). */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const cls = privateName.replace(/^_+/, '');
  if (cls === '') return name;
  return `_${cls}${name}`;
}

export class SymbolTable {
  readonly blocks = new Map<object, SymbolTableEntry>();
  top!: SymbolTableEntry;
  private stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private privateName: string | null = null;

  constructor(readonly filename: string, private readonly source: string) {}

  build(mod: A.mod): SymbolTable {
    this.top = this.enter('top', 'module', mod, 0);
    switch (mod._type) {
      case 'Module':
      case 'Interactive':
        this.stmts(mod.body);
        break;
      case 'Expression':
        this.expr(mod.body);
        break;
    }
    this.exit();
    analyze(this.top, null, new Set(), new Set(), this);
    return this;
  }

  error(msg: string, node: A.Located): never {
    throw compileError(msg, node, this.filename, this.source);
  }

  private enter(name: string, type: BlockType, node: object, lineno: number): SymbolTableEntry {
    const prev = this.cur;
    const nested = prev !== undefined && (prev.nested || prev.type === 'function');
    const ste = new SymbolTableEntry(name, type, lineno, nested, this.privateName);
    if (prev) prev.children.push(ste);
    this.blocks.set(node, ste);
    if (prev) this.stack.push(prev);
    this.cur = ste;
    return ste;
  }

  private exit(): void {
    const prev = this.stack.pop();
    if (prev) this.cur = prev;
  }

  private addDef(name: string, flag: number, node: A.Located | null, ste = this.cur): void {
    const mangled = mangle(this.privateName, name);
    const old = ste.symbols.get(mangled) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) {
      this.error(`duplicate argument '${name}' in function definition`, node!);
    }
    ste.symbols.set(mangled, old | flag);
    if (flag & DEF_PARAM) ste.varnames.push(mangled);
  }

  // ---------------------------------------------------------------- statements

  private stmts(body: A.stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: A.stmt): void {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.addDef(s.name, DEF_LOCAL, s);
        this.argDefaults(s.args);
        this.exprs(s.decorator_list);
        this.annotations(s.args, s.returns);
        this.enter(s.name, 'function', s, s.lineno);
        if (s._type === 'AsyncFunctionDef') this.cur.isCoroutine = true;
        this.params(s.args);
        this.stmts(s.body);
        this.exit();
        break;
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.exprs(s.decorator_list);
        const savedPrivate = this.privateName;
        this.enter(s.name, 'class', s, s.lineno);
        this.privateName = s.name;
        this.stmts(s.body);
        this.privateName = savedPrivate;
        this.exit();
        break;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        break;
      case 'Delete':
        this.exprs(s.targets);
        break;
      case 'Assign':
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'AnnAssign':
        if (s.target._type === 'Name') {
          const name = mangle(this.privateName, s.target.id);
          const cur = this.cur.symbols.get(name) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.top.symbols && s.simple) {
            this.error(`annotated name '${s.target.id}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`, s);
          }
          if (s.simple) this.addDef(s.target.id, DEF_ANNOT | DEF_LOCAL, s);
          else if (s.value) this.addDef(s.target.id, DEF_LOCAL, s);
        } else {
          this.expr(s.target);
        }
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        break;
      case 'Match':
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case 'Try':
      case 'TryStar':
        this.stmts(s.body);
        this.stmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.finalbody);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.type !== 'module') this.error('import * only allowed at module level', s);
            continue;
          }
          const stored = a.asname ?? a.name.split('.')[0]!;
          this.addDef(stored, DEF_IMPORT, a);
        }
        break;
      case 'Global':
      case 'Nonlocal':
        this.declare(s);
        break;
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
    }
  }

  private declare(s: A.Global | A.Nonlocal): void {
    const global = s._type === 'Global';
    if (!global && this.cur.type === 'module') this.error('nonlocal declaration not allowed at module level', s);
    for (const name of s.names) {
      const mangled = mangle(this.privateName, name);
      const cur = this.cur.symbols.get(mangled) ?? 0;
      const what = global ? 'global' : 'nonlocal';
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${what}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${what} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${what}`;
        else msg = `name '${name}' is assigned to before ${what} declaration`;
        this.error(msg, s);
      }
      this.addDef(name, global ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.cur.directives.set(mangled, s);
    }
  }

  private params(args: A.arguments): void {
    for (const a of args.posonlyargs) this.addDef(a.arg, DEF_PARAM, a);
    for (const a of args.args) this.addDef(a.arg, DEF_PARAM, a);
    for (const a of args.kwonlyargs) this.addDef(a.arg, DEF_PARAM, a);
    if (args.vararg) {
      this.addDef(args.vararg.arg, DEF_PARAM, args.vararg);
      this.cur.hasVarargs = true;
    }
    if (args.kwarg) {
      this.addDef(args.kwarg.arg, DEF_PARAM, args.kwarg);
      this.cur.hasVarkeywords = true;
    }
  }

  private argDefaults(args: A.arguments): void {
    this.exprs(args.defaults);
    for (const d of args.kw_defaults) if (d) this.expr(d);
  }

  private annotations(args: A.arguments, returns: A.expr | null): void {
    for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) if (a.annotation) this.expr(a.annotation);
    if (args.vararg?.annotation) this.expr(args.vararg.annotation);
    if (args.kwarg?.annotation) this.expr(args.kwarg.annotation);
    if (returns) this.expr(returns);
  }

  private pattern(p: A.pattern): void {
    switch (p._type) {
      case 'MatchValue':
        this.expr(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
      case 'MatchOr':
        for (const q of p.patterns) this.pattern(q);
        break;
      case 'MatchMapping':
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case 'MatchStar':
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
    }
  }

  // ---------------------------------------------------------------- expressions

  private exprs(list: A.expr[]): void {
    for (const e of list) this.expr(e);
  }

  private expr(e: A.expr): void {
    switch (e._type) {
      case 'BoolOp':
        this.exprs(e.values);
        break;
      case 'NamedExpr':
        this.namedExpr(e);
        break;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        break;
      case 'UnaryOp':
        this.expr(e.operand);
        break;
      case 'Lambda':
        this.argDefaults(e.args);
        this.enter('lambda', 'function', e, e.lineno);
        this.params(e.args);
        this.expr(e.body);
        this.exit();
        break;
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case 'Dict':
        for (const k of e.keys) if (k) this.expr(k);
        this.exprs(e.values);
        break;
      case 'Set':
        this.exprs(e.elts);
        break;
      case 'ListComp':
        this.comprehension(e, 'listcomp', e.generators, [e.elt]);
        break;
      case 'SetComp':
        this.comprehension(e, 'setcomp', e.generators, [e.elt]);
        break;
      case 'DictComp':
        this.comprehension(e, 'dictcomp', e.generators, [e.key, e.value]);
        break;
      case 'GeneratorExp':
        this.comprehension(e, 'genexpr', e.generators, [e.elt]);
        break;
      case 'Await':
        this.expr(e.value);
        // Python/symtable.c marks the scope a coroutine; only a comprehension's flag changes here,
        // since a function's says whether it was defined with `async def`.
        if (this.cur.isComprehension) this.cur.isCoroutine = true;
        break;
      case 'Yield':
      case 'YieldFrom':
        if (e.value) this.expr(e.value);
        this.markGenerator(e);
        break;
      case 'Compare':
        this.expr(e.left);
        this.exprs(e.comparators);
        break;
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        break;
      case 'JoinedStr':
        this.exprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.expr(e.value);
        break;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        break;
      case 'Starred':
        this.expr(e.value);
        break;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx._type === 'Load' ? USE : DEF_LOCAL, e);
        // super() without arguments reads the implicit __class__ cell.
        if (e.ctx._type === 'Load' && this.cur.type === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        break;
      case 'List':
      case 'Tuple':
        this.exprs(e.elts);
        break;
    }
  }

  private markGenerator(e: A.Located): void {
    if (this.cur.isComprehension) {
      this.error("'yield' inside " + comprehensionKind(this.cur.name), e);
    }
    this.cur.isGenerator = true;
  }

  private comprehension(e: A.expr, name: string, gens: A.comprehension[], elts: A.expr[]): void {
    const first = gens[0]!;
    this.expr(first.iter);
    this.enter(`<${name}>`, 'function', e, e.lineno);
    const ste = this.cur;
    ste.isComprehension = true;
    if (name === 'genexpr') ste.isGenerator = true;
    if (gens.some((g) => g.is_async)) ste.isCoroutine = true;
    this.addDef('.0', DEF_PARAM, null);
    gens.forEach((g, i) => {
      this.comprehensionTarget(g.target);
      if (i > 0) this.expr(g.iter);
      this.exprs(g.ifs);
    });
    this.exprs(elts);
    // An awaiting list, set or dict comprehension is awaited by the comprehension around it,
    // which therefore awaits too (symtable_handle_comprehension).
    const awaits = ste.isCoroutine && name !== 'genexpr';
    this.exit();
    if (awaits && this.cur.isComprehension) this.cur.isCoroutine = true;
  }

  private comprehensionTarget(t: A.expr): void {
    if (t._type === 'Name') {
      this.addDef(t.id, DEF_LOCAL | DEF_COMP_ITER, t);
      return;
    }
    this.expr(t);
  }

  /** PEP 572: a walrus inside a comprehension binds in the nearest enclosing non-comprehension scope. */
  private namedExpr(e: A.NamedExpr): void {
    this.expr(e.value);
    const target = e.target.id;
    if (!this.cur.isComprehension) {
      this.expr(e.target);
      return;
    }
    const chain = [this.cur, ...this.stack.slice().reverse()];
    for (const ste of chain) {
      if (ste.isComprehension) {
        if ((ste.symbols.get(target) ?? 0) & DEF_COMP_ITER) {
          this.error(`assignment expression cannot rebind comprehension iteration variable '${target}'`, e);
        }
        continue;
      }
      if (ste.type === 'function') {
        this.addDef(target, DEF_NONLOCAL, e);
        this.addDef(target, DEF_LOCAL, e, ste);
      } else if (ste.type === 'module') {
        this.addDef(target, DEF_GLOBAL, e);
        this.addDef(target, DEF_GLOBAL, e, ste);
      } else {
        this.error('assignment expression within a comprehension cannot be used in a class body', e);
      }
      this.cur.symbols.set(target, (this.cur.symbols.get(target) ?? 0) | USE);
      return;
    }
  }
}

function comprehensionKind(name: string): string {
  switch (name) {
    case '<listcomp>': return 'list comprehension';
    case '<setcomp>': return 'set comprehension';
    case '<dictcomp>': return 'dict comprehension';
    default: return 'generator expression';
  }
}

// ---------------------------------------------------------------- analysis (analyze_block)

function analyze(ste: SymbolTableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>, st: SymbolTable): void {
  const local = new Set<string>();
  const scopes = ste.scopes;
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global, st);

  const newbound = new Set<string>();
  const newglobal = new Set<string>(global);
  if (ste.type === 'function') for (const n of local) newbound.add(n);
  if (ste.type !== 'module' && bound) for (const n of bound) newbound.add(n);
  if (ste.type === 'class') {
    for (const n of local) newglobal.delete(n);
    // Functions in a class body see the implicit __class__ cell as bound here.
    newbound.add('__class__');
  }
  const newfree = new Set<string>();
  for (const child of ste.children) {
    const childFree = new Set<string>();
    analyze(child, new Set(newbound), childFree, new Set(newglobal), st);
    for (const n of childFree) newfree.add(n);
  }
  if (ste.type === 'function') {
    for (const name of [...newfree]) {
      if (scopes.get(name) === Scope.LOCAL) {
        scopes.set(name, Scope.CELL);
        newfree.delete(name);
      }
    }
  } else if (ste.type === 'class' && newfree.has('__class__')) {
    newfree.delete('__class__');
    ste.needsClassClosure = true;
  }
  for (const name of newfree) {
    const flags = ste.symbols.get(name);
    if (flags !== undefined) {
      if (ste.type === 'class' && flags & (DEF_BOUND | DEF_GLOBAL)) ste.symbols.set(name, flags | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue;
    ste.symbols.set(name, USE);
    scopes.set(name, Scope.FREE);
  }
  for (const n of newfree) free.add(n);
}

function analyzeName(
  ste: SymbolTableEntry, scopes: Map<string, Scope>, name: string, flags: number,
  bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>, st: SymbolTable,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) st.error(`name '${name}' is nonlocal and global`, ste.directives.get(name)!);
    scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound || !bound.has(name)) st.error(`no binding for nonlocal '${name}' found`, ste.directives.get(name)!);
    scopes.set(name, Scope.FREE);
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound && bound.has(name)) {
    scopes.set(name, Scope.FREE);
    free.add(name);
    return;
  }
  scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

export function buildSymbolTable(mod: A.mod, filename: string, source: string): SymbolTable {
  return new SymbolTable(filename, source).build(mod);
}
