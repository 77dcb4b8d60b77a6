// The source text as the tokenizer sees it: newlines translated, split into lines, with UTF-8
// byte columns (CPython's positions) and code point columns (SyntaxError offsets) for any index.

import { utf8Length } from './ast.js';

export class SourceText {
  /** Index into `text` where each line starts; line n (1-based) starts at lineStarts[n - 1]. */
  readonly lineStarts: number[] = [0];
  private readonly asciiLine: boolean[] = [];
  private readonly tables = new Map<number, { bytes: Int32Array; chars: Int32Array }>();

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    if (this.lineStarts[this.lineStarts.length - 1] === text.length && text.length > 0) this.lineStarts.pop();
    for (let n = 0; n < this.lineStarts.length; n++) {
      const s = this.lineStarts[n]!;
      const e = this.lineEnd(n + 1);
      let ascii = true;
      for (let i = s; i < e; i++) if (text.charCodeAt(i) > 127) { ascii = false; break; }
      this.asciiLine.push(ascii);
    }
  }

  /** Index just past line `lineno`'s newline (or the end of the text). */
  lineEnd(lineno: number): number {
    return lineno < this.lineStarts.length ? this.lineStarts[lineno]! : this.text.length;
  }

  /** Line `lineno` with its newline, if it has one. */
  lineWithNewline(lineno: number): string {
    if (lineno < 1 || lineno > this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[lineno - 1]!, this.lineEnd(lineno));
  }

  /** Line `lineno` without its newline. */
  line(lineno: number): string {
    const l = this.lineWithNewline(lineno);
    return l.endsWith('\n') ? l.slice(0, -1) : l;
  }

  /** UTF-8 byte column of string index `index` on line `lineno`. */
  byteCol(lineno: number, index: number): number {
    const s = this.lineStarts[lineno - 1]!;
    if (this.asciiLine[lineno - 1]) return index - s;
    return this.columnTables(lineno).bytes[index - s]!;
  }

  /** Code points before string index `index` on line `lineno` (a SyntaxError offset). */
  charCol(lineno: number, index: number): number {
    const s = this.lineStarts[lineno - 1]!;
    if (this.asciiLine[lineno - 1]) return index - s;
    return this.columnTables(lineno).chars[index - s]!;
  }

  /** For a non-ASCII line, the byte and code point column of every UTF-16 index, built once so
   *  that a long line costs linear time. The low half of a surrogate pair counts with its high half. */
  private columnTables(lineno: number): { bytes: Int32Array; chars: Int32Array } {
    let t = this.tables.get(lineno);
    if (t) return t;
    const s = this.lineStarts[lineno - 1]!;
    const n = this.lineEnd(lineno) - s;
    t = { bytes: new Int32Array(n + 1), chars: new Int32Array(n + 1) };
    let bytes = 0;
    let chars = 0;
    for (let i = 0; i < n; i++) {
      t.bytes[i] = bytes;
      t.chars[i] = chars;
      const c = this.text.charCodeAt(s + i);
      const low = i + 1 < n ? this.text.charCodeAt(s + i + 1) : 0;
      if (c >= 0xd800 && c < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
        bytes += 4;
        chars++;
        i++;
        t.bytes[i] = bytes;
        t.chars[i] = chars;
        continue;
      }
      bytes += utf8Length(c);
      chars++;
    }
    t.bytes[n] = bytes;
    t.chars[n] = chars;
    this.tables.set(lineno, t);
    return t;
  }
}

/** Python's universal newlines for source code: \r\n and \r become \n. */
export function translateNewlines(source: string): string {
  return source.indexOf('\r') < 0 ? source : source.replace(/\r\n?/g, '\n');
}
