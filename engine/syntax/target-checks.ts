// What the invalid_* rules need to know about targets: which part of an expression cannot be
// assigned to or deleted, and what messages call it (Parser/pegen.c, Parser/action_helpers.c).

import * as A from './ast.js';

export type TargetsType = 'star' | 'del' | 'for';

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
