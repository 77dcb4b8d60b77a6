// %mprun -f FUNC [-f FUNC2 ...] STMT / %%mprun -f FUNC: memory_profiler's line-by-line report.
// Each FUNC is recompiled with a call to _pymemlab.mark before every statement (and at entry and
// exit), bound to its name while the code runs, and the marks replay memory_profiler's trace
// events: a line's memory is taken when the next line starts or the call returns.
import type { FunctionSource } from '../../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, escapeHtml } from '../render/html.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, statementMagic } from './common.js';
import { MIB } from './memit.js';

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** A mark is function * SPAN + line; line 0 is a call, RETURN its return. */
const SPAN = 100_000;
const RETURN = SPAN - 1;
const MARK = '__pymemlab_mark';
const INDENT = '    ';
const DEF = /^(\s*(?:async\s+)?def\s+)[\p{L}_][\p{L}\p{N}_]*/u;

/** The function's source with marks before its statements and its body in try/finally, so the
 *  return mark runs while the frame's locals are still alive (where a 'return' event fires). */
export function instrument(source: FunctionSource, id: number, name: string): string {
  const starts = new Map(source.statements.map((s) => [s.line, s]));
  const bodyStart = Math.min(...source.statements.map((s) => s.line));
  const bodyIndent = ' '.repeat(starts.get(bodyStart)!.col);
  const out: string[] = [];
  // Decorators (the lines before `def`) are left out: the function is profiled undecorated.
  const defIndex = source.lines.findIndex((text) => DEF.test(text));
  source.lines.forEach((text, i) => {
    const line = source.firstLine + i;
    if (line < bodyStart) {
      if (i >= defIndex) out.push(i === defIndex ? text.replace(DEF, `$1${name}`) : text);
      return;
    }
    if (line === bodyStart) out.push(`${bodyIndent}${MARK}(${id * SPAN})`, `${bodyIndent}try:`);
    const statement = starts.get(line);
    const markAt = (at: number): void => {
      out.push(`${' '.repeat(statement!.col)}${INDENT}${MARK}(${id * SPAN + at})`);
    };
    if (statement?.loopHeader) markAt(statement.loopHeader);
    if (statement) markAt(line);
    out.push(text.trim() === '' ? text : INDENT + text);
  });
  out.push(`${bodyIndent}finally:`, `${bodyIndent}${INDENT}${MARK}(${id * SPAN + RETURN})`);
  return out.join('\n');
}

type Measure = [increment: number, usage: number, occurrences: number];

/** memory_profiler's trace_memory_usage and CodeMap.trace, fed one mark at a time. */
export class LineProfile {
  readonly measures: Map<number, Measure>[];
  private readonly prevlines: number[] = [];
  private prevLineno: number | null = null;

  constructor(private readonly sources: FunctionSource[]) {
    this.measures = sources.map(() => new Map());
  }

  mark(value: number, rss: number): void {
    const code = Math.floor(value / SPAN);
    const line = value % SPAN;
    if (!this.sources[code]) return;
    const mem = rss / MIB;
    if (line === 0) {
      this.prevlines.push(this.sources[code].firstLine);
    } else if (line === RETURN) {
      const lineno = this.prevlines.pop()!;
      this.trace(code, lineno, mem);
      this.prevLineno = lineno;
    } else {
      this.trace(code, this.prevlines.at(-1)!, mem);
      this.prevLineno = this.prevlines.at(-1)!;
      this.prevlines[this.prevlines.length - 1] = line;
    }
  }

  private trace(code: number, lineno: number, mem: number): void {
    const map = this.measures[code]!;
    const previous = map.get(lineno);
    // As memory_profiler does, the previous line is looked up in the current function's map.
    const prevLine = this.prevLineno !== null ? map.get(this.prevLineno) : undefined;
    map.set(lineno, [(previous?.[0] ?? 0) + (mem - (prevLine?.[1] ?? 0)), Math.max(mem, previous?.[1] ?? 0), (previous?.[2] ?? 0) + 1]);
  }
}

const TEMPLATE_WIDTHS = [6, 12, 12, 10] as const;

/** memory_profiler's show_results with precision 1. */
function report(source: FunctionSource, measures: Map<number, Measure>): string {
  const row = (a: string, b: string, c: string, d: string, e: string): string =>
    `${a.padStart(TEMPLATE_WIDTHS[0])} ${b.padStart(TEMPLATE_WIDTHS[1])} ${c.padStart(TEMPLATE_WIDTHS[2])}  ${d.padStart(TEMPLATE_WIDTHS[3])}   ${e}`;
  const header = row('Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line Contents');
  const mib = (x: number): string => `${x.toFixed(1).padStart(5)} MiB`;
  const lines = source.lines.map((text, i) => {
    const line = source.firstLine + i;
    const m = measures.get(line);
    return `${m ? row(String(line), mib(m[1]), mib(m[0]), String(m[2]), text) : row(String(line), '', '', '', text)}\n`;
  });
  return `Filename: ${source.filename}\n\n${header}\n${'='.repeat(header.length)}\n${lines.join('')}\n\n`;
}

