// %timeit / %%timeit on the simulated machine's clock (engine/os/clock.ts): IPython's loop
// calibration and report, with times that come from the bytecode the statement executes, so
// they are the same on every host (and are not CPython's speed).
import { OK, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, escapeHtml } from '../render/html.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, statementMagic, type Introspector } from './common.js';

const DEFAULT_REPEAT = 7;
/** IPython's calibration: loops grow by 10x until one batch takes at least this long. IPython
 *  asks 0.2 s of a noisy real clock; the simulated clock has no noise, and the simulation runs
 *  far slower than CPython, so a batch of 0.2 ms of simulated time is enough and stays quick. */
const CALIBRATION_S = 0.0002;
const RUNNER = '__pymemlab_timeit';

/** IPython's _format_time with 3 significant digits. */
export function formatTime(seconds: number): string {
  const units = ['s', 'ms', 'µs', 'ns'];
  const order = seconds > 0 ? Math.max(0, Math.min(-Math.floor(Math.floor(Math.log10(seconds)) / 3), 3)) : 3;
  return `${Number((seconds * 1000 ** order).toPrecision(3))} ${units[order]}`;
}

interface Options {
  number: number | null;
  repeat: number;
}

function parseOptions(args: string): { options: Options; rest: string } | string {
  let rest = args.trim();
  let number: number | null = null;
  let repeat = DEFAULT_REPEAT;
  for (let m = /^-([nr])\s*(\d+)\s*/.exec(rest); m; m = /^-([nr])\s*(\d+)\s*/.exec(rest)) {
    if (m[1] === 'n') number = Number(m[2]);
    else repeat = Number(m[2]);
    rest = rest.slice(m[0].length);
  }
  if (number === 0 || repeat === 0) return '-n and -r need a positive number';
  return { options: { number, repeat }, rest };
}

function indented(code: string, spaces: number): string {
  return code.split('\n').map((line) => ' '.repeat(spaces) + line).join('\n');
}

function timeOnce(context: MagicContext, memory: Introspector, loops: number): number | ReturnType<MagicContext['runCell']> {
  const start = memory.monotonicNs();
  const run = context.runHidden(`${RUNNER}(${loops})`);
  if (run.status === 'error') return run;
  return (memory.monotonicNs() - start) / 1e9;
}

function timeit(context: MagicContext, stmt: string, options: Options, setup: string): ReturnType<MagicContext['runCell']> {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  const defined = context.runHidden([`def ${RUNNER}(__pymemlab_n):`, setup ? indented(setup, 4) : '', '    for _ in range(__pymemlab_n):', indented(stmt, 8)].join('\n'));
  if (defined.status === 'error') return defined;
  try {
    let loops = options.number ?? 1;
    if (options.number === null) {
      for (let power = 0; power < 10; power++) {
        loops = 10 ** power;
        const t = timeOnce(context, memory, loops);
        if (typeof t !== 'number') return t;
        if (t >= CALIBRATION_S) break;
      }
    }
    const perLoop: number[] = [];
    for (let r = 0; r < options.repeat; r++) {
      const t = timeOnce(context, memory, loops);
      if (typeof t !== 'number') return t;
      perLoop.push(t / loops);
    }
    const mean = perLoop.reduce((a, b) => a + b, 0) / perLoop.length;
    // The clock counts whole nanoseconds: below a picosecond the deviation is rounding error.
    const std = Math.round(Math.sqrt(perLoop.reduce((a, b) => a + (b - mean) ** 2, 0) / perLoop.length) * 1e12) / 1e12;
    const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
    const line = `${formatTime(mean)} ± ${formatTime(std)} per loop (mean ± std. dev. of ${plural(options.repeat, 'run')}, ${plural(loops, 'loop')} each)`;
    context.io.stdout(`${line}\n`);
    show(context, { text: `${line} [simulated clock]`, html: `<p>${escapeHtml(line)} (on the simulated clock)</p>` + htmlTable(['run', 'time per loop'], perLoop.map((t, i) => [i + 1, formatTime(t)])) }, {
      caption: `time per loop in ${options.repeat} runs`,
      vegaLite: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        width: 300,
        data: { values: perLoop.map((t, i) => ({ run: i + 1, 'µs per loop': t * 1e6 })) },
        mark: 'bar',
        encoding: { x: { field: 'run', type: 'ordinal' }, y: { field: 'µs per loop', type: 'quantitative' } },
      },
    });
    return OK;
  } finally {
    context.runHidden(`del ${RUNNER}`);
  }
}

const USAGE = '%timeit [-n N] [-r R] STMT\n%%timeit [-n N] [-r R] [SETUP]\nCELL BODY\n\nIPython\'s timeit on the simulated clock: the time is what the bytecode executed costs in the\nsimulation\'s cost model (engine/os/clock.ts), the same on every host. Without -n the loop count\ngrows by 10x until a batch takes 0.2 ms of simulated time (IPython: 0.2 s of real time); -r runs\n(default 7).';

export const timeitMagic: Magic = statementMagic({
  name: 'timeit',
  summary: "Time a statement on the simulated clock, with IPython's report.",
  usage: USAGE,
  parse: parseOptions,
  run: timeit,
  cellExtra: true,
});
