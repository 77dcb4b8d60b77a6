// Parameter rules of Grammar/python.gram (3.11) for `def` and `lambda`, with their invalid_* rules.

import type * as A from './ast.js';
import { CallParser } from './calls.js';
import { identifier } from './parser-base.js';

interface NameDefault { arg: A.arg; value: A.expr | null }
interface StarEtc { vararg: A.arg | null; kwonly: NameDefault[]; kwarg: A.arg | null }
interface SlashWithDefault { plain: A.arg[]; withDefaults: NameDefault[] }

export abstract class ParameterParser extends CallParser {
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
