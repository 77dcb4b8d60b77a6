// Compound statement rules of Grammar/python.gram (3.11): blocks, def, class, if, while, for,
// with, try and match, with their invalid_* rules; and the start rules.

import * as A from './ast.js';
import { Ctx } from './ast.js';
import { emptyArguments } from './parameters.js';
import { identifier, MISS, Rule } from './parser-base.js';
import { SimpleStatementParser } from './simple-statements.js';
import { TokenType, type Token } from './tokens.js';

export abstract class StatementParser extends SimpleStatementParser {
  // ------------------------------------------------------------ start rules

  fileRule(): A.Module | null {
    const body = this.attempt(() => this.statements()) ?? [];
    if (!this.expectType(TokenType.ENDMARKER)) return null;
    return { _type: 'Module', body, type_ignores: [] };
  }

  evalRule(): A.Expression | null {
    const a = this.expressions();
    if (!a) return null;
    while (this.expectType(TokenType.NEWLINE));
    if (!this.expectType(TokenType.ENDMARKER)) return null;
    return { _type: 'Expression', body: a };
  }

  interactiveRule(): A.Interactive | null {
    const body = this.statementNewline();
    return body ? { _type: 'Interactive', body } : null;
  }

  fstringRule(): A.expr | null {
    return this.starExpressions();
  }

  private statementNewline(): A.stmt[] | null {
    const start = this.mark;
    const c = this.attempt(() => {
      const s = this.compoundStmt();
      return s && this.expectType(TokenType.NEWLINE) ? [s] : null;
    });
    if (c) return c;
    const s = this.attempt(() => this.simpleStmts());
    if (s) return s;
    if (this.expectType(TokenType.NEWLINE)) return [this.at(start, { _type: 'Pass' })];
    if (this.peek().type === TokenType.ENDMARKER) return null;
    return null;
  }

  statements(): A.stmt[] | null {
    const out: A.stmt[] = [];
    for (;;) {
      const m = this.mark;
      const s = this.statement();
      if (!s) {
        this.mark = m;
        break;
      }
      for (const x of s) out.push(x);
    }
    return out.length ? out : null;
  }

  private statement(): A.stmt[] | null {
    const m = this.mark;
    const c = this.compoundStmt();
    if (c) return [c];
    this.mark = m;
    return this.simpleStmts();
  }

  simpleStmts(): A.stmt[] | null {
    const start = this.mark;
    const a = this.simpleStmt();
    if (a && !this.check(';') && this.expectType(TokenType.NEWLINE)) return [a];
    this.mark = start;
    const all = this.gather(';', () => this.simpleStmt());
    if (!all) return null;
    this.expect(';');
    if (!this.expectType(TokenType.NEWLINE)) return null;
    return all;
  }

  private simpleStmt(): A.stmt | null {
    const hit = this.memoHit(Rule.simple_stmt);
    if (hit !== MISS) return hit as A.stmt | null;
    const start = this.mark;
    return this.memoStore(Rule.simple_stmt, start, this.simpleStmtBody());
  }

  private simpleStmtBody(): A.stmt | null {
    const start = this.mark;
    const a = this.assignment();
    if (a) return a;
    this.mark = start;
    const e = this.starExpressions();
    if (e) return this.at(start, { _type: 'Expr', value: e }) as A.stmt;
    this.mark = start;
    const t = this.peek();
    if (t.type !== TokenType.NAME) return null;
    switch (t.string) {
      case 'return': return this.returnStmt();
      case 'import': case 'from': return this.importStmt();
      case 'raise': return this.raiseStmt();
      case 'pass': this.mark++; return this.at(start, { _type: 'Pass' }) as A.stmt;
      case 'del': return this.delStmt();
      case 'yield': {
        const y = this.yieldExpr();
        return y ? this.at(start, { _type: 'Expr', value: y }) as A.stmt : null;
      }
      case 'assert': return this.assertStmt();
      case 'break': this.mark++; return this.at(start, { _type: 'Break' }) as A.stmt;
      case 'continue': this.mark++; return this.at(start, { _type: 'Continue' }) as A.stmt;
      case 'global': case 'nonlocal': {
        this.mark++;
        const names = this.gather(',', () => this.name());
        if (!names) return null;
        return this.at(start, { _type: t.string === 'global' ? 'Global' : 'Nonlocal', names: names.map((n) => identifier(n.string)) }) as A.stmt;
      }
    }
    return null;
  }

