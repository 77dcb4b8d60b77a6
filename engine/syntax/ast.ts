// The abstract syntax tree of CPython 3.11 (Parser/Python.asdl), one interface per node class.
// `_type` holds the CPython class name; every other field has CPython's name and meaning, so the
// compiler and a future `ast` module can follow CPython's code field for field.
//
// Positions are CPython's: `lineno`/`end_lineno` 1-based, `col_offset`/`end_col_offset` 0-based
// offsets in UTF-8 BYTES of the line (use `byteColumnToCharColumn` to get a character column).

/** Source span carried by statements, expressions, patterns, handlers, args, keywords, aliases. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// ---------------------------------------------------------------- constants

/** The `...` singleton as a Constant value. */
export const Ellipsis: { readonly _constant: 'Ellipsis' } = Object.freeze({ _constant: 'Ellipsis' as const });

/** The value of a complex literal such as `2j`: CPython stores complex(0.0, imag). */
export class ImaginaryValue {
  constructor(readonly imag: number) {}
}

/**
 * What `Constant.value` holds. The JS type tells the Python type apart without ambiguity:
 *   None -> null, True/False -> boolean, Ellipsis -> `Ellipsis`,
 *   int -> bigint (always, whatever its size: ints and floats must never be confused),
 *   float -> number, complex -> ImaginaryValue, str -> string (may hold lone surrogates, as Python's),
 *   bytes -> Uint8Array.
 */
export type ConstantValue = null | boolean | typeof Ellipsis | bigint | number | ImaginaryValue | string | Uint8Array;

// ---------------------------------------------------------------- simple sums (singletons)

export type ExprContextName = 'Load' | 'Store' | 'Del';
export type BoolOpName = 'And' | 'Or';
export type OperatorName =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOpName = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpName = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface expr_context { readonly _type: ExprContextName }
export interface boolop { readonly _type: BoolOpName }
export interface operator { readonly _type: OperatorName }
export interface unaryop { readonly _type: UnaryOpName }
export interface cmpop { readonly _type: CmpOpName }

function singletons<N extends string>(names: readonly N[]): { readonly [K in N]: { readonly _type: K } } {
  const out: Record<string, { _type: string }> = {};
  for (const n of names) out[n] = Object.freeze({ _type: n });
  return out as { readonly [K in N]: { readonly _type: K } };
}

/** Shared instances of the field-less node classes (CPython shares them too). */
export const Ctx = singletons<ExprContextName>(['Load', 'Store', 'Del']);
export const BoolOps = singletons<BoolOpName>(['And', 'Or']);
export const Operators = singletons<OperatorName>([
  'Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv',
]);
export const UnaryOps = singletons<UnaryOpName>(['Invert', 'Not', 'UAdd', 'USub']);
export const CmpOps = singletons<CmpOpName>(['Eq', 'NotEq', 'Lt', 'LtE', 'Gt', 'GtE', 'Is', 'IsNot', 'In', 'NotIn']);

// ---------------------------------------------------------------- mod

export interface Module { _type: 'Module'; body: stmt[]; type_ignores: TypeIgnore[] }
export interface Interactive { _type: 'Interactive'; body: stmt[] }
export interface Expression { _type: 'Expression'; body: expr }
export type mod = Module | Interactive | Expression;

// ---------------------------------------------------------------- stmt

