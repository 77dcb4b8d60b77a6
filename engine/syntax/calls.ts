// Call argument rules of Grammar/python.gram (3.11): arguments, args, kwargs and invalid_arguments.

import type * as A from './ast.js';
import { Ctx } from './ast.js';
import { ComprehensionParser } from './comprehensions.js';
import { identifier, MISS, Rule } from './parser-base.js';
import { TokenType } from './tokens.js';

/** A keyword argument or a starred expression among the keywords of a call. */
type KeywordOrStarred = { keyword: A.keyword } | { starred: A.expr };

function lastComprehensionItem(c: A.comprehension): A.expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1]!;
}

/** The callee of the Call node `args` builds; the rule using it puts the real one in. */
const DUMMY_NAME: A.Name = { _type: 'Name', id: '', ctx: Ctx.Load, lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 };

/** Whether the last argument could only be part of `kwargs` (a keyword, `*x` or `**x`): 3.11
 *  reports a `*` after such an argument as unpacking out of order. */
function endsWithKwargsItem(call: A.Call): boolean {
  const items: (A.expr | A.keyword)[] = [...call.args, ...call.keywords];
  let last = items[0]!;
  for (const x of items) {
    if (x.end_lineno > last.end_lineno || (x.end_lineno === last.end_lineno && x.end_col_offset > last.end_col_offset)) last = x;
  }
  return last._type === 'keyword' || last._type === 'Starred';
}

export abstract class CallParser extends ComprehensionParser {
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
    const star = a && endsWithKwargsItem(a) && this.expect(',') && this.expect('*');
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
}
