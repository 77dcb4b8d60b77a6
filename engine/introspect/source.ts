// A function's source and the lines where its statements begin, read from the source the engine
// compiled (linecache), for %mprun's line-by-line report.
import type { FunctionSource } from '../api.js';
import type * as A from '../syntax/ast.js';
import { byteColumnToCharColumn } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';
import { linecache } from '../vm/linecache.js';
import type { PyFunction } from '../objects/function.js';
import { valueError } from '../objects/exceptions.js';

type Node = { _type: string; lineno?: number; col_offset?: number; end_lineno?: number; [key: string]: unknown };
type Def = A.FunctionDef | A.AsyncFunctionDef;

const STATEMENT_LISTS = ['body', 'orelse', 'finalbody'];
const SCOPES = new Set(['FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Lambda']);
const LOOPS = new Set(['For', 'AsyncFor', 'While']);

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && typeof (x as Node)._type === 'string';
}

/** Every node under `node`, not entering nested scopes when `stopAtScopes`. */
function* walk(node: Node, stopAtScopes: boolean): Generator<{ node: Node; statement: boolean }> {
  for (const [key, value] of Object.entries(node)) {
    const items = Array.isArray(value) ? value : [value];
    for (const child of items) {
      if (!isNode(child)) continue;
      yield { node: child, statement: Array.isArray(value) && STATEMENT_LISTS.includes(key) };
      if (!(stopAtScopes && SCOPES.has(child._type))) yield* walk(child, stopAtScopes);
    }
  }
}

function firstLine(def: Def): number {
  return def.decorator_list[0]?.lineno ?? def.lineno;
}

export function functionSource(f: PyFunction): FunctionSource {
  const code = f.code;
  const source = linecache.get(code.filename);
  if (source === undefined) throw valueError(`no source for ${code.name}: ${code.filename} was not compiled from text`);
  const module = parse(source, code.filename, 'exec') as unknown as Node;
  const def = [...walk(module, false)]
    .map((x) => x.node as unknown as Def)
    .find((n) => (n._type === 'FunctionDef' || n._type === 'AsyncFunctionDef') && n.name === code.name && firstLine(n) === code.firstlineno);
  if (!def) throw valueError(`cannot find the definition of ${code.name} in ${code.filename}`);
  const text = source.split('\n');
  const nodes = [...walk(def as unknown as Node, true)];
  const loopBodies = new Map<Node, number>();
  for (const { node } of nodes) {
    const body = LOOPS.has(node._type) ? (node['body'] as Node[])[0] : undefined;
    if (body) loopBodies.set(body, node.lineno!);
  }
  const statements = nodes
    .filter((x) => x.statement && x.node.lineno !== undefined)
    .map(({ node }) => {
      const line = text[node.lineno! - 1] ?? '';
      const header = loopBodies.get(node);
      return { line: node.lineno!, col: byteColumnToCharColumn(line, node.col_offset ?? 0), indent: line.length - line.trimStart().length, ...(header ? { loopHeader: header } : {}) };
    })
    .filter((s) => s.col === s.indent)
    .map(({ indent: _indent, ...s }) => s);
  const start = firstLine(def);
  return { name: code.name, filename: code.filename, firstLine: start, lines: text.slice(start - 1, def.end_lineno), statements };
}
