// %gc: the cycle collector's state (generations, counts, thresholds, statistics, the last
// collections) and its controls, run through the gc module so callbacks and DEBUG flags behave
// as in a program.
import type { GcReport } from '../../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext } from '../registry.js';
import { htmlTable, textTable, escapeHtml } from '../render/html.js';
import { rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, onValue, type Introspector } from './common.js';

const DEBUG_FLAGS: Record<string, number> = { stats: 1, collectable: 2, uncollectable: 4, saveall: 32, leak: 38 };

function generationRows(r: GcReport): (string | number)[][] {
  return [0, 1, 2].map((g) => [g, r.tracked[g]!, r.counts[g]!, r.thresholds[g]!, r.stats[g]!.collections, r.stats[g]!.collected, r.stats[g]!.uncollectable]);
}

const GEN_HEADERS = ['generation', 'tracked objects', 'count', 'threshold', 'collections', 'collected', 'uncollectable'];

function countsSvg(r: GcReport): string {
  const body: string[] = [];
  [0, 1, 2].forEach((g) => {
    const y = 10 + g * 34;
    const fraction = r.thresholds[g]! > 0 ? Math.min(1, r.counts[g]! / r.thresholds[g]!) : 0;
    body.push(text(10, y + 16, `gen ${g}`));
    body.push(rect(60, y, 300, 22, { fill: '#f2f2f2', title: `threshold ${r.thresholds[g]}` }));
    body.push(rect(60, y, 300 * fraction, 22, { fill: '#f4b183', title: `count ${r.counts[g]}` }));
    body.push(text(370, y + 16, `${r.counts[g]} / ${r.thresholds[g]}  (${r.tracked[g]} tracked)`));
  });
  body.push(text(10, 122, `permanent generation (gc.freeze): ${r.frozen} objects; collector ${r.enabled ? 'enabled' : 'disabled'}`));
  return svgDocument(560, 134, body);
}

function showState(context: MagicContext, r: GcReport, note: string): void {
  const recent = r.recent.slice(-10).map((c, i) => [r.recent.length - Math.min(10, r.recent.length) + i + 1, c.generation, c.collected, c.uncollectable]);
  const recentHeaders = ['#', 'generation', 'collected', 'uncollectable'];
  const status = `gc ${r.enabled ? 'enabled' : 'disabled'}, debug flags ${r.debug}, frozen ${r.frozen}`;
  const textReport = [note, status, textTable(GEN_HEADERS, generationRows(r)), '', 'last collections:', recent.length ? textTable(recentHeaders, recent) : '(none yet)'].filter(Boolean).join('\n');
  const html = `<p>${escapeHtml([note, status].filter(Boolean).join('. '))}</p>` + htmlTable(GEN_HEADERS, generationRows(r)) + htmlTable(recentHeaders, recent, 'last collections');
  show(context, { text: textReport, html }, { caption: 'generation counts against their thresholds', svg: countsSvg(r) });
}

/** Runs a gc function through Python; its value (collect's count) comes back as data. */
function callGc(memory: Introspector, call: string): ReturnType<Introspector['data']> {
  return memory.data(`__import__('gc').${call}`);
}

function operation(words: string[]): { call: string; note: (value: unknown) => string } | string {
  const [op, ...rest] = words;
  switch (op) {
    case undefined:
    case 'stats':
      return { call: 'isenabled()', note: () => '' };
    case 'collect': {
      if (rest.length > 1 || (rest[0] !== undefined && !/^[0-2]$/.test(rest[0]))) return 'usage: %gc collect [0|1|2]';
      return { call: `collect(${rest[0] ?? ''})`, note: (n) => `gc.collect(${rest[0] ?? ''}) found ${n} unreachable objects` };
    }
    case 'threshold':
      if (rest.length < 1 || rest.length > 3 || rest.some((w) => !/^\d+$/.test(w))) return 'usage: %gc threshold A [B [C]]';
      return { call: `set_threshold(${rest.join(', ')})`, note: () => `thresholds set to ${rest.join(', ')}` };
    case 'freeze':
    case 'unfreeze':
      return rest.length ? `usage: %gc ${op}` : { call: `${op}()`, note: () => `gc.${op}() done` };
    case 'enable':
    case 'disable':
      return rest.length ? `usage: %gc ${op}` : { call: `${op}()`, note: () => `gc.${op}() done` };
    case 'debug': {
      const flags = rest.flatMap((w) => w.split(/[|,]/)).filter(Boolean);
      const unknown = flags.filter((f) => !(f.toLowerCase() in DEBUG_FLAGS) && !/^\d+$/.test(f));
      if (unknown.length) return `unknown debug flags: ${unknown.join(' ')} (use ${Object.keys(DEBUG_FLAGS).join(', ')}, or a number)`;
      const value = flags.reduce((v, f) => v | (/^\d+$/.test(f) ? Number(f) : DEBUG_FLAGS[f.toLowerCase()]!), 0);
      return { call: `set_debug(${value})`, note: () => `gc.set_debug(${value})` };
    }
    default:
      return `unknown %gc operation: ${op}`;
  }
}

export const gc: Magic = {
  name: 'gc',
  summary: "Show the cycle collector's generations and last collections, or run one of its operations.",
  usage: [
    '%gc [stats]                 generations: tracked objects, counts, thresholds, statistics',
    '%gc collect [GEN]           gc.collect(GEN), then the state',
    '%gc threshold A [B [C]]     gc.set_threshold',
    '%gc freeze | unfreeze       move every tracked object to the permanent generation and back',
    '%gc enable | disable',
    '%gc debug FLAGS             gc.set_debug: stats, collectable, uncollectable, saveall, leak (joined by | or ,), or a number',
  ].join('\n'),
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const op = operation(args.split(/\s+/).filter(Boolean));
    if (typeof op === 'string') return usageError(op);
    return onValue(callGc(memory, op.call), (value) => {
      showState(context, memory.gc(), op.note(value));
      return OK;
    });
  },
};
