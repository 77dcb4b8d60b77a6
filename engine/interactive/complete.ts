// Tab completion as IPython offers it: names in scope, attributes of live objects (through their
// MRO), module names after `import` / `from`, names a module exports after `from m import`, the
// string keys of a dict inside `d["`, and keywords. Each match carries the kind the front end
// shows (the type names of IPython's `_jupyter_types_experimental`). Positions are code points.
import type { Completion } from '../api.js';
import { PyObject, decref } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';
import { PyType } from '../objects/type.js';
import { PyFunction } from '../objects/function.js';
import { dictGetStr, dictItems, isDict } from '../objects/dict.js';
import { call, collect, getAttrOrNull } from '../objects/abstract.js';
import { None } from '../objects/singletons.js';
import { newTuple } from '../objects/tuple.js';
import { interp, importModuleLevel } from '../vm/imports.js';
import { evaluateQuiet, quietly, type UserScope } from './scope.js';

const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];

const FUNCTION_TYPES = new Set([
  'function', 'builtin_function_or_method', 'method', 'method_descriptor', 'wrapper_descriptor', 'method-wrapper',
  'classmethod_descriptor', 'classmethod', 'staticmethod',
]);
const PROPERTY_TYPES = new Set(['property', 'getset_descriptor', 'member_descriptor']);

interface Match {
  text: string;
  type: string;
}

const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const DOTTED = `${IDENT}(?:\\.${IDENT})*`;
const IMPORT_NAME = new RegExp(`^\\s*(?:import\\s+(?:${DOTTED}(?:\\s+as\\s+${IDENT})?\\s*,\\s*)*|from\\s+)((?:${DOTTED})?\\.?)$`, 'u');
const FROM_IMPORT = new RegExp(`^\\s*from\\s+(${DOTTED})\\s+import\\s+(?:\\(?\\s*)(?:${IDENT}(?:\\s+as\\s+${IDENT})?\\s*,\\s*)*(${IDENT})?$`, 'u');
const DICT_KEY = new RegExp(`(${DOTTED})\\s*\\[\\s*(['"])([^'"\\\\]*)$`, 'u');
const ATTRIBUTE = new RegExp(`(${DOTTED}|'[^'\\\\]*'|"[^"\\\\]*")\\.(${IDENT})?$`, 'u');
const NAME = new RegExp(`(${IDENT})?$`, 'u');

/** The kind of a value, in the words IPython's completer uses for the front end. */
export function kindOf(o: PyObject): string {
  if (o instanceof PyModule) return 'module';
  if (o instanceof PyType) return 'class';
  if (FUNCTION_TYPES.has(o.type.name)) return 'function';
  if (PROPERTY_TYPES.has(o.type.name)) return 'property';
  return 'instance';
}

/** IPython hides names starting with `_` unless the typed prefix starts with `_` too. */
function visible(name: string, prefix: string): boolean {
  return name.startsWith(prefix) && (prefix.startsWith('_') || !name.startsWith('_'));
}

