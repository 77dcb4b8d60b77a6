// %tracemalloc [-n N] STMT / %%tracemalloc [-n N]: the code runs with tracemalloc on, then the
// top allocations by line that are still alive, as tracemalloc's statistics('lineno') lists them.
import { OK, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, textTable, escapeHtml } from '../render/html.js';
import { show } from '../render/bundle.js';
import { bytesText, introspection, isOutcome, onValue, statementMagic } from './common.js';

const TM = "__import__('tracemalloc')";

function parseTop(args: string): { options: number; rest: string } {
  const match = /^(?:-n\s*(\d+)\s*)?(.*)$/s.exec(args.trim())!;
  return { options: match[1] ? Number(match[1]) : 10, rest: match[2]!.trim() };
}

function traced(context: MagicContext, code: string, top: number): ReturnType<MagicContext['runCell']> {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  // A trace the user started stays on (and keeps its frame limit); ours is stopped at the end.
  const wasTracing = memory.data(`${TM}.is_tracing()`);
  if (wasTracing.status === 'error') return { status: 'error', error: wasTracing.error };
  if (!wasTracing.value) memory.data(`${TM}.start()`);
  const ran = context.runCell(code);
  const stats = memory.data(
    `[(s.traceback[0].filename, s.traceback[0].lineno, s.size, s.count) for s in ${TM}.take_snapshot().statistics('lineno') if s.traceback[0].filename != '<pymemlab>'][:${top}]`,
  );
  const totals = memory.data(`${TM}.get_traced_memory()`);
  if (!wasTracing.value) memory.data(`${TM}.stop()`);
  if (ran.status === 'error') return ran;
  return onValue(stats, (value) => {
    const rows = (value as [string, number, number, number][]).map(([file, line, size, count], i) => {
      const source = (memory.sourceLine(file, line) ?? '').trim();
      return [i + 1, `${file}:${line}`, size, count, Math.round(size / Math.max(1, count)), source];
    });
    const [current, peak] = totals.status === 'ok' ? (totals.value as number[]) : [0, 0];
    const head = `traced memory: ${bytesText(current!)} now, ${bytesText(peak!)} at the peak`;
    const headers = ['#', 'where', 'size', 'count', 'average', 'line'];
    show(context, { text: [head, textTable(headers, rows)].join('\n'), html: `<p>${escapeHtml(head)}</p>` + htmlTable(headers, rows, `top ${top} allocations by line`) }, {
      caption: 'top allocations',
      vegaLite: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        width: 420,
        data: { values: rows.map((r) => ({ where: `${r[1]} ${String(r[5]).slice(0, 30)}`, size: r[2] })) },
        mark: 'bar',
        encoding: { y: { field: 'where', type: 'nominal', sort: '-x', title: null }, x: { field: 'size', type: 'quantitative', title: 'bytes still allocated' } },
      },
    });
    return OK;
  });
}

const USAGE = '%tracemalloc [-n N] STMT\n%%tracemalloc [-n N]\nCELL BODY\n\nRuns the code with tracemalloc tracing (1 frame) and lists the N (default 10) lines whose allocations are still alive, largest first.';

export const tracemalloc: Magic = statementMagic({
  name: 'tracemalloc',
  summary: 'Run code under tracemalloc and list the top allocations by line.',
  usage: USAGE,
  parse: parseTop,
  run: traced,
});
