// `obj?`, `obj??` and Shift+Tab as IPython's object inspector (IPython/core/oinspect.py) shows
// them: signature, docstring, type, string form, length, file, and with detail level 1 the source
// of functions and classes defined in cells (from the engine's linecache). Being a memory lab,
// every object also shows its size (sys.getsizeof) and its reference count.
import type { Inspection } from '../api.js';
import { PyObject, decref } from '../objects/object.js';
import { PyStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';
import { PyType } from '../objects/type.js';
import { PyFunction } from '../objects/function.js';
import { PyMethod } from '../objects/method.js';
import { PyCFunction, PyMethodDescr, PyClassMethodDescr } from '../objects/descr.js';
import { PyTuple } from '../objects/tuple.js';
import { CodeFlags, type PyCode } from '../objects/code.js';
import { dictGetStr, isDict } from '../objects/dict.js';
import { None } from '../objects/singletons.js';
import { getAttrOrNull, length, reprString, strString } from '../objects/abstract.js';
import { getsizeof } from '../stdlib/sys.js';
import { linecache } from '../vm/linecache.js';
import { evaluateQuiet, quietly, type UserScope } from './scope.js';

/** IPython's header colour for field titles. */
const header = (title: string): string => `\x1b[0;31m${title}\x1b[0m`;
/** oinspect's string_max: longer string forms keep their two ends. */
const STRING_MAX = 200;

type Field = [string, string];

const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const DOTTED_AT_END = new RegExp(`${IDENT}(?:\\.${IDENT})*$`, 'u');
const IDENT_START = new RegExp(`^[\\p{L}\\p{N}_]*`, 'u');

/** The dotted name under the cursor, or, inside a call's parentheses, the name of what is called. */
export function nameAtCursor(code: string, cursorPos: number): string {
  const chars = [...code];
  const end = Math.max(0, Math.min(cursorPos, chars.length));
  const before = chars.slice(0, end).join('');
  const rest = IDENT_START.exec(chars.slice(end).join(''))?.[0] ?? '';
  const here = DOTTED_AT_END.exec(before + rest)?.[0];
  if (here && (rest !== '' || DOTTED_AT_END.test(before))) return here;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i]!;
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return DOTTED_AT_END.exec(before.slice(0, i).trimEnd())?.[0] ?? '';
      depth--;
    }
  }
  return '';
}

export function inspectCode(scope: UserScope, code: string, cursorPos: number, detailLevel: 0 | 1): Inspection {
  const name = nameAtCursor(code, cursorPos);
  if (!name) return { found: false, data: {} };
  const value = evaluateQuiet(scope, name);
  if (!value) return { found: false, data: {} };
  try {
    return { found: true, data: { 'text/plain': formatFields(describe(name, value, detailLevel)) } };
  } finally {
    decref(value);
  }
}

/** oinspect's _format_fields_str: titles padded to one width, multi-line values below their title. */
function formatFields(fields: Field[]): string {
  const width = Math.max(...fields.map(([title]) => title.length)) + 2;
  return fields
    .map(([title, content]) => (content.includes('\n') ? `${header(`${title}:`)}\n${content}` : header(`${title}:`.padEnd(width)) + content))
    .join('\n');
}

function describe(name: string, o: PyObject, detailLevel: 0 | 1): Field[] {
  const fields: Field[] = [];
  const source = detailLevel === 1 ? sourceOf(o) : null;
  const doc = docOf(o);
  const isClass = o instanceof PyType;
  const signature = isClass ? classSignature(o) : callableSignature(o);
  if (signature !== null) fields.push([isClass ? 'Init signature' : 'Signature', name + signature]);
  if (signature === null || isClass) {
    if (!isClass) fields.push(['Type', o.type.name]);
    if (!isClass && !(o instanceof PyModule)) {
      fields.push(['String form', stringForm(o)]);
      const n = quietly<number | null>(null, () => (o.type.sq_length || o.type.mp_length ? length(o) : null));
      if (n !== null) fields.push(['Length', String(n)]);
    }
  }
  if (source !== null) fields.push(['Source', source]);
  else fields.push(['Docstring', doc ?? '<no docstring>']);
  const file = fileOf(o);
  if (file !== null) fields.push(['File', file]);
  if (signature !== null || isClass) fields.push(['Type', o.type.name]);
  if (isClass) {
    const subclasses = o.subclasses.map((t) => t.name).join(', ');
    fields.push(['Subclasses', subclasses]);
  }
  fields.push(['Size', `${sizeOf(o)} bytes (sys.getsizeof)`]);
  // The inspector's own reference to the object is not counted.
  fields.push(['Refcount', String(o.refcnt - 1)]);
  return fields;
}

