// Assignment and deletion target rules of Grammar/python.gram (3.11), and the helpers the
// invalid_* rules use to name what cannot be assigned to.

import * as A from './ast.js';
import { Ctx, Operators } from './ast.js';
import { identifier, MISS, Rule } from './parser-base.js';
import { ParameterParser } from './parameters.js';
import { TokenType } from './tokens.js';
import { exprName, invalidTarget, setContext, type TargetsType } from './target-checks.js';

const AUGASSIGN: Record<string, A.operator> = {
  '+=': Operators.Add, '-=': Operators.Sub, '*=': Operators.Mult, '@=': Operators.MatMult, '/=': Operators.Div,
  '%=': Operators.Mod, '&=': Operators.BitAnd, '|=': Operators.BitOr, '^=': Operators.BitXor, '<<=': Operators.LShift,
  '>>=': Operators.RShift, '**=': Operators.Pow, '//=': Operators.FloorDiv,
};

export abstract class TargetParser extends ParameterParser {
  starTargets(): A.expr | null {
    return this.commaTuple(() => this.starTarget(), Ctx.Store);
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

  /** t_primary: a primary that is followed by one more trailer. Left-recursive, so memoized in
   *  CPython; the assignment alternatives ask for it several times at one token. */
  tPrimary(): A.expr | null {
    const hit = this.memoHit(Rule.t_primary);
    if (hit !== MISS) return hit as A.expr | null;
    const start = this.mark;
    return this.memoStore(Rule.t_primary, start, this.tPrimaryBody());
  }

  private tPrimaryBody(): A.expr | null {
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