  private compoundStmt(): A.stmt | null {
    const t = this.peek();
    if (t.type === TokenType.OP && t.string === '@') {
      return this.attempt(() => this.functionDef()) ?? this.classDef();
    }
    if (t.type === TokenType.NAME) {
      switch (t.string) {
        case 'def': return this.functionDef();
        case 'async':
          return this.attempt(() => this.functionDef()) ?? this.attempt(() => this.withStmt()) ?? this.forStmt();
        case 'if': return this.ifStmt();
        case 'class': return this.classDef();
        case 'with': return this.withStmt();
        case 'for': return this.forStmt();
        case 'try': return this.tryStmt();
        case 'while': return this.whileStmt();
        case 'match': return this.matchStmt();
      }
    }
    return null;
  }

  // ------------------------------------------------------------ blocks

  block(): A.stmt[] | null {
    const hit = this.memoHit(Rule.block);
    if (hit !== MISS) return hit as A.stmt[] | null;
    const start = this.mark;
    return this.memoStore(Rule.block, start, this.blockBody());
  }

  private blockBody(): A.stmt[] | null {
    const start = this.mark;
    if (this.expectType(TokenType.NEWLINE) && this.expectType(TokenType.INDENT)) {
      const a = this.statements();
      if (a && this.expectType(TokenType.DEDENT)) return a;
    }
    this.mark = start;
    const s = this.attempt(() => this.simpleStmts());
    if (s) return s;
    if (this.callInvalidRules && this.expectType(TokenType.NEWLINE) && this.peek().type !== TokenType.INDENT) {
      this.raiseAtLastToken('IndentationError', 'expected an indented block');
    }
    this.mark = start;
    return null;
  }

  /** `':' NEWLINE !INDENT` after a compound statement header: the block is missing. */
  private checkMissingBlock(what: string, kw: Token): void {
    const m = this.mark;
    if (this.expect(':') && this.expectType(TokenType.NEWLINE) && this.peek().type !== TokenType.INDENT) {
      this.raiseAtLastToken('IndentationError', `expected an indented block after ${what} on line ${kw.lineno}`);
    }
    this.mark = m;
  }

  /** `header NEWLINE`: the colon is missing. */
  private checkMissingColon(): void {
    const m = this.mark;
    if (this.expectType(TokenType.NEWLINE)) this.raiseAtLastToken('SyntaxError', "expected ':'");
    this.mark = m;
  }

  private decorators(): A.expr[] {
    if (!this.check('@')) return [];
    return this.loop(() => {
      if (!this.expect('@')) return null;
      const f = this.namedExpression();
      return f && this.expectType(TokenType.NEWLINE) ? f : null;
    });
  }

  private classDef(): A.stmt | null {
    const start = this.mark;
    const decorators = this.decorators();
    const raw = this.classDefRaw();
    if (!raw) { this.mark = start; return null; }
    if (decorators.length) return { ...raw, decorator_list: decorators };
    return raw;
  }

  private classDefRaw(): A.ClassDef | null {
    const start = this.mark;
    const kw = this.expect('class');
    if (!kw) return null;
    const n = this.name();
    if (!n) return null;
    const afterName = this.mark;
    let bases: A.Call | null = null;
    if (this.expect('(')) {
      bases = this.attempt(() => this.arguments());
      if (!this.expect(')')) { this.mark = afterName; bases = null; }
    }
    if (this.callInvalidRules) {
      this.checkMissingColon();
      this.checkMissingBlock('class definition', kw);
    }
    if (!this.expect(':')) return null;
    const body = this.block();
    if (!body) return null;
    return this.at(start, {
      _type: 'ClassDef', name: identifier(n.string), bases: bases ? bases.args : [], keywords: bases ? bases.keywords : [],
      body, decorator_list: [],
    });
  }

  private functionDef(): A.stmt | null {
    const start = this.mark;
    const decorators = this.decorators();
    const raw = this.functionDefRaw();
    if (!raw) { this.mark = start; return null; }
    if (decorators.length) return { ...raw, decorator_list: decorators };
    return raw;
  }

