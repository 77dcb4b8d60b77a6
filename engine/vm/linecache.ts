// The source of every compiled file and cell, for tracebacks (Lib/linecache.py's role).
export const linecache = new Map<string, string>();

/** Line `lineno` (1-based) of `filename`, with its newline removed, or null. */
export function getline(filename: string, lineno: number): string | null {
  const src = linecache.get(filename);
  if (src === undefined) return null;
  const lines = src.split('\n');
  const l = lines[lineno - 1];
  return l === undefined ? null : l.replace(/\r$/, '');
}
