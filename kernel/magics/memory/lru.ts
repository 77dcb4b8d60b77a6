// %lru FUNC [STMT]: an lru_cache's cache_info, the memory its cache dict holds (deep size), and,
// when STMT is given, the hit rate after every call STMT makes (the name FUNC is bound to a
// recording wrapper while STMT runs, so recursive calls through the name are seen too).
import type { HostData } from '../../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, textTable, escapeHtml } from '../render/html.js';
import { show } from '../render/bundle.js';
import { bytesText, introspection, isOutcome, onValue, type Introspector } from './common.js';

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const LOG = '__pymemlab_lru_log';
const SAVED = '__pymemlab_lru_saved';

/** The cache dict the lru_cache wrapper closes over (functools' pure-Python implementation). */
function cacheExpression(func: string): string {
  return `dict(zip(${func}.cache_info.__code__.co_freevars, [c.cell_contents for c in ${func}.cache_info.__closure__]))['cache']`;
}

function recordCalls(context: MagicContext, memory: Introspector, func: string, stmt: string): { calls: number[][] } | ReturnType<MagicContext['runCell']> {
  const setup = context.runHidden([
    `def __pymemlab_lru_probe(f, log):`,
    `    def probe(*args, **kwargs):`,
    `        try:`,
    `            return f(*args, **kwargs)`,
    `        finally:`,
    `            log.append(tuple(f.cache_info())[:2])`,
    `    return probe`,
    `${LOG} = []`,
    `${SAVED} = ${func}`,
    `${func} = __pymemlab_lru_probe(${func}, ${LOG})`,
    `del __pymemlab_lru_probe`,
  ].join('\n'));
  if (setup.status === 'error') return setup;
  const ran = context.runCell(stmt);
  const log = memory.data(LOG);
  const restored = context.runHidden(`${func} = ${SAVED}\ndel ${SAVED}, ${LOG}`);
  if (ran.status === 'error') return ran;
  if (restored.status === 'error') return restored;
  return { calls: log.status === 'ok' ? (log.value as number[][]) : [] };
}

function hitRateChart(calls: number[][]): object {
  const values = calls.map(([hits, misses], i) => ({ call: i + 1, 'hit rate': hits! / Math.max(1, hits! + misses!) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'cumulative hit rate after each call',
    width: 420,
    height: 180,
    data: { values },
    mark: { type: 'line', point: calls.length <= 60 },
    encoding: {
      x: { field: 'call', type: 'quantitative', title: 'call' },
      y: { field: 'hit rate', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' } },
    },
  };
}

export const lru: Magic = {
  name: 'lru',
  summary: "Show an lru_cache's statistics, the memory its cache holds, and its hit rate over calls.",
  usage: '%lru FUNC [STMT]\n\nFUNC: the name of a function decorated with functools.lru_cache or functools.cache.\nSTMT: run it while recording cache_info() after every call to FUNC, and chart the hit rate.',
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const [func = '', ...rest] = args.trim().split(/\s+/);
    const stmt = args.trim().slice(func.length).trim();
    if (!NAME.test(func)) return usageError('%lru needs the name of a cached function');
    // A function without cache_info fails here, before its name is rebound for recording.
    const before = memory.data(`tuple(${func}.cache_info())`);
    if (before.status === 'error') return before;
    let calls: number[][] = [];
    if (rest.length) {
      const recorded = recordCalls(context, memory, func, stmt);
      if ('status' in recorded) return recorded;
      calls = recorded.calls;
    }
    return onValue(memory.data(`tuple(${func}.cache_info())`), (info: HostData) => {
      const [hits, misses, maxsize, currsize] = info as [number, number, number | null, number];
      return onValue(memory.sizeOf(cacheExpression(func), true), (cache) => {
        const rate = hits + misses ? hits / (hits + misses) : 0;
        const rows: (string | number)[][] = [
          ['hits', hits], ['misses', misses], ['maxsize', maxsize === null ? 'None' : maxsize], ['currsize', currsize],
          ['hit rate', `${(100 * rate).toFixed(1)}%`],
          ['cache dict', `${cache.object.size} bytes (sys.getsizeof)`],
          ['cache, deep', `${bytesText(cache.deep!.size)} in ${cache.deep!.objects} objects (keys and results counted once)`],
        ];
        const head = `CacheInfo(hits=${hits}, misses=${misses}, maxsize=${maxsize === null ? 'None' : maxsize}, currsize=${currsize})`;
        const textReport = [head, textTable(['', ''], rows.map((r) => r.map(String)))].join('\n');
        const html = `<p><code>${escapeHtml(func)}.cache_info()</code>: ${escapeHtml(head)}</p>` + htmlTable(['', ''], rows.map((r) => r.map(String))) +
          htmlTable(['type', 'objects', 'bytes'], cache.deep!.byType.map((t) => [t.type, t.count, t.bytes]), 'what the cache holds');
        const picture = calls.length ? { caption: `hit rate of ${func} over ${calls.length} calls`, vegaLite: hitRateChart(calls) } : undefined;
        show(context, { text: textReport, html }, picture);
        return OK;
      });
    });
  },
};
