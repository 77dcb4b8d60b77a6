// The source text as the tokenizer sees it: newlines translated, split into lines, with UTF-8
// byte columns (CPython's positions) and code point columns (SyntaxError offsets) for any index.

import { utf8Length } from './ast.js';

export class SourceText {
  /** Index into `text` where each line starts; line n (1-based) starts at lineStarts[n - 1]. */
  readonly lineStarts: number[] = [0];
  private readonly asciiLine: boolean[] = [];

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
    let bytes = 0;
    for (let i = s; i < index; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < index) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { bytes += 4; i++; continue; }
      }
      bytes += utf8Length(c);
    }
    return bytes;
  }

  /** Code point count of the first `chars` UTF-16 units of line `lineno` (a SyntaxError offset). */
  charCol(lineno: number, index: number): number {
    const s = this.lineStarts[lineno - 1]!;
    if (this.asciiLine[lineno - 1]) return index - s;
    let n = 0;
    for (let i = s; i < index; i++) {
      const c = this.text.charCodeAt(i);
      if (!(c >= 0xdc00 && c < 0xe000 && i > s && isHigh(this.text.charCodeAt(i - 1)))) n++;
    }
    return n;
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c < 0xdc00;
}

/** Python's universal newlines for source code: \r\n and \r become \n. */
export function translateNewlines(source: string): string {
  return source.indexOf('\r') < 0 ? source : source.replace(/\r\n?/g, '\n');
}