  private functionDefRaw(): A.FunctionDef | A.AsyncFunctionDef | null {
    const start = this.mark;
    const isAsync = !!this.expect('async');
    const kw = this.expect('def');
    if (!kw) return null;
    const n = this.name();
    if (!n) return null;
    if (this.callInvalidRules) {
      const m = this.mark;
      if (this.expect('(')) {
        this.attempt(() => this.params(false));
        if (this.expect(')')) {
          const r = this.mark;
          if (!(this.expect('->') && this.expression())) this.mark = r;
          this.checkMissingBlock('function definition', kw);
        }
      }
      this.mark = m;
    }
    this.expectForced('(');
    const params = this.attempt(() => this.params(false));
    if (!this.expect(')')) return null;
    let returns: A.expr | null = null;
    const m = this.mark;
    if (this.expect('->')) {
      returns = this.expression();
      if (!returns) this.mark = m;
    }
    this.expectForced(':');
    const body = this.block();
    if (!body) return null;
    return this.at(start, {
      _type: isAsync ? 'AsyncFunctionDef' : 'FunctionDef', name: identifier(n.string), args: params ?? emptyArguments(), body,
      decorator_list: [], returns, type_comment: null,
    }) as A.FunctionDef | A.AsyncFunctionDef;
  }

  private ifStmt(): A.stmt | null {
    return this.ifOrElif('if');
  }

  private ifOrElif(keyword: 'if' | 'elif'): A.If | null {
    const start = this.mark;
    const kw = this.expect(keyword);
    if (!kw) return null;
    if (this.callInvalidRules) {
      const m = this.mark;
      if (this.namedExpression()) {
        this.checkMissingColon();
        this.checkMissingBlock(`'${keyword}' statement`, kw);
      }
      this.mark = m;
    }
    const test = this.namedExpression();
    if (!test || !this.expect(':')) return null;
    const body = this.block();
    if (!body) return null;
    const elif = this.attempt(() => this.ifOrElif('elif'));
    if (elif) return this.at(start, { _type: 'If', test, body, orelse: [elif] });
    const orelse = this.attempt(() => this.elseBlock()) ?? [];
    return this.at(start, { _type: 'If', test, body, orelse });
  }

  private elseBlock(): A.stmt[] | null {
    const kw = this.expect('else');
    if (!kw) return null;
    if (this.callInvalidRules) this.checkMissingBlock("'else' statement", kw);
    this.expectForced(':');
    return this.block();
  }

  private whileStmt(): A.stmt | null {
    const start = this.mark;
    const kw = this.expect('while')!;
    if (this.callInvalidRules) {
      const m = this.mark;
      if (this.namedExpression()) {
        this.checkMissingColon();
        this.checkMissingBlock("'while' statement", kw);
      }
      this.mark = m;
    }
    const test = this.namedExpression();
    if (!test || !this.expect(':')) return null;
    const body = this.block();
    if (!body) return null;
    const orelse = this.attempt(() => this.elseBlock()) ?? [];
    return this.at(start, { _type: 'While', test, body, orelse });
  }

  private forStmt(): A.stmt | null {
    const start = this.mark;
    const isAsync = !!this.expect('async');
    const kw = this.expect('for');
    if (!kw) return null;
    if (this.callInvalidRules) {
      const m = this.mark;
      if (this.starTargets() && this.expect('in') && this.starExpressions()) {
        this.checkMissingColon();
        this.checkMissingBlock("'for' statement", kw);
      }
      this.mark = m;
    }
    const target = this.starTargets();
    if (target && this.expect('in')) {
      // cut: no other alternative once 'in' is seen
      const iter = this.starExpressions();
      if (!iter || !this.expect(':')) return null;
      const body = this.block();
      if (!body) return null;
      const orelse = this.attempt(() => this.elseBlock()) ?? [];
      return this.at(start, { _type: isAsync ? 'AsyncFor' : 'For', target, iter, body, orelse, type_comment: null }) as A.stmt;
    }
    if (this.callInvalidRules) {
      this.mark = start;
      this.invalidForTarget();
    }
    return null;
  }

