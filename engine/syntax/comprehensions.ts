// Comprehension rules of Grammar/python.gram (3.11): for_if_clauses and the four displays built
// on them, with their invalid_* rules.

import type * as A from './ast.js';
import { ExpressionParser } from './expressions.js';
import { CutFailure } from './parser-base.js';
import { exprName, invalidTarget } from './target-checks.js';

export abstract class ComprehensionParser extends ExpressionParser {
  abstract starTargets(): A.expr | null;

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
}
