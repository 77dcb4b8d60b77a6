// repr() of str (Objects/unicodeobject.c unicode_repr) and the escaping ascii() adds on top.
import { isPrintable } from './ctype.js';

function hex(cp: number, digits: number): string {
  return cp.toString(16).padStart(digits, '0');
}

/** The escape of a character repr() does not show as itself. */
function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

// Objects/unicodeobject.c unicode_repr: single quotes unless the text holds ' and no ".
export function unicodeRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  let runStart = 0;
  let i = 0;
  const flushTo = (end: number): void => {
    if (end > runStart) out += text.slice(runStart, end);
  };
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let esc: string | null = null;
    if (cp === 0x27 || cp === 0x22) esc = cp === quote.charCodeAt(0) ? `\\${quote}` : null;
    else if (cp === 0x5c) esc = '\\\\';
    else if (cp === 9) esc = '\\t';
    else if (cp === 10) esc = '\\n';
    else if (cp === 13) esc = '\\r';
    else if (cp < 0x20 || cp === 0x7f) esc = escapeCodePoint(cp);
    else if (cp >= 0x80 && !isPrintable(cp)) esc = escapeCodePoint(cp);
    if (esc !== null) {
      flushTo(i);
      out += esc;
      runStart = i + width;
    }
    i += width;
  }
  flushTo(text.length);
  return out + quote;
}

// Python/bltinmodule.c builtin_ascii via PyObject_ASCII: repr with every non-ASCII character
// escaped (backslashreplace of the repr's text).
export function asciiEscape(reprText: string): string {
  let out = '';
  for (const c of reprText) {
    const cp = c.codePointAt(0)!;
    out += cp < 0x80 ? c : escapeCodePoint(cp);
  }
  return out;
}
