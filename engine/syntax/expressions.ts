// Expression rules of Grammar/python.gram (3.11), one method per rule, invalid_* rules included.

import * as A from './ast.js';
import { Ctx, Operators, CmpOps, UnaryOps, BoolOps } from './ast.js';
import { MISS, ParserBase, Rule } from './parser-base.js';
import { TokenType, type Token } from './tokens.js';
import { parseNumber } from './numbers.js';
import { PythonSyntaxError } from './errors.js';

export type TargetsType = 'star' | 'del' | 'for';

/** A keyword argument or a starred expression among the keywords of a call. */
type KeywordOrStarred = { keyword: A.keyword } | { starred: A.expr };

interface NameDefault { arg: A.arg; value: A.expr | null }
interface StarEtc { vararg: A.arg | null; kwonly: NameDefault[]; kwarg: A.arg | null }
interface SlashWithDefault { plain: A.arg[]; withDefaults: NameDefault[] }

/** _PyPegen_get_expr_name: how messages name an expression. */
export function exprName(e: A.expr): string {
  switch (e._type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === null) return 'None';
      if (v === false) return 'False';
      if (v === true) return 'True';
      if (v === A.Ellipsis) return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

/** _PyPegen_get_invalid_target */
export function invalidTarget(e: A.expr | null, type: TargetsType): A.expr | null {
  if (e === null) return null;
  switch (e._type) {
    case 'List': case 'Tuple':
      for (const x of e.elts) {
        const c = invalidTarget(x, type);
        if (c) return c;
      }
      return null;
    case 'Starred':
      return type === 'del' ? e : invalidTarget(e.value, type);
    case 'Compare':
      if (type === 'for') return e.ops[0]!._type === 'In' ? invalidTarget(e.left, type) : null;
      return e;
    case 'Name': case 'Subscript': case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** _PyPegen_set_expr_context: a copy of a target with the given context. */
export function setContext<T extends A.expr>(e: T, ctx: A.expr_context): T {
  switch (e._type) {
    case 'Name': case 'Subscript': case 'Attribute':
      return { ...e, ctx };
    case 'Starred':
      return { ...e, value: setContext(e.value, ctx), ctx };
    case 'List': case 'Tuple':
      return { ...e, elts: e.elts.map((x) => setContext(x, ctx)), ctx };
    default:
      return e;
  }
}

const AUGASSIGN: Record<string, A.operator> = {
  '+=': Operators.Add, '-=': Operators.Sub, '*=': Operators.Mult, '@=': Operators.MatMult, '/=': Operators.Div,
  '%=': Operators.Mod, '&=': Operators.BitAnd, '|=': Operators.BitOr, '^=': Operators.BitXor, '<<=': Operators.LShift,
  '>>=': Operators.RShift, '**=': Operators.Pow, '//=': Operators.FloorDiv,
};

function lastComprehensionItem(c: A.comprehension): A.expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1]!;
}

export abstract class ExpressionParser extends ParserBase {
  /** Builds the node of a run of STRING tokens (implemented with the f-string parser). */
  protected abstract concatenateStrings(tokens: Token[]): A.expr;

  // ------------------------------------------------------------ atoms and names

  /** _PyPegen_name_token: identifiers are NFKC-normalized. */
  nameNode(t: Token, ctx: A.expr_context = Ctx.Load): A.Name {
    return { _type: 'Name', id: identifier(t.string), ctx, lineno: t.lineno, col_offset: t.col_offset, end_lineno: t.end_lineno, end_col_offset: t.end_col_offset };
  }

  nameExpr(): A.Name | null {
    const t = this.name();
    return t ? this.nameNode(t) : null;
  }

  // ------------------------------------------------------------ expressions

  expressions(): A.expr | null {
    const start = this.mark;
    const a = this.expression();
    if (!a) return null;
    if (this.check(',')) {
      const elts = [a];
      while (this.check(',')) {
        const m = this.mark;
        this.mark++;
        const b = this.expression();
        if (!b) { this.mark = m; break; }
        elts.push(b);
      }
      this.expect(',');
      return this.at(start, { _type: 'Tuple', elts, ctx: Ctx.Load });
    }
    return a;
  }

  expression(): A.expr | null {
    const hit = this.memoHit(Rule.expression);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.expression, start, this.expressionBody());
  }

  private expressionBody(): A.expr | null {
      if (this.callInvalidRules) {
        this.attempt(() => this.invalidExpression());
        this.attempt(() => this.invalidLegacyExpression());
      }
      return this.expressionWithoutInvalid();
    }

  expressionWithoutInvalid(): A.expr | null {
    const start = this.mark;
    const a = this.disjunction();
    if (a) {
      const afterA = this.mark;
      if (this.expect('if')) {
        const b = this.disjunction();
        if (b && this.expect('else')) {
          const c = this.expression();
          if (c) return this.at(start, { _type: 'IfExp', test: b, body: a, orelse: c });
        }
        this.mark = afterA;
      }
      return a;
    }
    this.mark = start;
    return this.attempt(() => this.lambdef());
  }

  private invalidExpression(): null {
    const start = this.mark;
    const t0 = this.peek();
    const nameString = this.isName(t0) && this.peek2().type === TokenType.STRING;
    const softKeyword = t0.type === TokenType.NAME && (t0.string === 'match' || t0.string === 'case' || t0.string === '_');
    if (!nameString && !softKeyword) {
      const a = this.disjunction();
      if (a) {
        const b = this.attempt(() => this.savedInvalid(() => this.expressionWithoutInvalid()));
        if (b) {
          const isLegacy = a._type === 'Name' && (a.id === 'print' || a.id === 'exec');
          if (!isLegacy && this.tokens[this.mark - 1]!.level !== 0) {
            this.raiseAtNode('invalid syntax. Perhaps you forgot a comma?', a, b);
          }
        }
      }
    }
    this.mark = start;
    const a = this.disjunction();
    if (a && this.expect('if')) {
      const b = this.disjunction();
      if (b && !this.check('else') && !this.check(':')) {
        this.raiseAtNode("expected 'else' after 'if' expression", a, b);
      }
    }
    return null;
  }

  /** Runs a rule with the invalid_* alternatives off (for `expression_without_invalid`). */
  protected savedInvalid<T>(rule: () => T | null): T | null {
    const saved = this.callInvalidRules;
    this.callInvalidRules = false;
    try {
      return rule();
    } finally {
      this.callInvalidRules = saved;
    }
  }

  private invalidLegacyExpression(): null {
    const a = this.nameExpr();
    if (!a || this.check('(')) return null;
    const b = this.starExpressions();
    if (b && (a.id === 'print' || a.id === 'exec')) {
      this.raiseAtNode(`Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, a, b);
    }
    return null;
  }

  yieldExpr(): A.expr | null {
    const start = this.mark;
    if (!this.expect('yield')) return null;
    if (this.expect('from')) {
      const a = this.expression();
      if (!a) return null;
      return this.at(start, { _type: 'YieldFrom', value: a });
    }
    const a = this.attempt(() => this.starExpressions());
    return this.at(start, { _type: 'Yield', value: a });
  }

  starExpressions(): A.expr | null {
    const start = this.mark;
    const a = this.starExpression();
    if (!a) return null;
    if (!this.check(',')) return a;
    const elts = [a];
    while (this.check(',')) {
      const m = this.mark;
      this.mark++;
      const b = this.starExpression();
      if (!b) { this.mark = m; break; }
      elts.push(b);
    }
    this.expect(',');
    return this.at(start, { _type: 'Tuple', elts, ctx: Ctx.Load });
  }

  starExpression(): A.expr | null {
    const hit = this.memoHit(Rule.star_expression);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.star_expression, start, this.starExpressionBody());
  }

  private starExpressionBody(): A.expr | null {
      const start = this.mark;
      if (this.expect('*')) {
        const a = this.bitwiseOr();
        if (a) return this.at(start, { _type: 'Starred', value: a, ctx: Ctx.Load }) as A.expr;
        this.mark = start;
      }
      return this.expression();
    }

  starNamedExpressions(): A.expr[] | null {
    const a = this.gather(',', () => this.starNamedExpression());
    if (!a) return null;
    this.expect(',');
    return a;
  }

  starNamedExpression(): A.expr | null {
    const start = this.mark;
    if (this.expect('*')) {
      const a = this.bitwiseOr();
      if (a) return this.at(start, { _type: 'Starred', value: a, ctx: Ctx.Load });
      this.mark = start;
    }
    return this.namedExpression();
  }

  assignmentExpression(): A.expr | null {
    const start = this.mark;
    const a = this.name();
    if (!a || !this.expect(':=')) {
      this.mark = start;
      return null;
    }
    const b = this.expression();
    if (!b) throw new CutFailure();
    return this.at(start, { _type: 'NamedExpr', target: this.nameNode(a, Ctx.Store), value: b });
  }

  /** NAME ':=': the two tokens assignment_expression reads before anything else. */
  protected isAssignmentExpressionStart(): boolean {
    if (!this.isName(this.peek())) return false;
    const t = this.peek2();
    return t.type === TokenType.OP && t.string === ':=';
  }

  /** Runs a rule containing a cut (`~`): after the cut, failing fails the enclosing rule. */
  protected withCut<T>(rule: () => T | null): T | null | 'cut' {
    try {
      return this.attempt(rule);
    } catch (e) {
      if (e instanceof CutFailure) return 'cut';
      throw e;
    }
  }

  namedExpression(): A.expr | null {
    const start = this.mark;
    if (this.isAssignmentExpressionStart()) {
      const ae = this.withCut(() => this.assignmentExpression());
      if (ae === 'cut') { this.mark = start; return null; }
      if (ae) return ae;
    }
    if (this.callInvalidRules) this.attempt(() => this.invalidNamedExpression());
    const e = this.expression();
    if (e && !this.check(':=')) return e;
    this.mark = start;
    return null;
  }

  private invalidNamedExpression(): null {
    const hit = this.memoHit(Rule.invalid_named_expression);
    if (hit !== MISS) return hit as null;
    const start = this.mark;
    return this.memoStore(Rule.invalid_named_expression, start, this.invalidNamedExpressionBody());
  }

  private invalidNamedExpressionBody(): null {
      const start = this.mark;
      const a = this.expression();
      if (a && this.expect(':=') && this.expression()) {
        this.raiseAtNode(`cannot use assignment expressions with ${exprName(a)}`, a);
      }
      this.mark = start;
      const n = this.nameExpr();
      if (n && this.expect('=')) {
        const b = this.bitwiseOr();
        if (b && !this.check('=') && !this.check(':=')) {
          this.raiseAtNode("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n, b);
        }
      }
      this.mark = start;
      const excluded = this.lookahead(() => this.list()) || this.lookahead(() => this.tuple()) || this.lookahead(() => this.genexp())
        || this.check('True') || this.check('None') || this.check('False');
      if (!excluded) {
        const a2 = this.bitwiseOr();
        if (a2 && this.expect('=') && this.bitwiseOr() && !this.check('=') && !this.check(':=')) {
          this.raiseAtNode(`cannot assign to ${exprName(a2)} here. Maybe you meant '==' instead of '='?`, a2);
        }
      }
      return null;
    }

  disjunction(): A.expr | null {
    const hit = this.memoHit(Rule.disjunction);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.disjunction, start, this.boolOp(true));
  }

  conjunction(): A.expr | null {
    const hit = this.memoHit(Rule.conjunction);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.conjunction, start, this.boolOp(false));
  }

  /** disjunction (`or` of conjunctions) or conjunction (`and` of inversions). */
  private boolOp(isOr: boolean): A.expr | null {
    const kw = isOr ? 'or' : 'and';
    const operand = () => (isOr ? this.conjunction() : this.inversion());
    const start = this.mark;
    const a = operand();
    if (!a) return null;
    const values = [a];
    for (;;) {
      const m = this.mark;
      if (!this.expect(kw)) break;
      const b = operand();
      if (!b) { this.mark = m; break; }
      values.push(b);
    }
    if (values.length === 1) return a;
    return this.at(start, { _type: 'BoolOp', op: isOr ? BoolOps.Or : BoolOps.And, values });
  }

  inversion(): A.expr | null {
    const hit = this.memoHit(Rule.inversion);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.inversion, start, this.inversionBody());
  }

  private inversionBody(): A.expr | null {
      const start = this.mark;
      if (this.expect('not')) {
        const a = this.inversion();
        if (a) return this.at(start, { _type: 'UnaryOp', op: UnaryOps.Not, operand: a }) as A.expr;
        this.mark = start;
      }
      return this.comparison();
    }

  comparison(): A.expr | null {
    const start = this.mark;
    const a = this.bitwiseOr();
    if (!a) return null;
    const ops: A.cmpop[] = [];
    const comparators: A.expr[] = [];
    for (;;) {
      const m = this.mark;
      const op = this.compareOp();
      if (!op) break;
      const b = this.bitwiseOr();
      if (!b) { this.mark = m; break; }
      ops.push(op);
      comparators.push(b);
    }
    if (ops.length === 0) return a;
    return this.at(start, { _type: 'Compare', left: a, ops, comparators });
  }

  private compareOp(): A.cmpop | null {
    const t = this.peek();
    if (t.type !== TokenType.OP && t.type !== TokenType.NAME) return null;
    switch (t.string) {
      case '==': this.mark++; return CmpOps.Eq;
      case '!=': this.mark++; return CmpOps.NotEq;
      case '<=': this.mark++; return CmpOps.LtE;
      case '<': this.mark++; return CmpOps.Lt;
      case '>=': this.mark++; return CmpOps.GtE;
      case '>': this.mark++; return CmpOps.Gt;
      case 'in': this.mark++; return CmpOps.In;
      case 'not':
        if (this.peek2().string === 'in' && this.peek2().type === TokenType.NAME) { this.mark += 2; return CmpOps.NotIn; }
        return null;
      case 'is':
        this.mark++;
        if (this.expect('not')) return CmpOps.IsNot;
        return CmpOps.Is;
      default: return null;
    }
  }

  /** A left-recursive binary operator level (bitwise_or ... term), as a loop. */
  private binary(level: number): A.expr | null {
    const start = this.mark;
    const ops = BINARY_LEVELS[level]!;
    const last = level === BINARY_LEVELS.length - 1;
    let a = last ? this.factor() : this.binary(level + 1);
    if (!a) return null;
    for (;;) {
      const t = this.peek();
      const op = t.type === TokenType.OP ? ops[t.string] : undefined;
      if (!op) return a;
      const m = this.mark;
      this.mark++;
      const b = last ? this.factor() : this.binary(level + 1);
      if (!b) { this.mark = m; return a; }
      a = this.at(start, { _type: 'BinOp', left: a, op, right: b });
    }
  }

  bitwiseOr(): A.expr | null {
    return this.binary(0);
  }

  factor(): A.expr | null {
    const hit = this.memoHit(Rule.factor);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.factor, start, this.factorBody());
  }

  private factorBody(): A.expr | null {
      const start = this.mark;
      const t = this.peek();
      const op = t.type === TokenType.OP ? UNARY[t.string] : undefined;
      if (op) {
        this.mark++;
        const a = this.factor();
        if (a) return this.at(start, { _type: 'UnaryOp', op, operand: a }) as A.expr;
        this.mark = start;
        return null;
      }
      return this.power();
    }

  power(): A.expr | null {
    const start = this.mark;
    const a = this.awaitPrimary();
    if (!a) return null;
    const m = this.mark;
    if (this.expect('**')) {
      const b = this.factor();
      if (b) return this.at(start, { _type: 'BinOp', left: a, op: Operators.Pow, right: b });
      this.mark = m;
    }
    return a;
  }

  awaitPrimary(): A.expr | null {
    const hit = this.memoHit(Rule.await_primary);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.await_primary, start, this.awaitPrimaryBody());
  }

  private awaitPrimaryBody(): A.expr | null {
      const start = this.mark;
      if (this.expect('await')) {
        const a = this.primary();
        if (a) return this.at(start, { _type: 'Await', value: a }) as A.expr;
        this.mark = start;
        return null;
      }
      return this.primary();
    }

  primary(): A.expr | null {
    const start = this.mark;
    let a = this.atom();
    if (!a) return null;
    for (;;) {
      const next = this.primaryTrailer(a, start, Ctx.Load);
      if (!next) return a;
      a = next;
    }
  }

  /** One `.name`, genexp, call or subscript after `a`, or null (mark unchanged). */
  protected primaryTrailer(a: A.expr, start: number, ctx: A.expr_context): A.expr | null {
    const m = this.mark;
    const t = this.peek();
    if (t.type !== TokenType.OP) return null;
    if (t.string === '.') {
      this.mark++;
      const b = this.name();
      if (b) return this.at(start, { _type: 'Attribute', value: a, attr: identifier(b.string), ctx });
    } else if (t.string === '(') {
      const g = this.attempt(() => this.genexp());
      if (g) return this.at(start, { _type: 'Call', func: a, args: [g], keywords: [] });
      this.mark++;
      const args = this.attempt(() => this.arguments());
      if (this.expect(')')) {
        return this.at(start, { _type: 'Call', func: a, args: args ? args.args : [], keywords: args ? args.keywords : [] });
      }
    } else if (t.string === '[') {
      this.mark++;
      const s = this.slices();
      if (s && this.expect(']')) return this.at(start, { _type: 'Subscript', value: a, slice: s, ctx });
    }
    this.mark = m;
    return null;
  }

  slices(): A.expr | null {
    const start = this.mark;
    const a = this.attempt(() => this.slice());
    if (a && !this.check(',')) return a;
    this.mark = start;
    const elts = this.gather(',', () => this.attempt(() => this.slice()) ?? this.starredExpression());
    if (!elts) return null;
    this.expect(',');
    return this.at(start, { _type: 'Tuple', elts, ctx: Ctx.Load });
  }

  slice(): A.expr | null {
    const start = this.mark;
    const s = this.attempt(() => {
      const lower = this.attempt(() => this.expression());
      if (!this.expect(':')) return null;
      const upper = this.attempt(() => this.expression());
      let step: A.expr | null = null;
      if (this.expect(':')) step = this.attempt(() => this.expression());
      return this.at(start, { _type: 'Slice', lower, upper, step }) as A.Slice;
    });
    if (s) return s;
    return this.namedExpression();
  }

  atom(): A.expr | null {
    const start = this.mark;
    const t = this.peek();
    switch (t.type) {
      case TokenType.NAME:
        if (t.string === 'True' || t.string === 'False' || t.string === 'None') {
          this.mark++;
          return this.constant(t.string === 'None' ? null : t.string === 'True', start);
        }
        return this.nameExpr();
      case TokenType.STRING:
        return this.strings();
      case TokenType.NUMBER:
        this.mark++;
        return this.constant(parseNumber(t.string), start);
      case TokenType.OP:
        switch (t.string) {
          case '(': return this.attempt(() => this.tuple()) ?? this.attempt(() => this.group()) ?? this.genexp();
          case '[': return this.attempt(() => this.list()) ?? this.listcomp();
          case '{': return this.attempt(() => this.dict()) ?? this.attempt(() => this.set())
            ?? this.attempt(() => this.dictcomp()) ?? this.setcomp();
          case '...':
            this.mark++;
            return this.constant(A.Ellipsis, start);
        }
    }
    return null;
  }

  constant(value: A.ConstantValue, start: number): A.Constant {
    return this.at(start, { _type: 'Constant', value, kind: null });
  }

  strings(): A.expr | null {
    const hit = this.memoHit(Rule.strings);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.strings, start, this.stringsBody());
  }

  private stringsBody(): A.expr | null {
      const toks: Token[] = [];
      while (this.peek().type === TokenType.STRING) toks.push(this.tokens[this.mark++]!);
      if (toks.length === 0) return null;
      return this.concatenateStrings(toks);
    }

  group(): A.expr | null {
    const start = this.mark;
    if (!this.expect('(')) return null;
    const a = this.attempt(() => this.yieldExpr()) ?? this.attempt(() => this.namedExpression());
    if (a && this.expect(')')) return a;
    if (this.callInvalidRules) {
      this.mark = start;
      this.invalidGroup();
    }
    return null;
  }

  private invalidGroup(): null {
    const start = this.mark;
    this.expect('(');
    const a = this.starredExpression();
    if (a && this.expect(')')) this.raiseAtNode('cannot use starred expression here', a);
    this.mark = start + 1;
    const s = this.expect('**');
    if (s && this.expression() && this.expect(')')) {
      this.raiseKnownLocation('SyntaxError', 'cannot use double starred expression here', s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    }
    return null;
  }

  list(): A.expr | null {
    const start = this.mark;
    if (!this.expect('[')) return null;
    const a = this.attempt(() => this.starNamedExpressions());
    if (!this.expect(']')) return null;
    return this.at(start, { _type: 'List', elts: a ?? [], ctx: Ctx.Load });
  }

  tuple(): A.expr | null {
    const start = this.mark;
    if (!this.expect('(')) return null;
    const a = this.attempt(() => {
      const y = this.starNamedExpression();
      if (!y || !this.expect(',')) return null;
      const z = this.attempt(() => this.starNamedExpressions());
      return [y, ...(z ?? [])];
    });
    if (!this.expect(')')) return null;
    return this.at(start, { _type: 'Tuple', elts: a ?? [], ctx: Ctx.Load });
  }

  set(): A.expr | null {
    const start = this.mark;
    if (!this.expect('{')) return null;
    const a = this.starNamedExpressions();
    if (!a || !this.expect('}')) return null;
    return this.at(start, { _type: 'Set', elts: a });
  }

  dict(): A.expr | null {
    const start = this.mark;
    if (!this.expect('{')) return null;
    const pairs = this.attempt(() => this.doubleStarredKvpairs());
    if (this.expect('}')) {
      return this.at(start, { _type: 'Dict', keys: (pairs ?? []).map((p) => p[0]), values: (pairs ?? []).map((p) => p[1]) });
    }
    if (this.callInvalidRules) {
      this.mark = start + 1;
      this.invalidDoubleStarredKvpairs();
    }
    return null;
  }

  /** In the error pass, CPython 3.11 reports a later pair without ':' through
   *  invalid_double_starred_kvpairs rather than invalid_expression: only the first pair is
   *  parsed with the invalid_* rules on. */
  private doubleStarredKvpairs(): [A.expr | null, A.expr][] | null {
    const first = this.attempt(() => this.doubleStarredKvpair());
    if (!first) return null;
    const a = [first];
    for (;;) {
      const m = this.mark;
      if (!this.expect(',')) break;
      const r = this.savedInvalid(() => this.doubleStarredKvpair());
      if (!r) { this.mark = m; break; }
      a.push(r);
    }
    this.expect(',');
    return a;
  }

  private doubleStarredKvpair(): [A.expr | null, A.expr] | null {
    if (this.expect('**')) {
      const a = this.bitwiseOr();
      return a ? [null, a] : null;
    }
    return this.kvpair();
  }

  private kvpair(): [A.expr, A.expr] | null {
    const a = this.expression();
    if (!a || !this.expect(':')) return null;
    const b = this.expression();
    return b ? [a, b] : null;
  }

  private invalidDoubleStarredKvpairs(): null {
    const start = this.mark;
    if (this.gather(',', () => this.doubleStarredKvpair()) && this.expect(',')) this.invalidKvpair();
    this.mark = start;
    this.invalidKvpairTail(false);
    return null;
  }

  private invalidKvpair(): null {
    const start = this.mark;
    const a = this.expression();
    if (a && !this.check(':')) {
      throw new PythonSyntaxError(this.errorInfo('SyntaxError', "':' expected after dictionary key", a.lineno, a.end_col_offset, a.end_lineno, 0));
    }
    this.mark = start;
    this.invalidKvpairTail(true);
    return null;
  }

  private invalidKvpairTail(_inKvpair: boolean): void {
    const start = this.mark;
    if (this.expression() && this.expect(':')) {
      const s = this.expect('*');
      if (s && this.bitwiseOr()) this.raiseStartingFrom('cannot use a starred expression in a dictionary value', s);
    }
    this.mark = start;
    if (this.expression()) {
      const c = this.expect(':');
      if (c && (this.check('}') || this.check(','))) {
        this.raiseKnownLocation('SyntaxError', "expression expected after dictionary key and ':'", c.lineno, c.col_offset, c.end_lineno, c.end_col_offset);
      }
    }
    this.mark = start;
  }

  // ------------------------------------------------------------ comprehensions

  forIfClauses(): A.comprehension[] | null {
    const out: A.comprehension[] = [];
    for (;;) {
      const c = this.forIfClause();
      if (c === 'cut') return null;
      if (!c) break;
      out.push(c);
    }
    return out.length ? out : null;
  }

  private forIfClause(): A.comprehension | null | 'cut' {
    const start = this.mark;
    const isAsync = this.expect('async') ? 1 : 0;
    if (this.expect('for')) {
      const r = this.withCut(() => {
        const target = this.starTargets();
        if (!target || !this.expect('in')) return null;
        const iter = this.disjunction();
        if (!iter) throw new CutFailure();
        const ifs: A.expr[] = [];
        for (;;) {
          const m = this.mark;
          if (!this.expect('if')) break;
          const z = this.disjunction();
          if (!z) { this.mark = m; break; }
          ifs.push(z);
        }
        return { _type: 'comprehension', target, iter, ifs, is_async: isAsync } as A.comprehension;
      });
      if (r === 'cut') { this.mark = start; return 'cut'; }
      if (r) return r;
    }
    this.mark = start;
    if (this.callInvalidRules) this.invalidForTarget();
    return null;
  }

  invalidForTarget(): null {
    const start = this.mark;
    this.expect('async');
    if (this.expect('for')) {
      const a = this.starExpressions();
      const bad = invalidTarget(a, 'for');
      if (bad) this.raiseAtNode(`cannot assign to ${exprName(bad)}`, bad);
    }
    this.mark = start;
    return null;
  }

  private comprehension(open: string, close: string, type: 'ListComp' | 'SetComp'): A.expr | null {
    const start = this.mark;
    const r = this.attempt(() => {
      if (!this.expect(open)) return null;
      const a = this.namedExpression();
      if (!a) return null;
      const b = this.forIfClauses();
      if (!b || !this.expect(close)) return null;
      return this.at(start, { _type: type, elt: a, generators: b }) as A.expr;
    });
    if (r) return r;
    if (this.callInvalidRules) this.invalidComprehension();
    return null;
  }

  listcomp(): A.expr | null {
    return this.comprehension('[', ']', 'ListComp');
  }
  setcomp(): A.expr | null {
    return this.comprehension('{', '}', 'SetComp');
  }

  genexp(): A.expr | null {
    const start = this.mark;
    const r = this.attempt(() => {
      if (!this.expect('(')) return null;
      let a = this.withCut(() => this.assignmentExpression());
      if (a === 'cut') return null;
      if (!a) {
        a = this.expression();
        if (!a || this.check(':=')) return null;
      }
      const b = this.forIfClauses();
      if (!b || !this.expect(')')) return null;
      return this.at(start, { _type: 'GeneratorExp', elt: a, generators: b }) as A.expr;
    });
    if (r) return r;
    if (this.callInvalidRules) this.invalidComprehension();
    return null;
  }

  dictcomp(): A.expr | null {
    const start = this.mark;
    const r = this.attempt(() => {
      if (!this.expect('{')) return null;
      const a = this.kvpair();
      if (!a) return null;
      const b = this.forIfClauses();
      if (!b || !this.expect('}')) return null;
      return this.at(start, { _type: 'DictComp', key: a[0], value: a[1], generators: b }) as A.expr;
    });
    if (r) return r;
    if (this.callInvalidRules) {
      const s = this.expect('{') && this.expect('**');
      if (s && this.bitwiseOr() && this.forIfClauses() && this.expect('}')) {
        this.raiseKnownLocation('SyntaxError', 'dict unpacking cannot be used in dict comprehension', s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
      }
      this.mark = start;
    }
    return null;
  }

  private invalidComprehension(): null {
    const start = this.mark;
    const open = this.peek().string;
    if (this.expect('[') || this.expect('(') || this.expect('{')) {
      const a = this.starredExpression();
      if (a && this.forIfClauses()) this.raiseAtNode('iterable unpacking cannot be used in comprehension', a);
    }
    this.mark = start;
    if (open === '[' || open === '{') {
      this.mark++;
      const a = this.starNamedExpression();
      if (a && this.expect(',')) {
        const m = this.mark;
        const b = this.starNamedExpressions();
        if (b && this.forIfClauses()) {
          this.raiseAtNode('did you forget parentheses around the comprehension target?', a, b[b.length - 1]!);
        }
        this.mark = m;
        const comma = this.tokens[m - 1]!;
        if (this.forIfClauses()) {
          this.raiseKnownLocation('SyntaxError', 'did you forget parentheses around the comprehension target?', a.lineno, a.col_offset, comma.end_lineno, comma.end_col_offset);
        }
      }
    }
    this.mark = start;
    return null;
  }

  // ------------------------------------------------------------ calls

  arguments(): A.Call | null {
    const hit = this.memoHit(Rule.arguments);
    if (hit !== MISS) return hit as A.Call | null;
    const start = this.mark;
    return this.memoStore(Rule.arguments, start, this.argumentsBody());
  }

  private argumentsBody(): A.Call | null {
      const start = this.mark;
      const a = this.args();
      if (a) {
        this.expect(',');
        if (this.check(')')) return a;
      }
      this.mark = start;
      if (this.callInvalidRules) this.invalidArguments();
      return null;
    }

  args(): A.Call | null {
    const start = this.mark;
    const positional = this.gather(',', () => this.positionalArg());
    if (positional) {
      const m = this.mark;
      let kw: KeywordOrStarred[] | null = null;
      if (this.expect(',')) kw = this.kwargs();
      if (!kw) this.mark = m;
      return this.collectCall(positional, kw ?? [], start);
    }
    this.mark = start;
    const kw = this.kwargs();
    if (!kw) return null;
    return this.collectCall([], kw, start);
  }

  private positionalArg(): A.expr | null {
    const s = this.attempt(() => this.starredExpression());
    if (s) return s;
    const start = this.mark;
    let a = this.withCut(() => this.assignmentExpression());
    if (a === 'cut') { this.mark = start; return null; }
    if (!a) {
      a = this.expression();
      if (!a || this.check(':=')) { this.mark = start; return null; }
    }
    if (this.check('=')) { this.mark = start; return null; }
    return a;
  }

  private collectCall(positional: A.expr[], kw: KeywordOrStarred[], start: number): A.Call {
    const args = [...positional];
    const keywords: A.keyword[] = [];
    for (const k of kw) {
      if ('starred' in k) args.push(k.starred);
      else keywords.push(k.keyword);
    }
    return this.at(start, { _type: 'Call', func: DUMMY_NAME, args, keywords });
  }

  private kwargs(): KeywordOrStarred[] | null {
    const start = this.mark;
    const a = this.gather(',', () => this.kwargOrStarred());
    if (a) {
      const m = this.mark;
      if (this.expect(',')) {
        const b = this.gather(',', () => this.kwargOrDoubleStarred());
        if (b) return [...a, ...b];
      }
      this.mark = m;
      return a;
    }
    this.mark = start;
    return this.gather(',', () => this.kwargOrDoubleStarred());
  }

  starredExpression(): A.expr | null {
    const start = this.mark;
    if (!this.expect('*')) return null;
    const a = this.expression();
    if (!a) { this.mark = start; return null; }
    return this.at(start, { _type: 'Starred', value: a, ctx: Ctx.Load });
  }

  private kwargOrStarred(): KeywordOrStarred | null {
    if (this.callInvalidRules) this.invalidKwarg();
    const k = this.attempt(() => this.keywordArg());
    if (k) return k;
    const s = this.starredExpression();
    return s ? { starred: s } : null;
  }

  private kwargOrDoubleStarred(): KeywordOrStarred | null {
    if (this.callInvalidRules) this.invalidKwarg();
    const k = this.attempt(() => this.keywordArg());
    if (k) return k;
    const start = this.mark;
    if (!this.expect('**')) return null;
    const a = this.expression();
    if (!a) { this.mark = start; return null; }
    return { keyword: this.at(start, { _type: 'keyword', arg: null, value: a }) };
  }

  private keywordArg(): KeywordOrStarred | null {
    const start = this.mark;
    const a = this.name();
    if (!a || !this.expect('=')) return null;
    const b = this.expression();
    if (!b) return null;
    return { keyword: this.at(start, { _type: 'keyword', arg: identifier(a.string), value: b }) };
  }

  private invalidKwarg(): null {
    const start = this.mark;
    const t = this.peek();
    if (t.type === TokenType.NAME && (t.string === 'True' || t.string === 'False' || t.string === 'None')) {
      this.mark++;
      const b = this.expect('=');
      if (b) this.raiseKnownLocation('SyntaxError', `cannot assign to ${t.string}`, t.lineno, t.col_offset, b.end_lineno, b.end_col_offset);
    }
    this.mark = start;
    const n = this.name();
    if (n) {
      const b = this.expect('=');
      if (b && this.expression() && this.forIfClauses()) {
        this.raiseKnownLocation('SyntaxError', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n.lineno, n.col_offset, b.end_lineno, b.end_col_offset);
      }
    }
    this.mark = start;
    const nameEq = this.name() && this.check('=');
    this.mark = start;
    if (!nameEq) {
      const a = this.expression();
      const b = a && this.expect('=');
      if (a && b) this.raiseKnownLocation('SyntaxError', 'expression cannot contain assignment, perhaps you meant "=="?', a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
    }
    this.mark = start;
    return null;
  }

  private invalidArguments(): null {
    const start = this.mark;
    const a = this.args();
    const star = a && this.expect(',') && this.expect('*');
    if (star) this.raiseAtToken(star, 'iterable argument unpacking follows keyword argument unpacking');
    this.mark = start;
    const e = this.expression();
    if (e) {
      const b = this.forIfClauses();
      if (b && this.expect(',')) {
        this.attempt(() => this.args() ?? (this.expression() && this.forIfClauses()));
        this.raiseAtNode('Generator expression must be parenthesized', e, lastComprehensionItem(b[b.length - 1]!));
      }
    }
    this.mark = start;
    const n = this.name();
    const eq = n && this.expect('=');
    if (n && eq && this.expression() && this.forIfClauses()) {
      this.raiseKnownLocation('SyntaxError', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n.lineno, n.col_offset, eq.end_lineno, eq.end_col_offset);
    }
    this.mark = start;
    const a2 = this.args();
    if (a2) {
      const b = this.forIfClauses();
      if (b && a2.args.length > 1) {
        this.raiseAtNode('Generator expression must be parenthesized', a2.args[a2.args.length - 1]!, lastComprehensionItem(b[b.length - 1]!));
      }
    }
    this.mark = start;
    if (this.args() && this.expect(',')) {
      const e2 = this.expression();
      const b = e2 && this.forIfClauses();
      if (e2 && b) this.raiseAtNode('Generator expression must be parenthesized', e2, lastComprehensionItem(b[b.length - 1]!));
    }
    this.mark = start;
    const a3 = this.args();
    if (a3 && this.expect(',') && this.args()) {
      const unpacking = a3.keywords.some((k) => k.arg === null);
      this.raiseAtLastToken('SyntaxError', unpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
    }
    this.mark = start;
    return null;
  }

  // ------------------------------------------------------------ lambda and parameters

  lambdef(): A.expr | null {
    const start = this.mark;
    if (!this.expect('lambda')) return null;
    const a = this.attempt(() => this.params(true));
    if (!this.expect(':')) return null;
    const b = this.expression();
    if (!b) return null;
    return this.at(start, { _type: 'Lambda', args: a ?? emptyArguments(), body: b });
  }

  /** `params` (def) or `lambda_params` (lambda, no annotations, ended by ':'). */
  params(isLambda: boolean): A.arguments | null {
    if (this.callInvalidRules) this.attempt(() => this.invalidParameters(isLambda));
    return this.parameters(isLambda);
  }

  private parameters(L: boolean): A.arguments | null {
    const start = this.mark;
    const a = this.slashNoDefault(L);
    if (a) {
      const b = this.loop(() => this.paramNoDefault(L));
      const c = this.loop(() => this.paramWithDefault(L));
      const d = this.attempt(() => this.starEtc(L));
      return makeArguments(a, null, b, c, d);
    }
    this.mark = start;
    const sw = this.slashWithDefault(L);
    if (sw) {
      const b = this.loop(() => this.paramWithDefault(L));
      const c = this.attempt(() => this.starEtc(L));
      return makeArguments(null, sw, [], b, c);
    }
    this.mark = start;
    const nd = this.loop(() => this.paramNoDefault(L));
    if (nd.length) {
      const b = this.loop(() => this.paramWithDefault(L));
      const c = this.attempt(() => this.starEtc(L));
      return makeArguments(null, null, nd, b, c);
    }
    const wd = this.loop(() => this.paramWithDefault(L));
    if (wd.length) {
      const b = this.attempt(() => this.starEtc(L));
      return makeArguments(null, null, [], wd, b);
    }
    const se = this.attempt(() => this.starEtc(L));
    if (se) return makeArguments(null, null, [], [], se);
    return null;
  }

  /** The token that may follow the last parameter. */
  private paramEnd(L: boolean): string {
    return L ? ':' : ')';
  }

  private slashNoDefault(L: boolean): A.arg[] | null {
    const start = this.mark;
    const a = this.loop(() => this.paramNoDefault(L));
    if (a.length && this.expect('/')) {
      if (this.expect(',')) return a;
      if (this.check(this.paramEnd(L))) return a;
    }
    this.mark = start;
    return null;
  }

  private slashWithDefault(L: boolean): SlashWithDefault | null {
    const start = this.mark;
    const a = this.loop(() => this.paramNoDefault(L));
    const b = this.loop(() => this.paramWithDefault(L));
    if (b.length && this.expect('/')) {
      if (this.expect(',')) return { plain: a, withDefaults: b };
      if (this.check(this.paramEnd(L))) return { plain: a, withDefaults: b };
    }
    this.mark = start;
    return null;
  }

  private starEtc(L: boolean): StarEtc | null {
    if (this.callInvalidRules) this.attempt(() => this.invalidStarEtc(L));
    const start = this.mark;
    if (this.expect('*')) {
      const a = this.paramNoDefault(L) ?? (L ? null : this.attempt(() => this.paramNoDefaultStarAnnotation()));
      if (a) {
        const b = this.loop(() => this.paramMaybeDefault(L));
        const c = this.attempt(() => this.kwds(L));
        return { vararg: a, kwonly: b, kwarg: c };
      }
      if (this.expect(',')) {
        const b = this.loop(() => this.paramMaybeDefault(L));
        if (b.length) {
          const c = this.attempt(() => this.kwds(L));
          return { vararg: null, kwonly: b, kwarg: c };
        }
      }
      this.mark = start;
      return null;
    }
    const k = this.kwds(L);
    return k ? { vararg: null, kwonly: [], kwarg: k } : null;
  }

  private kwds(L: boolean): A.arg | null {
    if (this.callInvalidRules) this.attempt(() => this.invalidKwds(L));
    const start = this.mark;
    if (!this.expect('**')) return null;
    const a = this.paramNoDefault(L);
    if (!a) this.mark = start;
    return a;
  }

  private param(L: boolean): A.arg | null {
    const start = this.mark;
    const a = this.name();
    if (!a) return null;
    let annotation: A.expr | null = null;
    if (!L) {
      const m = this.mark;
      if (this.expect(':')) {
        annotation = this.expression();
        if (!annotation) this.mark = m;
      }
    }
    return this.at(start, { _type: 'arg', arg: identifier(a.string), annotation, type_comment: null });
  }

  private paramNoDefault(L: boolean): A.arg | null {
    return this.attempt(() => {
      const a = this.param(L);
      if (!a) return null;
      if (this.expect(',') || this.check(this.paramEnd(L))) return a;
      return null;
    });
  }

  private paramNoDefaultStarAnnotation(): A.arg | null {
    const start = this.mark;
    const a = this.name();
    if (!a || !this.expect(':')) return null;
    const sa = this.starExpression();
    if (!sa) return null;
    const arg: A.arg = this.at(start, { _type: 'arg', arg: identifier(a.string), annotation: sa, type_comment: null });
    if (this.expect(',') || this.check(')')) return arg;
    return null;
  }

  private paramWithDefault(L: boolean): NameDefault | null {
    return this.attempt(() => {
      const a = this.param(L);
      if (!a) return null;
      const c = this.defaultValue();
      if (!c) return null;
      if (this.expect(',') || this.check(this.paramEnd(L))) return { arg: a, value: c };
      return null;
    });
  }

  private paramMaybeDefault(L: boolean): NameDefault | null {
    return this.attempt(() => {
      const a = this.param(L);
      if (!a) return null;
      const c = this.attempt(() => this.defaultValue());
      if (this.expect(',') || this.check(this.paramEnd(L))) return { arg: a, value: c };
      return null;
    });
  }

  private defaultValue(): A.expr | null {
    const m = this.mark;
    if (this.expect('=')) {
      const a = this.expression();
      if (a) return a;
    }
    this.mark = m;
    if (this.callInvalidRules) {
      const t = this.expect('=');
      if (t && (this.check(')') || this.check(','))) {
        this.raiseKnownLocation('SyntaxError', 'expected default value expression', t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      }
      this.mark = m;
    }
    return null;
  }

  private raiseAtToken(t: Token, msg: string): never {
    this.raiseKnownLocation('SyntaxError', msg, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  private invalidParameters(L: boolean): null {
    const start = this.mark;
    // param_no_default* invalid_parameters_helper a=param_no_default
    this.loop(() => this.paramNoDefault(L));
    const helper = this.attempt(() => this.slashWithDefault(L)) ?? (this.loop(() => this.paramWithDefault(L)).length ? true : null);
    if (helper) {
      const a = this.paramNoDefault(L);
      if (a) this.raiseAtNode('non-default argument follows default argument', a);
    }
    this.mark = start;
    this.loop(() => this.paramNoDefault(L));
    const open = this.expect('(');
    if (open) {
      const ps = L ? this.gather(',', () => this.param(true)) : this.loop(() => this.paramNoDefault(false));
      if (ps && (L || ps.length)) {
        this.expect(',');
        const close = this.expect(')');
        if (close) {
          this.raiseKnownLocation('SyntaxError', L ? 'Lambda expression parameters cannot be parenthesized' : 'Function parameters cannot be parenthesized',
            open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
        }
      }
    }
    this.mark = start;
    const slash = this.expect('/');
    if (slash && this.expect(',')) this.raiseAtToken(slash, 'at least one argument must precede /');
    this.mark = start;
    if (this.attempt(() => this.slashNoDefault(L)) || this.attempt(() => this.slashWithDefault(L))) {
      this.loop(() => this.paramMaybeDefault(L));
      const s = this.expect('/');
      if (s) this.raiseAtToken(s, '/ may appear only once');
    }
    this.mark = start;
    if (!this.attempt(() => this.slashNoDefault(L))) this.attempt(() => this.slashWithDefault(L));
    this.loop(() => this.paramMaybeDefault(L));
    if (this.expect('*') && (this.expect(',') || this.paramNoDefault(L))) {
      this.loop(() => this.paramMaybeDefault(L));
      const s = this.expect('/');
      if (s) this.raiseAtToken(s, '/ must be ahead of *');
    }
    this.mark = start;
    if (this.loop(() => this.paramMaybeDefault(L)).length && this.expect('/')) {
      const s = this.expect('*');
      if (s) this.raiseAtToken(s, 'expected comma between / and *');
    }
    this.mark = start;
    return null;
  }

  private invalidStarEtc(L: boolean): null {
    const start = this.mark;
    const end = this.paramEnd(L);
    const star = this.expect('*');
    if (star) {
      if (this.check(end) || (this.expect(',') && (this.check(end) || this.check('**')))) {
        if (L) this.raiseAtLastToken('SyntaxError', 'named arguments must follow bare *');
        this.raiseAtToken(star, 'named arguments must follow bare *');
      }
      this.mark = start + 1;
      if (this.param(L)) {
        const eq = this.expect('=');
        if (eq) this.raiseAtToken(eq, 'var-positional argument cannot have default value');
      }
      this.mark = start + 1;
      if (this.paramNoDefault(L) || this.expect(',')) {
        this.loop(() => this.paramMaybeDefault(L));
        const s = this.expect('*');
        if (s && (this.paramNoDefault(L) || this.expect(','))) this.raiseAtToken(s, '* argument may appear only once');
      }
    }
    this.mark = start;
    return null;
  }

  private invalidKwds(L: boolean): null {
    const start = this.mark;
    if (this.expect('**') && this.param(L)) {
      const m = this.mark;
      const eq = this.expect('=');
      if (eq) this.raiseAtToken(eq, 'var-keyword argument cannot have default value');
      this.mark = m;
      if (this.expect(',')) {
        const m2 = this.mark;
        const a = this.param(L);
        if (a) this.raiseAtNode('arguments cannot follow var-keyword argument', a);
        this.mark = m2;
        const t = this.expect('*') ?? this.expect('**') ?? this.expect('/');
        if (t) this.raiseAtToken(t, 'arguments cannot follow var-keyword argument');
      }
    }
    this.mark = start;
    return null;
  }

  // ------------------------------------------------------------ targets

  starTargets(): A.expr | null {
    const start = this.mark;
    const a = this.starTarget();
    if (!a) return null;
    if (!this.check(',')) return a;
    const elts = [a];
    while (this.check(',')) {
      const m = this.mark;
      this.mark++;
      const b = this.starTarget();
      if (!b) { this.mark = m; break; }
      elts.push(b);
    }
    this.expect(',');
    return this.at(start, { _type: 'Tuple', elts, ctx: Ctx.Store });
  }

  private starTargetsSeq(requireTuple: boolean): A.expr[] | null {
    const a = this.gather(',', () => this.starTarget());
    if (!a) return null;
    const comma = this.expect(',');
    if (requireTuple && a.length === 1 && !comma) return null;
    return a;
  }

  starTarget(): A.expr | null {
    const hit = this.memoHit(Rule.star_target);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.star_target, start, this.starTargetBody());
  }

  private starTargetBody(): A.expr | null {
      const start = this.mark;
      if (this.expect('*')) {
        if (this.check('*')) { this.mark = start; return null; }
        const a = this.starTarget();
        if (!a) { this.mark = start; return null; }
        return this.at(start, { _type: 'Starred', value: setContext(a, Ctx.Store), ctx: Ctx.Store }) as A.expr;
      }
      return this.targetWithStarAtom();
    }

  targetWithStarAtom(): A.expr | null {
    const hit = this.memoHit(Rule.target_with_star_atom);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.target_with_star_atom, start, this.attempt(() => this.subscriptAttributeTarget(Ctx.Store)) ?? this.starAtom());
  }

  /** t_primary ('.' NAME | '[' slices ']') !t_lookahead, with context `ctx`. */
  subscriptAttributeTarget(ctx: A.expr_context): A.expr | null {
    const start = this.mark;
    const a = this.tPrimary();
    if (!a) return null;
    const t = this.peek();
    let node: A.expr | null = null;
    if (t.string === '.' && t.type === TokenType.OP) {
      this.mark++;
      const b = this.name();
      if (b) node = this.at(start, { _type: 'Attribute', value: a, attr: identifier(b.string), ctx });
    } else if (t.string === '[' && t.type === TokenType.OP) {
      this.mark++;
      const s = this.slices();
      if (s && this.expect(']')) node = this.at(start, { _type: 'Subscript', value: a, slice: s, ctx });
    }
    if (!node || this.tLookahead()) return null;
    return node;
  }

  private tLookahead(): boolean {
    const t = this.peek();
    return t.type === TokenType.OP && (t.string === '(' || t.string === '[' || t.string === '.');
  }

  /** t_primary: a primary that is followed by one more trailer. */
  tPrimary(): A.expr | null {
    const start = this.mark;
    let a = this.atom();
    if (!a || !this.tLookahead()) { this.mark = start; return null; }
    for (;;) {
      const m = this.mark;
      const next = this.primaryTrailer(a, start, Ctx.Load);
      if (!next) return a;
      if (!this.tLookahead()) { this.mark = m; return a; }
      a = next;
    }
  }

  private starAtom(): A.expr | null {
    const start = this.mark;
    const n = this.name();
    if (n) return this.nameNode(n, Ctx.Store);
    if (this.expect('(')) {
      const a = this.attempt(() => {
        const t = this.targetWithStarAtom();
        return t && this.expect(')') ? t : null;
      });
      if (a) return setContext(a, Ctx.Store);
      const elts = this.attempt(() => this.starTargetsSeq(true));
      if (this.expect(')')) return this.at(start, { _type: 'Tuple', elts: elts ?? [], ctx: Ctx.Store });
      this.mark = start;
      return null;
    }
    if (this.expect('[')) {
      const elts = this.attempt(() => this.starTargetsSeq(false));
      if (this.expect(']')) return this.at(start, { _type: 'List', elts: elts ?? [], ctx: Ctx.Store });
      this.mark = start;
    }
    return null;
  }

  singleTarget(): A.expr | null {
    const a = this.attempt(() => this.subscriptAttributeTarget(Ctx.Store));
    if (a) return a;
    const n = this.name();
    if (n) return this.nameNode(n, Ctx.Store);
    const start = this.mark;
    if (this.expect('(')) {
      const t = this.singleTarget();
      if (t && this.expect(')')) return t;
      this.mark = start;
    }
    return null;
  }

  delTargets(): A.expr[] | null {
    const a = this.gather(',', () => this.delTarget());
    if (!a) return null;
    this.expect(',');
    return a;
  }

  private delTarget(): A.expr | null {
    const hit = this.memoHit(Rule.del_target);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.del_target, start, this.delTargetBody());
  }

  private delTargetBody(): A.expr | null {
      const a = this.attempt(() => this.subscriptAttributeTarget(Ctx.Del));
      if (a) return a;
      const start = this.mark;
      const n = this.name();
      if (n) return this.nameNode(n, Ctx.Del);
      if (this.expect('(')) {
        const t = this.attempt(() => {
          const d = this.delTarget();
          return d && this.expect(')') ? d : null;
        });
        if (t) return setContext(t, Ctx.Del);
        const elts = this.attempt(() => this.delTargets());
        if (this.expect(')')) return this.at(start, { _type: 'Tuple', elts: elts ?? [], ctx: Ctx.Del }) as A.expr;
        this.mark = start;
        return null;
      }
      if (this.expect('[')) {
        const elts = this.attempt(() => this.delTargets());
        if (this.expect(']')) return this.at(start, { _type: 'List', elts: elts ?? [], ctx: Ctx.Del }) as A.expr;
        this.mark = start;
      }
      return null;
    }

  raiseInvalidTarget(type: TargetsType, e: A.expr | null): void {
    const bad = invalidTarget(e, type);
    if (bad) this.raiseAtNode(`${type === 'del' ? 'cannot delete' : 'cannot assign to'} ${exprName(bad)}`, bad);
  }

  augassign(): A.operator | null {
    const t = this.peek();
    const op = t.type === TokenType.OP ? AUGASSIGN[t.string] : undefined;
    if (!op) return null;
    this.mark++;
    return op;
  }
}

/** Thrown past a cut (`~`) to fail the rule that holds it. */
export class CutFailure {}


/** bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: operators of each level. */
const BINARY_LEVELS: Record<string, A.operator>[] = [
  { '|': Operators.BitOr },
  { '^': Operators.BitXor },
  { '&': Operators.BitAnd },
  { '<<': Operators.LShift, '>>': Operators.RShift },
  { '+': Operators.Add, '-': Operators.Sub },
  { '*': Operators.Mult, '/': Operators.Div, '//': Operators.FloorDiv, '%': Operators.Mod, '@': Operators.MatMult },
];
const UNARY: Record<string, A.unaryop> = { '+': UnaryOps.UAdd, '-': UnaryOps.USub, '~': UnaryOps.Invert };

const DUMMY_NAME: A.Name = { _type: 'Name', id: '', ctx: Ctx.Load, lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 };

/** Identifiers are NFKC-normalized (Parser/pegen.c _PyPegen_new_identifier). */
export function identifier(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return s.normalize('NFKC');
  return s;
}

export function emptyArguments(): A.arguments {
  return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

/** _PyPegen_make_arguments */
function makeArguments(slashNoDefault: A.arg[] | null, slashWithDefault: SlashWithDefault | null,
  plainNames: A.arg[], namesWithDefault: NameDefault[], starEtc: StarEtc | null): A.arguments {
  let posonlyargs: A.arg[] = [];
  const defaults: A.expr[] = [];
  if (slashNoDefault) posonlyargs = slashNoDefault;
  else if (slashWithDefault) {
    posonlyargs = [...slashWithDefault.plain, ...slashWithDefault.withDefaults.map((p) => p.arg)];
    defaults.push(...slashWithDefault.withDefaults.map((p) => p.value!));
  }
  const args = [...plainNames, ...namesWithDefault.map((p) => p.arg)];
  defaults.push(...namesWithDefault.map((p) => p.value!));
  return {
    _type: 'arguments',
    posonlyargs,
    args,
    vararg: starEtc?.vararg ?? null,
    kwonlyargs: starEtc ? starEtc.kwonly.map((p) => p.arg) : [],
    kw_defaults: starEtc ? starEtc.kwonly.map((p) => p.value) : [],
    kwarg: starEtc?.kwarg ?? null,
    defaults,
  };
}