export interface FunctionDef extends Located {
  _type: 'FunctionDef'; name: string; args: arguments; body: stmt[]; decorator_list: expr[];
  returns: expr | null; type_comment: string | null;
}
export interface AsyncFunctionDef extends Located {
  _type: 'AsyncFunctionDef'; name: string; args: arguments; body: stmt[]; decorator_list: expr[];
  returns: expr | null; type_comment: string | null;
}
export interface ClassDef extends Located {
  _type: 'ClassDef'; name: string; bases: expr[]; keywords: keyword[]; body: stmt[]; decorator_list: expr[];
}
export interface Return extends Located { _type: 'Return'; value: expr | null }
export interface Delete extends Located { _type: 'Delete'; targets: expr[] }
export interface Assign extends Located { _type: 'Assign'; targets: expr[]; value: expr; type_comment: string | null }
export interface AugAssign extends Located { _type: 'AugAssign'; target: expr; op: operator; value: expr }
/** `simple` is 1 when the target is a bare name not in parentheses, else 0. */
export interface AnnAssign extends Located { _type: 'AnnAssign'; target: expr; annotation: expr; value: expr | null; simple: number }
export interface For extends Located { _type: 'For'; target: expr; iter: expr; body: stmt[]; orelse: stmt[]; type_comment: string | null }
export interface AsyncFor extends Located { _type: 'AsyncFor'; target: expr; iter: expr; body: stmt[]; orelse: stmt[]; type_comment: string | null }
export interface While extends Located { _type: 'While'; test: expr; body: stmt[]; orelse: stmt[] }
export interface If extends Located { _type: 'If'; test: expr; body: stmt[]; orelse: stmt[] }
export interface With extends Located { _type: 'With'; items: withitem[]; body: stmt[]; type_comment: string | null }
export interface AsyncWith extends Located { _type: 'AsyncWith'; items: withitem[]; body: stmt[]; type_comment: string | null }
export interface Match extends Located { _type: 'Match'; subject: expr; cases: match_case[] }
export interface Raise extends Located { _type: 'Raise'; exc: expr | null; cause: expr | null }
export interface Try extends Located { _type: 'Try'; body: stmt[]; handlers: ExceptHandler[]; orelse: stmt[]; finalbody: stmt[] }
export interface TryStar extends Located { _type: 'TryStar'; body: stmt[]; handlers: ExceptHandler[]; orelse: stmt[]; finalbody: stmt[] }
export interface Assert extends Located { _type: 'Assert'; test: expr; msg: expr | null }
export interface Import extends Located { _type: 'Import'; names: alias[] }
export interface ImportFrom extends Located { _type: 'ImportFrom'; module: string | null; names: alias[]; level: number }
export interface Global extends Located { _type: 'Global'; names: string[] }
export interface Nonlocal extends Located { _type: 'Nonlocal'; names: string[] }
export interface Expr extends Located { _type: 'Expr'; value: expr }
export interface Pass extends Located { _type: 'Pass' }
export interface Break extends Located { _type: 'Break' }
export interface Continue extends Located { _type: 'Continue' }

export type stmt =
  | FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert
  | Import | ImportFrom | Global | Nonlocal | Expr | Pass | Break | Continue;

// ---------------------------------------------------------------- expr

export interface BoolOp extends Located { _type: 'BoolOp'; op: boolop; values: expr[] }
export interface NamedExpr extends Located { _type: 'NamedExpr'; target: Name; value: expr }
export interface BinOp extends Located { _type: 'BinOp'; left: expr; op: operator; right: expr }
export interface UnaryOp extends Located { _type: 'UnaryOp'; op: unaryop; operand: expr }
export interface Lambda extends Located { _type: 'Lambda'; args: arguments; body: expr }
export interface IfExp extends Located { _type: 'IfExp'; test: expr; body: expr; orelse: expr }
/** A null key stands for a `**mapping` entry, as in CPython. */
export interface Dict extends Located { _type: 'Dict'; keys: (expr | null)[]; values: expr[] }
export interface Set extends Located { _type: 'Set'; elts: expr[] }
export interface ListComp extends Located { _type: 'ListComp'; elt: expr; generators: comprehension[] }
export interface SetComp extends Located { _type: 'SetComp'; elt: expr; generators: comprehension[] }
export interface DictComp extends Located { _type: 'DictComp'; key: expr; value: expr; generators: comprehension[] }
export interface GeneratorExp extends Located { _type: 'GeneratorExp'; elt: expr; generators: comprehension[] }
export interface Await extends Located { _type: 'Await'; value: expr }
export interface Yield extends Located { _type: 'Yield'; value: expr | null }
export interface YieldFrom extends Located { _type: 'YieldFrom'; value: expr }
export interface Compare extends Located { _type: 'Compare'; left: expr; ops: cmpop[]; comparators: expr[] }
export interface Call extends Located { _type: 'Call'; func: expr; args: expr[]; keywords: keyword[] }
/** `conversion` is -1 (none) or the code point of 's', 'r' or 'a'. */
export interface FormattedValue extends Located { _type: 'FormattedValue'; value: expr; conversion: number; format_spec: JoinedStr | null }
export interface JoinedStr extends Located { _type: 'JoinedStr'; values: (Constant | FormattedValue)[] }
/** `kind` is 'u' for a string literal written with the u prefix, else null. */
export interface Constant extends Located { _type: 'Constant'; value: ConstantValue; kind: string | null }
export interface Attribute extends Located { _type: 'Attribute'; value: expr; attr: string; ctx: expr_context }
export interface Subscript extends Located { _type: 'Subscript'; value: expr; slice: expr; ctx: expr_context }
export interface Starred extends Located { _type: 'Starred'; value: expr; ctx: expr_context }
export interface Name extends Located { _type: 'Name'; id: string; ctx: expr_context }
export interface List extends Located { _type: 'List'; elts: expr[]; ctx: expr_context }
export interface Tuple extends Located { _type: 'Tuple'; elts: expr[]; ctx: expr_context }
export interface Slice extends Located { _type: 'Slice'; lower: expr | null; upper: expr | null; step: expr | null }

