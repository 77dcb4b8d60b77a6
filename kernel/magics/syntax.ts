// IPython's input syntax on top of Python: `%%cell` magics (first line), `%line` magics (a line of
// their own, at the left margin), and `obj?` / `obj??` / `%magic?` help requests.

export type CellStep =
  /** Python source; `firstLine` is its 0-based line in the cell, so tracebacks keep cell line numbers. */
  | { kind: 'python'; code: string; firstLine: number }
  | { kind: 'line'; name: string; args: string; firstLine: number }
  | { kind: 'cell'; name: string; args: string; body: string }
  | { kind: 'help'; target: string; detailLevel: 0 | 1 };

const HELP_SUFFIX = /^\s*(%{0,2}[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)\s*(\?\??)\s*$/u;
const HELP_PREFIX = /^\s*(\?\??)\s*(%{0,2}[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)\s*$/u;
const MAGIC_LINE = /^%([\p{L}_][\p{L}\p{N}_]*)(?:\s+(.*))?$/u;
const CELL_MAGIC = /^%%([\p{L}_][\p{L}\p{N}_]*)(?:\s+(.*))?$/u;

export function helpRequest(line: string): { target: string; detailLevel: 0 | 1 } | null {
  const suffix = HELP_SUFFIX.exec(line);
  if (suffix) return { target: suffix[1]!, detailLevel: suffix[2] === '??' ? 1 : 0 };
  const prefix = HELP_PREFIX.exec(line);
  if (prefix) return { target: prefix[2]!, detailLevel: prefix[1] === '??' ? 1 : 0 };
  return null;
}

export function splitCell(code: string): CellStep[] {
  const lines = code.split('\n');
  const firstCode = lines.findIndex((line) => line.trim() !== '');
  const cellMagic = firstCode >= 0 ? CELL_MAGIC.exec(lines[firstCode]!.trimEnd()) : null;
  if (cellMagic) {
    return [{ kind: 'cell', name: cellMagic[1]!, args: (cellMagic[2] ?? '').trim(), body: lines.slice(firstCode + 1).join('\n') }];
  }
  const steps: CellStep[] = [];
  let chunk: string[] = [];
  let chunkStart = 0;
  const endChunk = (next: number): void => {
    if (chunk.some((line) => line.trim() !== '')) steps.push({ kind: 'python', code: chunk.join('\n'), firstLine: chunkStart });
    chunk = [];
    chunkStart = next;
  };
  lines.forEach((line, index) => {
    const magic = MAGIC_LINE.exec(line.trimEnd());
    const help = magic ? null : helpRequest(line);
    if (!magic && !help) {
      chunk.push(line);
      return;
    }
    endChunk(index + 1);
    if (help) steps.push({ kind: 'help', ...help });
    else steps.push({ kind: 'line', name: magic![1]!, args: (magic![2] ?? '').trim(), firstLine: index });
  });
  endChunk(lines.length);
  return steps;
}

/** The cell as plain Python, magics and help lines replaced by `pass`, for the parser's completeness check. */
export function pythonView(code: string): string {
  if (CELL_MAGIC.test(code.split('\n', 1)[0]!.trimEnd())) return '';
  return code
    .split('\n')
    .map((line) => (MAGIC_LINE.test(line.trimEnd()) || helpRequest(line) ? 'pass' : line))
    .join('\n');
}