function parse(args: string): { options: string[]; rest: string } | string {
  const funcs: string[] = [];
  let rest = args.trim();
  for (let m = /^-f\s+(\S+)\s*/.exec(rest); m; m = /^-f\s+(\S+)\s*/.exec(rest)) {
    if (!NAME.test(m[1]!)) return `%mprun -f needs the name of a function in the namespace, not ${m[1]}`;
    funcs.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return funcs.length ? { options: funcs, rest } : 'usage: %mprun -f FUNC [-f FUNC ...] STMT';
}

function profile(context: MagicContext, code: string, funcs: string[]): ReturnType<MagicContext['runCell']> {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  const sources: FunctionSource[] = [];
  for (const func of funcs) {
    const source = memory.functionSource(func);
    if (source.status === 'error') return source;
    if (source.value.lines[0]!.startsWith(' ')) return usageError(`%mprun profiles module-level functions; ${func} is not one`);
    if (source.value.statements.length === 0) return usageError(`%mprun needs ${func}'s body on lines of its own, below its def`);
    sources.push(source.value);
  }
  const defs = sources.map((s, i) => instrument(s, i, `__pymemlab_mprun_${i}`));
  const setup = context.runHidden([
    `${MARK} = __import__('_pymemlab').mark`,
    ...defs,
    ...funcs.flatMap((f, i) => [
      `__pymemlab_mprun_${i}.__defaults__, __pymemlab_mprun_${i}.__kwdefaults__ = ${f}.__defaults__, ${f}.__kwdefaults__`,
      `__pymemlab_saved_${i}, ${f} = ${f}, __pymemlab_mprun_${i}`,
    ]),
  ].join('\n'));
  if (setup.status === 'error') return setup;
  const lineProfile = new LineProfile(sources);
  memory.onMark((value, rss) => lineProfile.mark(value, rss));
  let ran: ReturnType<MagicContext['runCell']>;
  try {
    ran = context.runCell(code);
  } finally {
    memory.onMark(null);
  }
  const restore = context.runHidden([
    ...funcs.map((f, i) => `${f} = __pymemlab_saved_${i}; del __pymemlab_saved_${i}, __pymemlab_mprun_${i}`),
    `del ${MARK}`,
  ].join('\n'));
  if (ran.status === 'error') return ran;
  if (restore.status === 'error') return restore;
  const maps = lineProfile.measures;
  const text = sources.map((s, i) => report(s, maps[i]!)).join('');
  context.io.stdout(text);
  const rows = sources.flatMap((s, i) => s.lines.map((line, k) => {
    const m = maps[i]!.get(s.firstLine + k);
    return [s.firstLine + k, m ? `${m[1].toFixed(1)} MiB` : '', m ? `${m[0].toFixed(1)} MiB` : '', m ? m[2] : '', line];
  }));
  const chart = sources.flatMap((s, i) => [...maps[i]!].map(([line, m]) => ({ line: `${s.name}:${line}`, 'increment (MiB)': m[0] })));
  show(context, { text: `line-by-line memory of ${funcs.join(', ')}`, html: `<p>${escapeHtml(`Filename: ${sources.map((s) => s.filename).join(', ')}`)}</p>` + htmlTable(['Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line Contents'], rows) }, {
    caption: `memory increment per line of ${funcs.join(', ')}`,
    vegaLite: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      width: 420,
      data: { values: chart },
      mark: 'bar',
      encoding: { y: { field: 'line', type: 'nominal', sort: null, title: null }, x: { field: 'increment (MiB)', type: 'quantitative' } },
    },
  });
  return OK;
}

const USAGE = '%mprun -f FUNC [-f FUNC ...] STMT\n%%mprun -f FUNC [-f FUNC ...]\nCELL BODY\n\nmemory_profiler\'s line-by-line report of each FUNC (a module-level function, defined in a cell or a\nfile) while the code runs: Mem usage is the simulated RSS after the line, Increment what the line\nadded, Occurrences how often it ran. Written to stdout (memory_profiler opens IPython\'s pager).';

export const mprun: Magic = statementMagic({
  name: 'mprun',
  summary: "Line-by-line memory use of functions while a statement runs, in memory_profiler's format.",
  usage: USAGE,
  parse,
  run: profile,
});
