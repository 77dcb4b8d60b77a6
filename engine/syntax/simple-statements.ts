// Simple statement rules of Grammar/python.gram (3.11): assignments, return, raise, del, assert,
// import, global and nonlocal, with their invalid_* rules.

import type * as A from './ast.js';
import { Ctx } from './ast.js';
import { identifier } from './parser-base.js';
import { PatternParser } from './patterns.js';
import { exprName } from './target-checks.js';
import { TokenType } from './tokens.js';

export abstract class SimpleStatementParser extends PatternParser {
  protected assignment(): A.stmt | null {
    const start = this.mark;
    // NAME ':' expression ['=' annotated_rhs]
    const n = this.name();
    if (n && this.expect(':')) {
      const b = this.expression();
      if (b) {
        const c = this.annotatedValue();
        return this.at(start, { _type: 'AnnAssign', target: this.nameNode(n, Ctx.Store), annotation: b, value: c, simple: 1 });
      }
    }
    this.mark = start;
    const target = this.attempt(() => {
      if (this.expect('(')) {
        const t = this.singleTarget();
        return t && this.expect(')') ? t : null;
      }
      return null;
    }) ?? this.attempt(() => this.subscriptAttributeTarget(Ctx.Store));
    if (target && this.expect(':')) {
      const b = this.expression();
      if (b) {
        const c = this.annotatedValue();
        return this.at(start, { _type: 'AnnAssign', target, annotation: b, value: c, simple: 0 });
      }
    }
    this.mark = start;
    const targets: A.expr[] = [];
    for (;;) {
      const m = this.mark;
      const z = this.starTargets();
      if (!z || !this.expect('=')) { this.mark = m; break; }
      targets.push(z);
    }
    if (targets.length) {
      const b = this.attempt(() => this.yieldExpr()) ?? this.attempt(() => this.starExpressions());
      if (b && !this.check('=')) return this.at(start, { _type: 'Assign', targets, value: b, type_comment: null });
    }
    this.mark = start;
    const st = this.singleTarget();
    if (st) {
      const op = this.augassign();
      if (op) {
        const c = this.attempt(() => this.yieldExpr()) ?? this.attempt(() => this.starExpressions());
        if (!c) return null; // cut
        return this.at(start, { _type: 'AugAssign', target: st, op, value: c });
      }
    }
    this.mark = start;
    if (this.callInvalidRules) this.invalidAssignment();
    return null;
  }

  private annotatedValue(): A.expr | null {
    const m = this.mark;
    if (this.expect('=')) {
      const d = this.attempt(() => this.yieldExpr()) ?? this.attempt(() => this.starExpressions());
      if (d) return d;
    }
    this.mark = m;
    return null;
  }

  private invalidAnnAssignTarget(): A.expr | null {
    const l = this.attempt(() => this.list()) ?? this.attempt(() => this.tuple());
    if (l) return l;
    const start = this.mark;
    if (this.expect('(')) {
      const a = this.invalidAnnAssignTarget();
      if (a && this.expect(')')) return a;
    }
    this.mark = start;
    return null;
  }

  private invalidAssignment(): null {
    const start = this.mark;
    const a = this.invalidAnnAssignTarget();
    if (a && this.expect(':') && this.expression()) {
      this.raiseAtNode(`only single target (not ${exprName(a)}) can be annotated`, a);
    }
    this.mark = start;
    const b = this.starNamedExpression();
    if (b && this.expect(',')) {
      this.loop(() => this.starNamedExpressions());
      if (this.expect(':') && this.expression()) this.raiseAtNode('only single target (not tuple) can be annotated', b);
    }
    this.mark = start;
    const c = this.expression();
    if (c && this.expect(':') && this.expression()) this.raiseAtNode('illegal target for annotation', c);
    this.mark = start;
    this.loop(() => { const z = this.starTargets(); return z && this.expect('=') ? z : null; });
    const d = this.starExpressions();
    if (d && this.expect('=')) this.raiseInvalidTarget('star', d);
    this.mark = start;
    this.loop(() => { const z = this.starTargets(); return z && this.expect('=') ? z : null; });
    const y = this.yieldExpr();
    if (y && this.expect('=')) this.raiseAtNode('assignment to yield expression not possible', y);
    this.mark = start;
    const e = this.starExpressions();
    if (e && this.augassign() && (this.attempt(() => this.yieldExpr()) ?? this.starExpressions())) {
      this.raiseAtNode(`'${exprName(e)}' is an illegal expression for augmented assignment`, e);
    }
    this.mark = start;
    return null;
  }

