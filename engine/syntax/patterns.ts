// Pattern rules of the match statement (Grammar/python.gram, 3.11).

import * as A from './ast.js';
import { Ctx, Operators, UnaryOps } from './ast.js';
import { TargetParser } from './targets.js';
import { identifier, MISS, Rule } from './parser-base.js';
import { parseNumber } from './numbers.js';
import { TokenType } from './tokens.js';

export abstract class PatternParser extends TargetParser {
  patterns(): A.pattern | null {
    const start = this.mark;
    const seq = this.attempt(() => this.openSequencePattern());
    if (seq) return this.at(start, { _type: 'MatchSequence', patterns: seq });
    return this.pattern();
  }

  pattern(): A.pattern | null {
    return this.attempt(() => this.asPattern()) ?? this.orPattern();
  }

  private asPattern(): A.pattern | null {
    const start = this.mark;
    const p = this.orPattern();
    if (p && this.expect('as')) {
      const target = this.patternCaptureTarget();
      if (target) return this.at(start, { _type: 'MatchAs', pattern: p, name: target });
    }
    this.mark = start;
    if (this.callInvalidRules && this.orPattern() && this.expect('as')) {
      const t = this.peek();
      if (t.type === TokenType.NAME && t.string === '_') {
        this.raiseKnownLocation('SyntaxError', "cannot use '_' as a target", t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      }
      if (!this.isName(t)) {
        const e = this.expression();
        if (e) this.raiseAtNode('invalid pattern target', e);
      }
    }
    return null;
  }

  private orPattern(): A.pattern | null {
    const start = this.mark;
    const ps = this.gather('|', () => this.closedPattern());
    if (!ps) return null;
    return ps.length === 1 ? ps[0]! : this.at(start, { _type: 'MatchOr', patterns: ps });
  }

  private closedPattern(): A.pattern | null {
    const hit = this.memoHit(Rule.closed_pattern);
    if (hit !== MISS) return hit as A.pattern | null;
    const start = this.mark;
    const p = this.attempt(() => this.literalPattern()) ?? this.attempt(() => this.capturePattern())
      ?? this.attempt(() => this.wildcardPattern()) ?? this.attempt(() => this.valuePattern())
      ?? this.attempt(() => this.groupPattern()) ?? this.attempt(() => this.sequencePattern())
      ?? this.attempt(() => this.mappingPattern()) ?? this.classPattern();
    return this.memoStore(Rule.closed_pattern, start, p);
  }

  private literalPattern(): A.pattern | null {
    const start = this.mark;
    const t = this.peek();
    if (t.type === TokenType.NAME && (t.string === 'None' || t.string === 'True' || t.string === 'False')) {
      this.mark++;
      return this.at(start, { _type: 'MatchSingleton', value: t.string === 'None' ? null : t.string === 'True' });
    }
    const v = this.literalExprValue();
    return v ? this.at(start, { _type: 'MatchValue', value: v }) : null;
  }

  /** literal_expr without None/True/False: signed numbers, complex numbers, strings. */
  private literalExprValue(): A.expr | null {
    const n = this.attempt(() => {
      const s = this.signedNumber();
      return s && !this.check('+') && !this.check('-') ? s : null;
    });
    if (n) return n;
    const c = this.attempt(() => this.complexNumber());
    if (c) return c;
    if (this.peek().type === TokenType.STRING) return this.strings();
    return null;
  }

  private literalExpr(): A.expr | null {
    const start = this.mark;
    const t = this.peek();
    if (t.type === TokenType.NAME && (t.string === 'None' || t.string === 'True' || t.string === 'False')) {
      this.mark++;
      return this.constant(t.string === 'None' ? null : t.string === 'True', start);
    }
    return this.literalExprValue();
  }

  private number(): A.Constant | null {
    const start = this.mark;
    const t = this.expectType(TokenType.NUMBER);
    return t ? this.constant(parseNumber(t.string), start) : null;
  }

  private signedNumber(): A.expr | null {
    const start = this.mark;
    if (this.expect('-')) {
      const n = this.number();
      if (!n) return null;
      return this.at(start, { _type: 'UnaryOp', op: UnaryOps.USub, operand: n });
    }
    return this.number();
  }

  private complexNumber(): A.expr | null {
    const start = this.mark;
    const real = this.signedRealNumber();
    if (!real) return null;
    const op = this.expect('+') ? Operators.Add : this.expect('-') ? Operators.Sub : null;
    if (!op) return null;
    const imag = this.imaginaryNumber();
    if (!imag) return null;
    return this.at(start, { _type: 'BinOp', left: real, op, right: imag });
  }

  private signedRealNumber(): A.expr | null {
    const start = this.mark;
    if (this.expect('-')) {
      const n = this.realNumber();
      if (!n) return null;
      return this.at(start, { _type: 'UnaryOp', op: UnaryOps.USub, operand: n });
    }
    return this.realNumber();
  }

  private realNumber(): A.Constant | null {
    const n = this.number();
    if (n && n.value instanceof A.ImaginaryValue) this.raiseAtNode('real number required in complex literal', n);
    return n;
  }

  private imaginaryNumber(): A.Constant | null {
    const n = this.number();
    if (n && !(n.value instanceof A.ImaginaryValue)) this.raiseAtNode('imaginary number required in complex literal', n);
    return n;
  }

  private capturePattern(): A.pattern | null {
    const start = this.mark;
    const target = this.patternCaptureTarget();
    return target ? this.at(start, { _type: 'MatchAs', pattern: null, name: target }) : null;
  }

  private patternCaptureTarget(): string | null {
    const t = this.peek();
    if (t.type === TokenType.NAME && t.string === '_') return null;
    const n = this.name();
    if (!n) return null;
    if (this.check('.') || this.check('(') || this.check('=')) {
      this.mark--;
      return null;
    }
    return identifier(n.string);
  }

  private wildcardPattern(): A.pattern | null {
    const start = this.mark;
    const t = this.peek();
    if (t.type === TokenType.NAME && t.string === '_') {
      this.mark++;
      return this.at(start, { _type: 'MatchAs', pattern: null, name: null });
    }
    return null;
  }

  private valuePattern(): A.pattern | null {
    const start = this.mark;
    const a = this.attr();
    if (!a || this.check('.') || this.check('(') || this.check('=')) return null;
    return this.at(start, { _type: 'MatchValue', value: a });
  }

  /** attr: name_or_attr '.' NAME (at least one dot). */
  private attr(): A.expr | null {
    const start = this.mark;
    const n = this.nameExpr();
    if (!n) return null;
    let v: A.expr = n;
    let dots = 0;
    for (;;) {
      const m = this.mark;
      if (!this.expect('.')) break;
      const b = this.name();
      if (!b) { this.mark = m; break; }
      v = this.at(start, { _type: 'Attribute', value: v, attr: identifier(b.string), ctx: Ctx.Load });
      dots++;
    }
    return dots ? v : null;
  }

  private nameOrAttr(): A.expr | null {
    return this.attempt(() => this.attr()) ?? this.nameExpr();
  }

  private groupPattern(): A.pattern | null {
    if (!this.expect('(')) return null;
    const p = this.pattern();
    return p && this.expect(')') ? p : null;
  }

  private sequencePattern(): A.pattern | null {
    const start = this.mark;
    if (this.expect('[')) {
      const ps = this.attempt(() => this.maybeSequencePattern());
      if (!this.expect(']')) return null;
      return this.at(start, { _type: 'MatchSequence', patterns: ps ?? [] });
    }
    if (this.expect('(')) {
      const ps = this.attempt(() => this.openSequencePattern());
      if (!this.expect(')')) return null;
      return this.at(start, { _type: 'MatchSequence', patterns: ps ?? [] });
    }
    return null;
  }

  private openSequencePattern(): A.pattern[] | null {
    const p = this.maybeStarPattern();
    if (!p || !this.expect(',')) return null;
    const rest = this.attempt(() => this.maybeSequencePattern());
    return [p, ...(rest ?? [])];
  }

  private maybeSequencePattern(): A.pattern[] | null {
    const ps = this.gather(',', () => this.maybeStarPattern());
    if (!ps) return null;
    this.expect(',');
    return ps;
  }

  private maybeStarPattern(): A.pattern | null {
    return this.attempt(() => this.starPattern()) ?? this.pattern();
  }

  private starPattern(): A.pattern | null {
    const hit = this.memoHit(Rule.star_pattern);
    if (hit !== MISS) return hit as A.pattern | null;
    const start = this.mark;
    return this.memoStore(Rule.star_pattern, start, this.starPatternBody());
  }

  private starPatternBody(): A.pattern | null {
    const start = this.mark;
    if (!this.expect('*')) return null;
    const t = this.attempt(() => this.patternCaptureTarget());
    if (t) return this.at(start, { _type: 'MatchStar', name: t }) as A.pattern;
    if (this.wildcardPattern()) return this.at(start, { _type: 'MatchStar', name: null }) as A.pattern;
    return null;
  }

  private mappingPattern(): A.pattern | null {
    const start = this.mark;
    if (!this.expect('{')) return null;
    if (this.expect('}')) return this.at(start, { _type: 'MatchMapping', keys: [], patterns: [], rest: null });
    const afterBrace = this.mark;
    const rest = this.attempt(() => this.doubleStarPattern());
    if (rest) {
      this.expect(',');
      if (this.expect('}')) return this.at(start, { _type: 'MatchMapping', keys: [], patterns: [], rest });
    }
    this.mark = afterBrace;
    const items = this.gather(',', () => this.keyValuePattern());
    if (!items) return null;
    const m = this.mark;
    if (this.expect(',')) {
      const r = this.attempt(() => this.doubleStarPattern());
      if (r) {
        this.expect(',');
        if (this.expect('}')) {
          return this.at(start, { _type: 'MatchMapping', keys: items.map((i) => i[0]), patterns: items.map((i) => i[1]), rest: r });
        }
      }
    }
    this.mark = m;
    this.expect(',');
    if (!this.expect('}')) return null;
    return this.at(start, { _type: 'MatchMapping', keys: items.map((i) => i[0]), patterns: items.map((i) => i[1]), rest: null });
  }

  private keyValuePattern(): [A.expr, A.pattern] | null {
    const key = this.attempt(() => this.literalExpr()) ?? this.attr();
    if (!key || !this.expect(':')) return null;
    const p = this.pattern();
    return p ? [key, p] : null;
  }

  private doubleStarPattern(): string | null {
    if (!this.expect('**')) return null;
    return this.patternCaptureTarget();
  }

  private classPattern(): A.pattern | null {
    const start = this.mark;
    const cls = this.nameOrAttr();
    if (!cls || !this.expect('(')) return null;
    const afterParen = this.mark;
    if (this.expect(')')) return this.matchClass(cls, [], [], start);
    const pos = this.attempt(() => this.gather(',', () => this.pattern()));
    if (pos) {
      const m = this.mark;
      this.expect(',');
      if (this.expect(')')) return this.matchClass(cls, pos, [], start);
      this.mark = m;
      if (this.expect(',')) {
        const kws = this.attempt(() => this.keywordPatterns());
        if (kws) {
          this.expect(',');
          if (this.expect(')')) return this.matchClass(cls, pos, kws, start);
        }
      }
    }
    this.mark = afterParen;
    const kws = this.attempt(() => this.keywordPatterns());
    if (kws) {
      this.expect(',');
      if (this.expect(')')) return this.matchClass(cls, [], kws, start);
    }
    if (this.callInvalidRules) {
      this.mark = afterParen;
      this.attempt(() => { const p = this.gather(',', () => this.pattern()); return p && this.expect(',') ? p : null; });
      if (this.keywordPatterns() && this.expect(',')) {
        const a = this.gather(',', () => this.pattern());
        if (a) this.raiseAtNode('positional patterns follow keyword patterns', a[0]!, a[a.length - 1]!);
      }
    }
    return null;
  }

  private matchClass(cls: A.expr, patterns: A.pattern[], kws: [string, A.pattern][], start: number): A.pattern {
    return this.at(start, { _type: 'MatchClass', cls, patterns, kwd_attrs: kws.map((k) => k[0]), kwd_patterns: kws.map((k) => k[1]) });
  }

  private keywordPatterns(): [string, A.pattern][] | null {
    return this.gather(',', () => {
      const n = this.name();
      if (!n || !this.expect('=')) return null;
      const p = this.pattern();
      return p ? [identifier(n.string), p] as [string, A.pattern] : null;
    });
  }
}