function stringForm(o: PyObject): string {
  const text = quietly('<error>', () => strString(o));
  if (text.length <= STRING_MAX) return text;
  const half = Math.floor((STRING_MAX - 5) / 2);
  return `${text.slice(0, half)} <...> ${text.slice(-half)}`;
}

function sizeOf(o: PyObject): string {
  return quietly('?', () => {
    const size = getsizeof(None, [o]);
    try {
      return reprString(size);
    } finally {
      decref(size);
    }
  });
}

/** inspect.cleandoc: the first line as it is, the others dedented, blank ends dropped. */
function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const margin = indents.length ? Math.min(...indents) : 0;
  const cleaned = [lines[0]!.trimStart(), ...lines.slice(1).map((l) => l.slice(margin))];
  while (cleaned.length && cleaned[0]!.trim() === '') cleaned.shift();
  while (cleaned.length && cleaned.at(-1)!.trim() === '') cleaned.pop();
  return cleaned.join('\n');
}

function docOf(o: PyObject): string | null {
  const doc = quietly<PyObject | null>(null, () => getAttrOrNull(o, '__doc__'));
  if (!doc) return null;
  const text = doc instanceof PyStr ? doc.value : null;
  decref(doc);
  if (text === null || text.trim() === '') return null;
  return cleandoc(text);
}

/** Text signature of a native function from its docstring's header, without `$self`/`$module`. */
function nativeSignature(doc: string | undefined): string | null {
  if (!doc) return null;
  const sep = doc.indexOf('\n--\n\n');
  if (sep < 0) return null;
  const head = doc.slice(0, sep);
  const open = head.indexOf('(');
  if (open < 0) return null;
  const sig = head.slice(open).replace(/\$\w+,?\s*/g, '').replace(/\s+/g, ' ');
  return sig.replace(/^\(\s*\/\s*,?\s*/, '(').replace(/,\s*\)$/, ')');
}

function callableSignature(o: PyObject): string | null {
  if (o instanceof PyFunction) return functionSignature(o, 0);
  if (o instanceof PyMethod) return o.func instanceof PyFunction ? functionSignature(o.func, 1) : callableSignature(o.func);
  if (o instanceof PyCFunction || o instanceof PyMethodDescr || o instanceof PyClassMethodDescr) return nativeSignature(o.def.doc);
  return null;
}

function classSignature(t: PyType): string | null {
  const init = t.mro.map((c) => c.dict.get('__init__')).find((v) => v !== undefined);
  if (init instanceof PyFunction) return functionSignature(init, 1);
  const doc = t.dict.get('__doc__');
  return doc instanceof PyStr ? nativeSignature(doc.value) : null;
}

/** inspect.formatannotation: builtins by their name, other classes as module.qualname. */
function annotationText(a: PyObject): string {
  if (a instanceof PyType) {
    const module = a.dict.get('__module__');
    const moduleName = module instanceof PyStr ? module.value : 'builtins';
    return moduleName === 'builtins' ? a.qualname : `${moduleName}.${a.qualname}`;
  }
  return a instanceof PyStr ? a.value : reprString(a);
}