  protected returnStmt(): A.stmt | null {
    const start = this.mark;
    this.mark++;
    const a = this.attempt(() => this.starExpressions());
    return this.at(start, { _type: 'Return', value: a });
  }

  protected raiseStmt(): A.stmt | null {
    const start = this.mark;
    this.mark++;
    const a = this.attempt(() => this.expression());
    if (a) {
      let cause: A.expr | null = null;
      const m = this.mark;
      if (this.expect('from')) {
        cause = this.expression();
        if (!cause) this.mark = m;
      }
      return this.at(start, { _type: 'Raise', exc: a, cause });
    }
    return this.at(start, { _type: 'Raise', exc: null, cause: null });
  }

  protected delStmt(): A.stmt | null {
    const start = this.mark;
    this.mark++;
    const a = this.attempt(() => this.delTargets());
    if (a && (this.check(';') || this.peek().type === TokenType.NEWLINE)) return this.at(start, { _type: 'Delete', targets: a });
    if (this.callInvalidRules) {
      this.mark = start + 1;
      const e = this.starExpressions();
      if (e) this.raiseInvalidTarget('del', e);
    }
    return null;
  }

  protected assertStmt(): A.stmt | null {
    const start = this.mark;
    this.mark++;
    const a = this.expression();
    if (!a) return null;
    let msg: A.expr | null = null;
    const m = this.mark;
    if (this.expect(',')) {
      msg = this.expression();
      if (!msg) this.mark = m;
    }
    return this.at(start, { _type: 'Assert', test: a, msg });
  }

  protected importStmt(): A.stmt | null {
    const start = this.mark;
    if (this.expect('import')) {
      const names = this.gather(',', () => this.dottedAsName());
      return names ? this.at(start, { _type: 'Import', names }) : null;
    }
    this.mark++;
    let level = 0;
    for (;;) {
      if (this.expect('.')) level++;
      else if (this.expect('...')) level += 3;
      else break;
    }
    const afterDots = this.mark;
    const module = this.attempt(() => this.dottedName());
    if (module !== null && this.expect('import')) {
      const names = this.importFromTargets();
      return names ? this.at(start, { _type: 'ImportFrom', module, names, level }) : null;
    }
    this.mark = afterDots;
    if (level > 0 && this.expect('import')) {
      const names = this.importFromTargets();
      return names ? this.at(start, { _type: 'ImportFrom', module: null, names, level }) : null;
    }
    return null;
  }

  private importFromTargets(): A.alias[] | null {
    const start = this.mark;
    if (this.expect('(')) {
      const a = this.gather(',', () => this.importFromAsName());
      if (a) {
        this.expect(',');
        if (this.expect(')')) return a;
      }
      this.mark = start;
    }
    const b = this.gather(',', () => this.importFromAsName());
    if (b && !this.check(',')) return b;
    this.mark = start;
    if (this.expect('*')) return [this.at(start, { _type: 'alias', name: '*', asname: null })];
    if (this.callInvalidRules) {
      if (this.gather(',', () => this.importFromAsName()) && this.expect(',') && this.expectType(TokenType.NEWLINE)) {
        this.raiseAtLastToken('SyntaxError', 'trailing comma not allowed without surrounding parentheses');
      }
      this.mark = start;
    }
    return null;
  }

  private importFromAsName(): A.alias | null {
    const start = this.mark;
    const a = this.name();
    if (!a) return null;
    const asname = this.asName();
    return this.at(start, { _type: 'alias', name: identifier(a.string), asname });
  }

  protected asName(): string | null {
    const m = this.mark;
    if (this.expect('as')) {
      const z = this.name();
      if (z) return identifier(z.string);
    }
    this.mark = m;
    return null;
  }

  private dottedAsName(): A.alias | null {
    const start = this.mark;
    const a = this.dottedName();
    if (a === null) return null;
    const asname = this.asName();
    return this.at(start, { _type: 'alias', name: a, asname });
  }

  private dottedName(): string | null {
    const a = this.name();
    if (!a) return null;
    let s = identifier(a.string);
    for (;;) {
      const m = this.mark;
      if (!this.expect('.')) break;
      const b = this.name();
      if (!b) { this.mark = m; break; }
      s += '.' + identifier(b.string);
    }
    return s;
  }
}