export type expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp
  | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant
  | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// ---------------------------------------------------------------- helpers of statements and expressions

/** `is_async` is 1 for `async for` inside a comprehension, else 0. */
export interface comprehension { _type: 'comprehension'; target: expr; iter: expr; ifs: expr[]; is_async: number }
export interface ExceptHandler extends Located { _type: 'ExceptHandler'; type: expr | null; name: string | null; body: stmt[] }
export type excepthandler = ExceptHandler;
/** `kw_defaults` has one entry per kwonlyarg, null where that argument has no default. */
export interface arguments {
  _type: 'arguments';
  posonlyargs: arg[]; args: arg[]; vararg: arg | null; kwonlyargs: arg[];
  kw_defaults: (expr | null)[]; kwarg: arg | null; defaults: expr[];
}
export interface arg extends Located { _type: 'arg'; arg: string; annotation: expr | null; type_comment: string | null }
/** A null `arg` stands for `**mapping` in a call. */
export interface keyword extends Located { _type: 'keyword'; arg: string | null; value: expr }
export interface alias extends Located { _type: 'alias'; name: string; asname: string | null }
export interface withitem { _type: 'withitem'; context_expr: expr; optional_vars: expr | null }
export interface match_case { _type: 'match_case'; pattern: pattern; guard: expr | null; body: stmt[] }

// ---------------------------------------------------------------- patterns

export interface MatchValue extends Located { _type: 'MatchValue'; value: expr }
/** value is null (None), true or false. */
export interface MatchSingleton extends Located { _type: 'MatchSingleton'; value: null | boolean }
export interface MatchSequence extends Located { _type: 'MatchSequence'; patterns: pattern[] }
export interface MatchMapping extends Located { _type: 'MatchMapping'; keys: expr[]; patterns: pattern[]; rest: string | null }
export interface MatchClass extends Located { _type: 'MatchClass'; cls: expr; patterns: pattern[]; kwd_attrs: string[]; kwd_patterns: pattern[] }
export interface MatchStar extends Located { _type: 'MatchStar'; name: string | null }
export interface MatchAs extends Located { _type: 'MatchAs'; pattern: pattern | null; name: string | null }
export interface MatchOr extends Located { _type: 'MatchOr'; patterns: pattern[] }

export type pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;

export interface TypeIgnore { _type: 'TypeIgnore'; lineno: number; tag: string }
export type type_ignore = TypeIgnore;

/** Any node of the tree. */
export type AST =
  | mod | stmt | expr | expr_context | boolop | operator | unaryop | cmpop | comprehension
  | ExceptHandler | arguments | arg | keyword | alias | withitem | match_case | pattern | TypeIgnore;

/** A node class's `_fields` and `_attributes`, in CPython's order (what `ast.dump` walks). */
export interface NodeShape { fields: readonly string[]; attributes: readonly string[]; optional: readonly string[] }

const POS = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'] as const;
function shape(fields: string, attributes: readonly string[] = [], optional = ''): NodeShape {
  const split = (s: string) => (s ? s.split(' ') : []);
  return { fields: split(fields), attributes, optional: split(optional) };
}

