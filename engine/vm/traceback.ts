// Printing an uncaught exception as CPython 3.11 does on stderr (Python/pythonrun.c
// print_exception_recursive with the traceback module's frame format): chained exceptions,
// "Traceback (most recent call last):", the source line and its ^^^ / ~~~^^^ markers,
// SyntaxError's caret line, notes, and NameError/AttributeError suggestions.
import { PyObject, decref } from '../objects/object.js';
import { PyBaseException, SyntaxError, NameError, AttributeError, ImportError } from '../objects/exceptions.js';
import { PyTraceback } from '../objects/traceback.js';
import { PyStr } from '../objects/str.js';
import { PyInt } from '../objects/int.js';
import { str as pyStr, repr as pyRepr, collect, getAttrOrNull } from '../objects/abstract.js';
import { groupExceptions, isExceptionGroup } from '../objects/exceptiongroup.js';
import { parse } from '../syntax/parser.js';
import { byteColumnToCharColumn } from '../syntax/ast.js';
import type * as A from '../syntax/ast.js';
import { getline } from './linecache.js';
import { suggestionFor } from './suggestions.js';

const RECURSIVE_CUTOFF = 3;

interface FrameSummary {
  filename: string;
  lineno: number;
  name: string;
  endLineno: number;
  col: number;
  endCol: number;
}

function summaries(tb: PyTraceback | null): FrameSummary[] {
  const out: FrameSummary[] = [];
  for (let t = tb; t; t = t.next) {
    const code = t.frame.frame.code;
    const p = code.positions;
    const i = t.lasti * 4;
    out.push({
      filename: code.filename, name: code.name, lineno: t.lineno,
      endLineno: p[i + 1] ?? -1, col: p[i + 2] ?? -1, endCol: p[i + 3] ?? -1,
    });
  }
  return out;
}

/** _extract_caret_anchors_from_line_segment: where the operator of a binary operation or the
 *  brackets of a subscript sit inside the highlighted segment. */
function caretAnchors(segment: string): [number, number] | null {
  let tree: A.Module;
  try {
    tree = parse(segment, '<segment>', 'exec');
  } catch {
    return null;
  }
  if (tree.body.length !== 1) return null;
  const st = tree.body[0]!;
  if (st._type !== 'Expr') return null;
  const e = st.value;
  const norm = (byteOffset: number): number => byteColumnToCharColumn(segment, byteOffset);
  if (e._type === 'BinOp') {
    const opStart = norm(e.left.end_col_offset);
    const opEnd = norm(e.right.col_offset);
    const opStr = segment.slice(opStart, opEnd);
    const opOffset = opStr.length - opStr.trimStart().length;
    let left = e.left.end_col_offset + opOffset;
    let right = left + 1;
    if (opOffset + 1 < opStr.length && !/\s/.test(opStr[opOffset + 1]!)) right++;
    while (left < segment.length && (/\s/.test(segment[left]!) || ')#'.includes(segment[left]!))) {
      left++;
      right++;
    }
    return [norm(left), norm(right)];
  }
  if (e._type === 'Subscript') {
    let left = norm(e.value.end_col_offset);
    let right = norm(e.slice.end_col_offset + 1);
    while (left < segment.length && (/\s/.test(segment[left]!) || segment[left] !== '[')) left++;
    while (right < segment.length && (/\s/.test(segment[right]!) || segment[right] !== ']')) right++;
    if (right < segment.length) right++;
    return [left, right];
  }
  return null;
}

/** StackSummary.format_frame_summary */
function formatFrame(fs: FrameSummary): string {
  let row = `  File "${fs.filename}", line ${fs.lineno}, in ${fs.name}\n`;
  const line = fs.lineno > 0 ? getline(fs.filename, fs.lineno) : null;
  if (line === null || line.trim() === '') return row;
  const stripped = line.trim();
  row += `    ${stripped}\n`;
  const strippedChars = line.length - line.trimStart().length;
  if (fs.col < 0 || fs.endCol < 0) return row;
  const start = byteColumnToCharColumn(line, fs.col);
  let end = byteColumnToCharColumn(line, fs.endCol);
  const segment = line.slice(start, end);
  let anchors: [number, number] | null = null;
  if (fs.lineno === fs.endLineno) anchors = caretAnchors(segment);
  else end = line.trimEnd().length;
  if (end - start < stripped.length || (anchors && anchors[1] - anchors[0] > 0)) {
    row += '    ' + ' '.repeat(start + 1 - strippedChars - 1);
    if (anchors) {
      row += '~'.repeat(anchors[0]) + '^'.repeat(anchors[1] - anchors[0]) + '~'.repeat(end - start - anchors[1]);
    } else {
      row += '^'.repeat(end - start);
    }
    row += '\n';
  }
  return row;
}