  private withStmt(): A.stmt | null {
    const start = this.mark;
    const isAsync = !!this.expect('async');
    const kw = this.expect('with');
    if (!kw) return null;
    const afterWith = this.mark;
    if (this.callInvalidRules) this.invalidWithStmtIndent(kw);
    const make = (items: A.withitem[], body: A.stmt[]): A.stmt =>
      (this.at(start, { _type: isAsync ? 'AsyncWith' : 'With', items, body, type_comment: null }) as A.stmt);
    const paren = this.attempt(() => {
      if (!this.expect('(')) return null;
      const items = this.gather(',', () => this.withItem());
      if (!items) return null;
      this.expect(',');
      if (!this.expect(')') || !this.expect(':')) return null;
      const body = this.block();
      return body ? make(items, body) : null;
    });
    if (paren) return paren;
    this.mark = afterWith;
    const items = this.gather(',', () => this.withItem());
    if (items && this.expect(':')) {
      const body = this.block();
      if (body) return make(items, body);
    }
    if (this.callInvalidRules) {
      this.mark = afterWith;
      if (this.gather(',', () => this.withItemLoose(false)) && this.expectType(TokenType.NEWLINE)) this.raiseAtLastToken('SyntaxError', "expected ':'");
      this.mark = afterWith;
      if (this.expect('(') && this.gather(',', () => this.withItemLoose(true))) {
        this.expect(',');
        if (this.expect(')') && this.expectType(TokenType.NEWLINE)) this.raiseAtLastToken('SyntaxError', "expected ':'");
      }
    }
    return null;
  }

  /** (expression|expressions) ['as' star_target], as the invalid_with_* rules read items. */
  private withItemLoose(plural: boolean): true | null {
    if (!(plural ? this.expressions() : this.expression())) return null;
    const m = this.mark;
    if (!(this.expect('as') && this.starTarget())) this.mark = m;
    return true;
  }

  private invalidWithStmtIndent(kw: Token): void {
    const m = this.mark;
    if (this.gather(',', () => this.withItemLoose(false))) this.checkMissingBlock("'with' statement", kw);
    this.mark = m;
    if (this.expect('(') && this.gather(',', () => this.withItemLoose(true))) {
      this.expect(',');
      if (this.expect(')')) this.checkMissingBlock("'with' statement", kw);
    }
    this.mark = m;
  }

  private withItem(): A.withitem | null {
    const start = this.mark;
    const e = this.expression();
    if (!e) return null;
    const m = this.mark;
    if (this.expect('as')) {
      const t = this.starTarget();
      if (t && (this.check(',') || this.check(')') || this.check(':'))) return { _type: 'withitem', context_expr: e, optional_vars: t };
    }
    this.mark = m;
    if (this.callInvalidRules) {
      this.mark = start;
      if (this.expression() && this.expect('as')) {
        const a = this.expression();
        if (a && (this.check(',') || this.check(')') || this.check(':'))) this.raiseInvalidTarget('star', a);
      }
      this.mark = m;
    }
    return { _type: 'withitem', context_expr: e, optional_vars: null };
  }

  private tryStmt(): A.stmt | null {
    const start = this.mark;
    const kw = this.expect('try')!;
    if (this.callInvalidRules) this.invalidTryStmt(kw);
    this.expectForced(':');
    const body = this.block();
    if (!body) return null;
    const afterBody = this.mark;
    const f = this.attempt(() => this.finallyBlock());
    if (f) return this.at(start, { _type: 'Try', body, handlers: [], orelse: [], finalbody: f });
    for (const star of [false, true]) {
      this.mark = afterBody;
      const handlers = this.loop(() => this.exceptBlock(star));
      if (handlers.length) {
        const orelse = this.attempt(() => this.elseBlock()) ?? [];
        const finalbody = this.attempt(() => this.finallyBlock()) ?? [];
        return this.at(start, { _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody });
      }
    }
    return null;
  }