// Fields marked `?` in Python.asdl are optional: ast.dump leaves them out when they are None.
export const NODE_SHAPES: Readonly<Record<string, NodeShape>> = {
  Module: shape('body type_ignores'), Interactive: shape('body'), Expression: shape('body'),
  FunctionDef: shape('name args body decorator_list returns type_comment', POS, 'returns type_comment'),
  AsyncFunctionDef: shape('name args body decorator_list returns type_comment', POS, 'returns type_comment'),
  ClassDef: shape('name bases keywords body decorator_list', POS),
  Return: shape('value', POS, 'value'), Delete: shape('targets', POS),
  Assign: shape('targets value type_comment', POS, 'type_comment'),
  AugAssign: shape('target op value', POS), AnnAssign: shape('target annotation value simple', POS, 'value'),
  For: shape('target iter body orelse type_comment', POS, 'type_comment'),
  AsyncFor: shape('target iter body orelse type_comment', POS, 'type_comment'),
  While: shape('test body orelse', POS), If: shape('test body orelse', POS),
  With: shape('items body type_comment', POS, 'type_comment'), AsyncWith: shape('items body type_comment', POS, 'type_comment'),
  Match: shape('subject cases', POS), Raise: shape('exc cause', POS, 'exc cause'),
  Try: shape('body handlers orelse finalbody', POS), TryStar: shape('body handlers orelse finalbody', POS),
  Assert: shape('test msg', POS, 'msg'), Import: shape('names', POS),
  ImportFrom: shape('module names level', POS, 'module level'),
  Global: shape('names', POS), Nonlocal: shape('names', POS), Expr: shape('value', POS),
  Pass: shape('', POS), Break: shape('', POS), Continue: shape('', POS),
  BoolOp: shape('op values', POS), NamedExpr: shape('target value', POS), BinOp: shape('left op right', POS),
  UnaryOp: shape('op operand', POS), Lambda: shape('args body', POS), IfExp: shape('test body orelse', POS),
  Dict: shape('keys values', POS), Set: shape('elts', POS), ListComp: shape('elt generators', POS),
  SetComp: shape('elt generators', POS), DictComp: shape('key value generators', POS),
  GeneratorExp: shape('elt generators', POS), Await: shape('value', POS), Yield: shape('value', POS, 'value'),
  YieldFrom: shape('value', POS), Compare: shape('left ops comparators', POS), Call: shape('func args keywords', POS),
  FormattedValue: shape('value conversion format_spec', POS, 'format_spec'), JoinedStr: shape('values', POS),
  Constant: shape('value kind', POS, 'kind'), Attribute: shape('value attr ctx', POS),
  Subscript: shape('value slice ctx', POS), Starred: shape('value ctx', POS), Name: shape('id ctx', POS),
  List: shape('elts ctx', POS), Tuple: shape('elts ctx', POS), Slice: shape('lower upper step', POS, 'lower upper step'),
  comprehension: shape('target iter ifs is_async'),
  ExceptHandler: shape('type name body', POS, 'type name'),
  arguments: shape('posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults', [], 'vararg kwarg'),
  arg: shape('arg annotation type_comment', POS, 'annotation type_comment'),
  keyword: shape('arg value', POS, 'arg'), alias: shape('name asname', POS, 'asname'),
  withitem: shape('context_expr optional_vars', [], 'optional_vars'),
  match_case: shape('pattern guard body', [], 'guard'),
  MatchValue: shape('value', POS), MatchSingleton: shape('value', POS), MatchSequence: shape('patterns', POS),
  MatchMapping: shape('keys patterns rest', POS, 'rest'), MatchClass: shape('cls patterns kwd_attrs kwd_patterns', POS),
  MatchStar: shape('name', POS, 'name'), MatchAs: shape('pattern name', POS, 'pattern name'), MatchOr: shape('patterns', POS),
  TypeIgnore: shape('lineno tag'),
};

// ---------------------------------------------------------------- columns

/**
 * Converts a 0-based UTF-8 byte offset into `line` to a 0-based character (code point) offset,
 * as Parser/pegen.c _PyPegen_byte_offset_to_character_offset does: it decodes the first bytes
 * with "replace", so an offset inside a multi-byte character counts that character, and an offset
 * past the end counts at most one more (the terminating NUL it reads).
 */
export function byteColumnToCharColumn(line: string, byteCol: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteCol) break;
    bytes += utf8Length(ch.codePointAt(0)!);
    chars++;
  }
  return bytes < byteCol ? chars + 1 : chars;
}

/** UTF-8 length of one code point (lone surrogates count 3, as CPython's surrogatepass would). */
export function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