export function completeCode(scope: UserScope, code: string, cursorPos: number): Completion {
  const chars = [...code];
  const end = Math.max(0, Math.min(cursorPos, chars.length));
  const before = chars.slice(0, end).join('');
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const after = chars.slice(end).join('');
  const { prefix, matches } = completions(scope, line, after);
  const sorted = [...new Map(matches.map((m) => [m.text, m])).values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return {
    matches: sorted.map((m) => m.text),
    cursorStart: end - [...prefix].length,
    cursorEnd: end,
    types: sorted.map((m) => m.type),
  };
}

function completions(scope: UserScope, line: string, after: string): { prefix: string; matches: Match[] } {
  const fromImport = FROM_IMPORT.exec(line);
  if (fromImport) {
    const prefix = fromImport[2] ?? '';
    return { prefix, matches: moduleMembers(fromImport[1]!, prefix) };
  }
  const importName = IMPORT_NAME.exec(line);
  if (importName) {
    const typed = importName[1]!;
    const dot = typed.lastIndexOf('.');
    return { prefix: typed.slice(dot + 1), matches: moduleNames(typed) };
  }
  const dictKey = DICT_KEY.exec(line);
  if (dictKey) {
    const [, expr, quote, prefix] = dictKey as unknown as [string, string, string, string];
    return { prefix, matches: dictKeys(scope, expr, quote, prefix, after) };
  }
  const attribute = ATTRIBUTE.exec(line);
  if (attribute) {
    const prefix = attribute[2] ?? '';
    return { prefix, matches: attributes(scope, attribute[1]!, prefix) };
  }
  const prefix = NAME.exec(line)?.[1] ?? '';
  if (prefix === '' && !/(^|[\s(\[{,=:+\-*/%<>!&|^~])$/.test(line)) return { prefix, matches: [] };
  return { prefix, matches: namesInScope(scope, prefix) };
}

function namesInScope(scope: UserScope, prefix: string): Match[] {
  const matches: Match[] = [];
  for (const d of [scope.globals, scope.builtins]) {
    for (const [k, v] of dictItems(d)) if (k instanceof PyStr && visible(k.value, prefix)) matches.push({ text: k.value, type: kindOf(v) });
  }
  for (const k of KEYWORDS) if (k.startsWith(prefix)) matches.push({ text: k, type: 'keyword' });
  return matches;
}

/** Every module an import can find: loaded ones and the ones the engine ships. */
function moduleNames(typed: string): Match[] {
  const dot = typed.lastIndexOf('.');
  const parent = dot >= 0 ? typed.slice(0, dot + 1) : '';
  const prefix = typed.slice(dot + 1);
  const names = new Set<string>([...interp.nativeModules.keys(), ...interp.sourceModules.keys()]);
  for (const [k] of dictItems(interp.modules)) if (k instanceof PyStr) names.add(k.value);
  const matches: Match[] = [];
  for (const name of names) {
    if (!name.startsWith(parent)) continue;
    const rest = name.slice(parent.length);
    const part = rest.split('.')[0]!;
    if (visible(part, prefix)) matches.push({ text: part, type: 'module' });
  }
  return matches;
}

/** `from m import pre`: what the module defines (IPython imports it to look) and its submodules. */
function moduleMembers(moduleName: string, prefix: string): Match[] {
  const matches = moduleNames(`${moduleName}.${prefix}`);
  // A non-empty fromlist makes the import return the submodule itself, not its top package.
  const fromlist = newTuple([newStr('*')]);
  const m = quietly<PyObject | null>(null, () => importModuleLevel(moduleName, null, fromlist, 0));
  decref(fromlist);
  if (!m) return matches;
  if (m instanceof PyModule) {
    for (const [k, v] of dictItems(m.dict)) if (k instanceof PyStr && visible(k.value, prefix)) matches.push({ text: k.value, type: kindOf(v) });
  }
  decref(m);
  return matches;
}

function dictKeys(scope: UserScope, expr: string, quote: string, prefix: string, after: string): Match[] {
  const d = evaluateQuiet(scope, expr);
  if (!d) return [];
  const matches: Match[] = [];
  if (isDict(d)) {
    // IPython closes the string and the subscript unless the text after the cursor already does.
    const closing = after.startsWith(quote) ? '' : after.trimStart().startsWith(']') ? quote : `${quote}]`;
    for (const [k] of dictItems(d)) {
      if (k instanceof PyStr && k.value.startsWith(prefix) && !k.value.includes(quote)) matches.push({ text: k.value + closing, type: 'dict key' });
    }
  }
  decref(d);
  return matches;
}

function attributes(scope: UserScope, expr: string, prefix: string): Match[] {
  const target = evaluateQuiet(scope, expr);
  if (!target) return [];
  try {
    return dirOf(scope, target).filter((name) => visible(name, prefix)).map((name) => ({ text: name, type: attributeKind(target, name) }));
  } finally {
    decref(target);
  }
}

/** dir(o) through the builtin, which walks the MRO of classes and instances. */
function dirOf(scope: UserScope, o: PyObject): string[] {
  const dir = dictGetStr(scope.builtins, 'dir');
  if (!dir) return [];
  return quietly<string[]>([], () => {
    const r = call(dir, [o]);
    const items = collect(r);
    decref(r);
    const names = items.filter((x): x is PyStr => x instanceof PyStr).map((x) => x.value);
    for (const x of items) decref(x);
    return names;
  });
}

/** The kind of `o.name`, found without running properties or other descriptors (as jedi does). */
function attributeKind(o: PyObject, name: string): string {
  if (o instanceof PyModule) {
    const v = dictGetStr(o.dict, name);
    return v ? kindOf(v) : 'statement';
  }
  const types = o instanceof PyType ? o.mro : o.type.mro;
  for (const t of types) {
    const v = t.dict.get(name);
    if (v) return v instanceof PyFunction ? 'function' : kindOf(v);
  }
  const dict = quietly<PyObject | null>(null, () => getAttrOrNull(o, '__dict__'));
  if (!dict) return 'statement';
  const v = isDict(dict) ? dictGetStr(dict, name) : null;
  decref(dict);
  return v && v !== None ? kindOf(v) : v === None ? 'instance' : 'statement';
}
