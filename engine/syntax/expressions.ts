// Expression rules of Grammar/python.gram (3.11), one method per rule, invalid_* rules included:
// from `expressions` down to atoms and displays. Comprehensions, calls, parameters and targets
// follow in the subclasses; the methods they define are declared here.

import * as A from './ast.js';
import { BoolOps, CmpOps, Ctx, Operators, UnaryOps } from './ast.js';
import { PythonSyntaxError } from './errors.js';
import { parseNumber } from './numbers.js';
import { CutFailure, identifier, MISS, ParserBase, Rule } from './parser-base.js';
import { exprName } from './target-checks.js';
import { TokenType, type Token } from './tokens.js';

export abstract class ExpressionParser extends ParserBase {
  /** Builds the node of a run of STRING tokens (implemented with the f-string parser). */
  protected abstract concatenateStrings(tokens: Token[]): A.expr;
  abstract listcomp(): A.expr | null;
  abstract setcomp(): A.expr | null;
  abstract genexp(): A.expr | null;
  abstract dictcomp(): A.expr | null;
  abstract arguments(): A.Call | null;
  abstract starredExpression(): A.expr | null;
  abstract lambdef(): A.expr | null;

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
    return this.commaTuple(() => this.expression(), Ctx.Load);
  }

  /** `a (',' a)* [',']`: a Tuple when there is a comma, else `a` itself (expressions,
   *  star_expressions, star_targets). */
  protected commaTuple(item: () => A.expr | null, ctx: A.expr_context): A.expr | null {
    const start = this.mark;
    const a = item();
    if (!a) return null;
    if (!this.check(',')) return a;
    const elts = [a];
    while (this.check(',')) {
      const m = this.mark;
      this.mark++;
      const b = item();
      if (!b) {
        this.mark = m;
        break;
      }
      elts.push(b);
    }
    this.expect(',');
    return this.at(start, { _type: 'Tuple', elts, ctx });
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
    // _PyPegen_soft_keyword_token compares only the token's length: "m", "ca" also match
    const softKeyword = this.isName(t0) && SOFT_KEYWORDS.some((k) => k.startsWith(t0.string));
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
    return this.commaTuple(() => this.starExpression(), Ctx.Load);
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

  protected kvpair(): [A.expr, A.expr] | null {
    const a = this.expression();
    if (!a || !this.expect(':')) return null;
    const b = this.expression();
    return b ? [a, b] : null;
  }

  private invalidDoubleStarredKvpairs(): null {
    const start = this.mark;
    if (this.gather(',', () => this.doubleStarredKvpair()) && this.expect(',')) this.invalidKvpair();
    this.mark = start;
    this.invalidKvpairTail();
    return null;
  }

  private invalidKvpair(): null {
    const start = this.mark;
    const a = this.expression();
    if (a && !this.check(':')) {
      throw new PythonSyntaxError(this.errorInfo('SyntaxError', "':' expected after dictionary key", a.lineno, a.end_col_offset, a.end_lineno, 0));
    }
    this.mark = start;
    this.invalidKvpairTail();
    return null;
  }

  private invalidKvpairTail(): void {
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

}

const SOFT_KEYWORDS = ['_', 'case', 'match'];

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
