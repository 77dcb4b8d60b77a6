// %memit STMT / %%memit: memory_profiler's peak-memory report, fed by the simulated process's
// RSS (what /proc/PID/status says): the peak during the run and its increment over the RSS
// before it, in MiB.
import { OK, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, escapeHtml } from '../render/html.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, statementMagic } from './common.js';

export const MIB = 2 ** 20;

function parseRepeat(args: string): { options: number; rest: string } | string {
  const match = /^(?:-r\s*(\d+)\s*)?(.*)$/s.exec(args.trim())!;
  const repeat = match[1] ? Number(match[1]) : 1;
  return repeat >= 1 ? { options: repeat, rest: match[2]!.trim() } : '-r needs a positive number';
}

function memit(context: MagicContext, code: string, repeat: number): ReturnType<MagicContext['runCell']> {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  const baseline = memory.rss();
  const peaks: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const run = memory.measure(() => context.runCell(code));
    if (run.value.status === 'error') return run.value;
    peaks.push(run.peakRss);
  }
  const peak = Math.max(...peaks);
  // memory_profiler's MemitResult.__repr__
  const line = `peak memory: ${(peak / MIB).toFixed(2)} MiB, increment: ${((peak - baseline) / MIB).toFixed(2)} MiB`;
  context.io.stdout(`${line}\n`);
  const rows = [['RSS before', baseline], ...peaks.map((p, i) => [`peak, run ${i + 1}`, p]), ['increment (bytes)', peak - baseline]] as (string | number)[][];
  show(context, { text: line, html: `<p>${escapeHtml(line)}</p>` + htmlTable(['', 'bytes'], rows) }, {
    caption: `RSS before and at the peak: ${(baseline / MIB).toFixed(2)} -> ${(peak / MIB).toFixed(2)} MiB`,
    vegaLite: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      width: 300,
      data: { values: [{ when: 'before', MiB: baseline / MIB }, ...peaks.map((p, i) => ({ when: `peak ${i + 1}`, MiB: p / MIB }))] },
      mark: 'bar',
      encoding: { x: { field: 'when', type: 'nominal', sort: null, title: null }, y: { field: 'MiB', type: 'quantitative', title: 'RSS (MiB)' } },
    },
  });
  return OK;
}

const USAGE = '%memit [-r N] STMT\n%%memit [-r N]\nCELL BODY\n\nmemory_profiler\'s report: the peak RSS of the simulated process while the code runs (the highest of N runs)\nand its increment over the RSS before, in MiB.';

export const memitMagic: Magic = statementMagic({
  name: 'memit',
  summary: 'Measure the peak memory (RSS) of a statement or cell, as memory_profiler reports it.',
  usage: USAGE,
  parse: parseRepeat,
  run: memit,
});
