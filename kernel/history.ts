// The kernel's input history, answering history_request (tail, range, search) as IPython does.
import type { Content } from './protocol/wire.js';

/** IPython numbers the running session; clients ask with 0 (or negative offsets) for "this one". */
const SESSION = 1;

interface Entry {
  line: number;
  input: string;
  output: string | null;
}

type Row = [number, number, string | [string, string | null]];

export class History {
  private readonly entries: Entry[] = [];

  record(line: number, input: string): void {
    this.entries.push({ line, input, output: null });
  }

  recordOutput(line: number, output: string): void {
    for (let index = this.entries.length - 1; index >= 0; index--) {
      const entry = this.entries[index]!;
      if (entry.line === line) {
        entry.output = output;
        return;
      }
    }
  }

  answer(request: Content): Row[] {
    const output = request.output === true;
    const rows = this.select(request);
    return rows.map((entry) => [SESSION, entry.line, output ? [entry.input, entry.output] : entry.input]);
  }

  private select(request: Content): Entry[] {
    const n = typeof request.n === 'number' ? request.n : null;
    switch (request.hist_access_type) {
      case 'tail':
        return n === null ? [...this.entries] : this.entries.slice(Math.max(0, this.entries.length - n));
      case 'range': {
        const session = Number(request.session ?? 0);
        if (session > 0 && session !== SESSION) return [];
        const start = Number(request.start ?? 0);
        const stop = request.stop === null || request.stop === undefined ? Infinity : Number(request.stop);
        return this.entries.filter((entry) => entry.line >= start && entry.line < stop);
      }
      case 'search':
        return this.search(String(request.pattern ?? '*'), request.unique === true, n);
      default:
        return [];
    }
  }

  /** Glob search (`*`, `?`) over inputs; `unique` keeps the latest of identical inputs; `n` the last n. */
  private search(pattern: string, unique: boolean, n: number | null): Entry[] {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
    const glob = new RegExp(`^${source}$`, 's');
    let found = this.entries.filter((entry) => glob.test(entry.input));
    if (unique) {
      const seen = new Set<string>();
      found = found.reverse().filter((entry) => !seen.has(entry.input) && seen.add(entry.input)).reverse();
    }
    return n === null ? found : found.slice(Math.max(0, found.length - n));
  }
}