/** StackSummary.format: repeated identical frames collapse after three. */
function formatStack(frames: FrameSummary[]): string[] {
  const out: string[] = [];
  let last: FrameSummary | null = null;
  let count = 0;
  const flushRepeat = (): void => {
    if (count > RECURSIVE_CUTOFF) {
      const n = count - RECURSIVE_CUTOFF;
      out.push(`  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`);
    }
  };
  for (const fs of frames) {
    if (!last || last.filename !== fs.filename || last.lineno !== fs.lineno || last.name !== fs.name) {
      flushRepeat();
      last = fs;
      count = 0;
    }
    count++;
    if (count > RECURSIVE_CUTOFF) continue;
    out.push(formatFrame(fs));
  }
  flushRepeat();
  return out;
}

function fieldInt(e: PyBaseException, name: string): number | null {
  const v = e.field(name);
  return v instanceof PyInt ? Number(v.value) : null;
}

function fieldStr(e: PyBaseException, name: string): string | null {
  const v = e.field(name);
  return v instanceof PyStr ? v.value : null;
}

/** print_error_text and the SyntaxError header of print_exception. */
function formatSyntaxError(e: PyBaseException): string[] {
  const out: string[] = [];
  const filename = fieldStr(e, 'filename') ?? '<string>';
  const lineno = fieldInt(e, 'lineno');
  out.push(`  File "${filename}", line ${lineno ?? 0}\n`);
  let text = fieldStr(e, 'text');
  if (text !== null) {
    let offset = fieldInt(e, 'offset') ?? -1;
    let endOffset = fieldInt(e, 'end_offset') ?? -1;
    const endLineno = fieldInt(e, 'end_lineno');
    const nl = text.indexOf('\n');
    if (nl >= 0 && nl < text.length - 1) {
      text = text.slice(0, nl + 1);
    }
    if (endLineno !== null && lineno !== null && endLineno > lineno) endOffset = text.replace(/\n$/, '').length + 1;
    if (endOffset === -1 || endOffset <= offset) endOffset = offset + 1;
    let i = 0;
    while (i < text.length && ' \t\f'.includes(text[i]!)) i++;
    text = text.slice(i);
    offset -= i;
    endOffset -= i;
    text = text.replace(/\n$/, '');
    out.push(`    ${text}\n`);
    if (offset >= 1) {
      const width = Math.max(1, Math.min(endOffset, text.length + 1) - offset);
      out.push(`    ${' '.repeat(offset - 1)}${'^'.repeat(width)}\n`);
    }
  }
  return out;
}

function typeLabel(e: PyBaseException): string {
  const t = e.type;
  const mod = t.moduleName;
  return mod === 'builtins' || mod === '__main__' ? t.qualname : `${mod}.${t.qualname}`;
}

function safeStr(o: PyObject): string {
  try {
    const s = pyStr(o) as PyStr;
    const v = s.value;
    decref(s);
    return v;
  } catch (err) {
    if (err instanceof PyBaseException) decref(err);
    return '<exception str() failed>';
  }
}

/** The last line(s): "Type: message", with suggestions and notes. */
function formatExceptionOnly(e: PyBaseException): string[] {
  const out: string[] = [];
  let msg: string;
  if (e.type.isSubtype(SyntaxError) && e.fields?.has('lineno')) {
    out.push(...formatSyntaxError(e));
    msg = fieldStr(e, 'msg') ?? safeStr(e);
  } else {
    msg = safeStr(e);
  }
  if (e.type.isSubtype(NameError) || e.type.isSubtype(AttributeError) || e.type.isSubtype(ImportError)) {
    const hint = suggestionFor(e);
    if (hint) msg += `. Did you mean: '${hint}'?`;
  }
  out.push(msg === '' ? `${typeLabel(e)}\n` : `${typeLabel(e)}: ${msg}\n`);
  out.push(...formatNotes(e));
  return out;
}