/** inspect.signature's text for a Python function; `skip` drops bound leading parameters. */
function functionSignature(f: PyFunction, skip: number): string {
  const code = f.code;
  const names = code.localsplusnames;
  const annotations = f.annotations && isDict(f.annotations) ? f.annotations : null;
  const annotated = (name: string, text: string, hasDefault: boolean): string => {
    const a = annotations ? dictGetStr(annotations, name) : null;
    if (!a) return text;
    const withAnnotation = `${name}: ${annotationText(a)}`;
    return hasDefault ? withAnnotation + text.slice(name.length).replace(/^=/, ' = ') : withAnnotation + text.slice(name.length);
  };
  const positional = names.slice(0, code.argcount);
  const defaults = f.defaults instanceof PyTuple ? f.defaults.items : [];
  const firstDefault = positional.length - defaults.length;
  const params: string[] = [];
  positional.forEach((name, i) => {
    const hasDefault = i >= firstDefault;
    params.push(annotated(name, hasDefault ? `${name}=${reprString(defaults[i - firstDefault]!)}` : name, hasDefault));
    if (i === code.posonlyargcount - 1) params.push('/');
  });
  let next = code.argcount;
  const kwonly = names.slice(code.argcount, code.argcount + code.kwonlyargcount);
  next += code.kwonlyargcount;
  if (code.flags & CodeFlags.VARARGS) params.push(`*${annotated(names[next]!, names[next]!, false)}`);
  else if (kwonly.length) params.push('*');
  for (const name of kwonly) {
    const d = f.kwdefaults && isDict(f.kwdefaults) ? dictGetStr(f.kwdefaults, name) : null;
    params.push(annotated(name, d ? `${name}=${reprString(d)}` : name, d !== null));
  }
  if (code.flags & CodeFlags.VARARGS) next++;
  if (code.flags & CodeFlags.VARKEYWORDS) params.push(`**${annotated(names[next]!, names[next]!, false)}`);
  const bound = params.filter((p) => p !== '/' && p !== '*').slice(0, skip);
  const shown = params.filter((p) => !bound.includes(p));
  const cleaned = shown[0] === '/' ? shown.slice(1) : shown;
  const ret = annotations ? dictGetStr(annotations, 'return') : null;
  return `(${cleaned.join(', ')})${ret ? ` -> ${annotationText(ret)}` : ''}`;
}

function codeOf(o: PyObject): PyCode | null {
  if (o instanceof PyFunction) return o.code;
  if (o instanceof PyMethod && o.func instanceof PyFunction) return o.func.code;
  return null;
}

function fileOf(o: PyObject): string | null {
  const code = codeOf(o);
  if (code) return code.filename;
  if (o instanceof PyType) return classCode(o)?.filename ?? null;
  return null;
}

/** A function defined in the class body: it tells which cell (or file) the class came from. */
function classCode(t: PyType): PyCode | null {
  for (const v of t.dict.values()) if (v instanceof PyFunction && v.code.qualname.startsWith(`${t.qualname}.`)) return v.code;
  return null;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** inspect.getblock's result for a definition starting at `start` (0-based): decorators, header, body. */
function block(lines: string[], start: number): string {
  const base = indentOf(lines[start]!);
  let i = start;
  while (i < lines.length && lines[i]!.trimStart().startsWith('@')) i++;
  const out = lines.slice(start, i + 1);
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && indentOf(line) <= base) break;
    out.push(line);
  }
  while (out.length && out.at(-1)!.trim() === '') out.pop();
  return out.join('\n');
}

function sourceOf(o: PyObject): string | null {
  const code = codeOf(o);
  if (code) {
    const source = linecache.get(code.filename);
    return source === undefined ? null : block(source.split('\n'), code.firstlineno - 1);
  }
  if (o instanceof PyType) return classSource(o);
  return null;
}

function classSource(t: PyType): string | null {
  const header = new RegExp(`^\\s*class\\s+${t.name.replace(/[^\p{L}\p{N}_]/gu, '')}\\b`, 'u');
  const code = classCode(t);
  const candidates = code ? [[code.filename, code.firstlineno] as const] : [...linecache.keys()].reverse().map((f) => [f, Infinity] as const);
  for (const [file, before] of candidates) {
    const lines = linecache.get(file)?.split('\n') ?? [];
    for (let i = Math.min(lines.length, before) - 1; i >= 0; i--) {
      if (!header.test(lines[i]!)) continue;
      let start = i;
      while (start > 0 && lines[start - 1]!.trimStart().startsWith('@')) start--;
      return block(lines, start);
    }
  }
  return null;
}