  private invalidTryStmt(kw: Token): void {
    const m = this.mark;
    this.checkMissingBlock("'try' statement", kw);
    if (this.expect(':') && this.block() && !this.check('except') && !this.check('finally')) {
      this.raiseAtLastToken('SyntaxError', "expected 'except' or 'finally' block");
    }
    for (const starFirst of [false, true]) {
      this.mark = m;
      if (!this.expect(':')) break;
      this.loop(() => this.block());
      if (!this.loop(() => this.exceptBlock(starFirst)).length) continue;
      const a = this.expect('except');
      if (!a) continue;
      if (!starFirst) {
        const b = this.expect('*');
        if (b && this.expression()) {
          const r = this.mark;
          if (!(this.expect('as') && this.name())) this.mark = r;
          if (this.expect(':')) this.raiseKnownLocation('SyntaxError', "cannot have both 'except' and 'except*' on the same 'try'", a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
        }
      } else {
        const r = this.mark;
        if (this.expression()) {
          const r2 = this.mark;
          if (!(this.expect('as') && this.name())) this.mark = r2;
        } else this.mark = r;
        if (this.expect(':')) this.raiseAtNode("cannot have both 'except' and 'except*' on the same 'try'", a);
      }
    }
    this.mark = m;
  }

  private exceptBlock(star: boolean): A.ExceptHandler | null {
    const start = this.mark;
    const kw = this.expect('except');
    if (!kw) return null;
    if (this.callInvalidRules) {
      const m = this.mark;
      if (!star || this.expect('*')) {
        if (this.expression()) {
          if (!(this.expect('as') && this.name())) this.mark = m + (star ? 1 : 0), this.expression();
          this.checkMissingBlock(star ? "'except*' statement" : "'except' statement", kw);
        }
        if (!star) {
          this.mark = m;
          this.checkMissingBlock("'except' statement", kw);
        }
      }
      this.mark = m;
    }
    if (star && !this.expect('*')) return this.invalidExceptStmt(start);
    const type = this.attempt(() => this.expression());
    if (type) {
      const asname = this.asName();
      if (this.expect(':')) {
        const body = this.block();
        if (body) return this.at(start, { _type: 'ExceptHandler', type, name: asname, body });
      }
    } else if (!star && this.expect(':')) {
      const body = this.block();
      if (body) return this.at(start, { _type: 'ExceptHandler', type: null, name: null, body });
    }
    return this.invalidExceptStmt(start);
  }

  private invalidExceptStmt(start: number): null {
    if (!this.callInvalidRules) return null;
    this.mark = start + 1;
    this.expect('*');
    const a = this.expression();
    if (a && this.expect(',') && this.expressions()) {
      this.asName();
      if (this.expect(':')) this.raiseStartingFrom('multiple exception types must be parenthesized', a);
    }
    this.mark = start + 1;
    this.expect('*');
    if (this.expression()) {
      this.asName();
      if (this.expectType(TokenType.NEWLINE)) this.raiseAtLastToken('SyntaxError', "expected ':'");
    }
    this.mark = start + 1;
    if (this.expectType(TokenType.NEWLINE)) this.raiseAtLastToken('SyntaxError', "expected ':'");
    this.mark = start + 1;
    if (this.expect('*') && (this.expectType(TokenType.NEWLINE) || this.expect(':'))) {
      this.raiseAtLastToken('SyntaxError', 'expected one or more exception types');
    }
    this.mark = start;
    return null;
  }

  private finallyBlock(): A.stmt[] | null {
    const kw = this.expect('finally');
    if (!kw) return null;
    if (this.callInvalidRules) this.checkMissingBlock("'finally' statement", kw);
    this.expectForced(':');
    return this.block();
  }
  // ------------------------------------------------------------ match

  private matchStmt(): A.stmt | null {
    const start = this.mark;
    const kw = this.peek();
    this.mark++;
    const subject = this.subjectExpr();
    if (subject && this.expect(':') && this.expectType(TokenType.NEWLINE) && this.expectType(TokenType.INDENT)) {
      const cases = this.loop(() => this.caseBlock());
      if (cases.length && this.expectType(TokenType.DEDENT)) return this.at(start, { _type: 'Match', subject, cases });
    }
    if (this.callInvalidRules) {
      this.mark = start + 1;
      if (this.subjectExpr()) {
        this.checkMissingColon();
        this.checkMissingBlock("'match' statement", kw);
      }
    }
    this.mark = start;
    return null;
  }

  private subjectExpr(): A.expr | null {
    const start = this.mark;
    const v = this.attempt(() => {
      const value = this.starNamedExpression();
      if (!value || !this.expect(',')) return null;
      const values = this.attempt(() => this.starNamedExpressions()) ?? [];
      return this.at(start, { _type: 'Tuple', elts: [value, ...values], ctx: Ctx.Load }) as A.expr;
    });
    return v ?? this.namedExpression();
  }

  private caseBlock(): A.match_case | null {
    const t = this.peek();
    if (t.type !== TokenType.NAME || t.string !== 'case') return null;
    const start = this.mark;
    if (this.callInvalidRules) {
      this.mark++;
      if (this.patterns()) {
        this.attempt(() => this.guard());
        this.checkMissingColon();
        this.checkMissingBlock("'case' statement", t);
      }
      this.mark = start;
    }
    this.mark++;
    const pattern = this.patterns();
    if (!pattern) return null;
    const guard = this.attempt(() => this.guard());
    if (!this.expect(':')) return null;
    const body = this.block();
    if (!body) return null;
    return { _type: 'match_case', pattern, guard, body };
  }

  private guard(): A.expr | null {
    if (!this.expect('if')) return null;
    return this.namedExpression();
  }
}