/** print_exception_notes: each note of __notes__ on its own line(s). */
function formatNotes(e: PyBaseException): string[] {
  let notes: PyObject | null;
  try {
    notes = getAttrOrNull(e, '__notes__');
  } catch (err) {
    if (err instanceof PyBaseException) decref(err);
    return [];
  }
  if (notes === null) return [];
  try {
    if (!notes.type.sq_item || notes instanceof PyStr) return [`${safeRepr(notes)}\n`];
    const out: string[] = [];
    for (const n of collect(notes)) {
      out.push(`${n instanceof PyStr ? n.value : safeStr(n)}\n`);
      decref(n);
    }
    return out;
  } finally {
    decref(notes);
  }
}

function safeRepr(o: PyObject): string {
  try {
    const s = pyRepr(o) as PyStr;
    const v = s.value;
    decref(s);
    return v;
  } catch (err) {
    if (err instanceof PyBaseException) decref(err);
    return '<exception repr() failed>';
  }
}

/** The traceback module's _ExceptionPrintContext: how deep inside exception groups the
 *  printing is, which sets the indent and the "| " margin of every line. */
interface PrintContext {
  depth: number;
  needClose: boolean;
}

const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

const indentOf = (ctx: PrintContext): string => ' '.repeat(2 * ctx.depth);

/** _ExceptionPrintContext.emit: every line of `chunks` behind the group margin. */
function emit(ctx: PrintContext, chunks: string[], marginChar = '|'): string[] {
  if (ctx.depth === 0) return chunks;
  const prefix = `${indentOf(ctx)}${marginChar} `;
  return chunks.map((c) => c.split(/(?<=\n)/).map((line) => prefix + line).join(''));
}

/** print_exception_recursive: the whole text for an uncaught exception, line by line. */
export function formatException(e: PyBaseException): string[] {
  return formatChain(e, new Set<PyBaseException>(), { depth: 0, needClose: false });
}

function formatChain(e: PyBaseException, seen: Set<PyBaseException>, ctx: PrintContext): string[] {
  seen.add(e);
  const out: string[] = [];
  if (e.cause && !seen.has(e.cause)) {
    out.push(...formatChain(e.cause, seen, ctx));
    out.push(...emit(ctx, ['\nThe above exception was the direct cause of the following exception:\n\n']));
  } else if (e.context && !e.suppressContext && !seen.has(e.context)) {
    out.push(...formatChain(e.context, seen, ctx));
    out.push(...emit(ctx, ['\nDuring handling of the above exception, another exception occurred:\n\n']));
  }
  const tb = e.traceback instanceof PyTraceback ? e.traceback : null;
  if (!isExceptionGroup(e)) {
    if (tb) out.push(...emit(ctx, ['Traceback (most recent call last):\n', ...formatStack(summaries(tb))]));
    out.push(...emit(ctx, formatExceptionOnly(e)));
  } else if (ctx.depth > MAX_GROUP_DEPTH) {
    out.push(...emit(ctx, [`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`]));
  } else {
    out.push(...formatGroup(e, tb, seen, ctx));
  }
  return out;
}

/** print_exception_group: the group's own traceback, then each member in its numbered box. */
function formatGroup(e: PyBaseException, tb: PyTraceback | null, seen: Set<PyBaseException>, ctx: PrintContext): string[] {
  const out: string[] = [];
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  if (tb) {
    out.push(...emit(ctx, ['Exception Group Traceback (most recent call last):\n'], topLevel ? '+' : '|'));
    out.push(...emit(ctx, formatStack(summaries(tb))));
  }
  out.push(...emit(ctx, formatExceptionOnly(e)));
  const members = groupExceptions(e);
  const n = Math.min(members.length, MAX_GROUP_WIDTH + 1);
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    out.push(`${indentOf(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`);
    ctx.depth++;
    if (!truncated) {
      out.push(...formatChain(members[i] as PyBaseException, seen, ctx));
    } else {
      const more = members.length - MAX_GROUP_WIDTH;
      out.push(...emit(ctx, [`and ${more} more exception${more > 1 ? 's' : ''}\n`]));
    }
    if (last && ctx.needClose) {
      out.push(`${indentOf(ctx)}+------------------------------------\n`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (topLevel) ctx.depth = 0;
  return out;
}
