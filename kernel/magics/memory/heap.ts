// %heap (alias %pymalloc): pymalloc's arenas and pools as a map (one square per pool, filled as
// far as its blocks are in use) and the per-size-class table sys._debugmallocstats prints.
import type { HeapReport } from '../../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext, type MagicHandler } from '../registry.js';
import { hex, htmlTable, textTable, escapeHtml } from '../render/html.js';
import { rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome } from './common.js';

const CELL = 9;
const ARENAS_DRAWN = 48;

function poolColour(sizeClass: number, fill: number): string {
  if (sizeClass < 0) return '#ffffff';
  const hue = (sizeClass * 47) % 360;
  return `hsl(${hue}, 60%, ${Math.round(88 - 40 * fill)}%)`;
}

function mapSvg(r: HeapReport): string {
  const perArena = r.arenaSize / r.poolSize;
  const body: string[] = [];
  const drawn = r.arenas.slice(0, ARENAS_DRAWN);
  drawn.forEach((arena, row) => {
    const y = 10 + row * (CELL + 4);
    body.push(text(10, y + 8, `arena ${arena.index} ${hex(arena.address)}`));
    for (let k = 0; k < perArena; k++) {
      const pool = arena.pools[k];
      const x = 190 + k * CELL;
      if (!pool) {
        body.push(rect(x, y, CELL - 1, CELL - 1, { fill: '#eeeeee', stroke: '#cccccc', title: 'not carved yet' }));
        continue;
      }
      const fill = pool.capacity ? pool.used / pool.capacity : 0;
      const title = pool.sizeClass < 0 ? `pool ${hex(pool.address)}: empty` : `pool ${hex(pool.address)}: class ${pool.sizeClass} (${pool.blockSize} B), ${pool.used}/${pool.capacity} blocks`;
      body.push(rect(x, y, CELL - 1, CELL - 1, { fill: poolColour(pool.sizeClass, fill), title }));
    }
  });
  const y = 14 + drawn.length * (CELL + 4);
  const more = r.arenas.length > drawn.length ? `, first ${drawn.length} of ${r.arenas.length} arenas drawn` : '';
  body.push(text(10, y + 10, `one square per ${r.poolSize / 1024} KiB pool; hue = size class, darker = fuller; grey = not carved${more}`));
  return svgDocument(200 + perArena * CELL, y + 20, body);
}

const CLASS_HEADERS = ['class', 'size', 'pools', 'blocks in use', 'avail blocks', 'bytes in use'];

function classRows(r: HeapReport): (string | number)[][] {
  return r.sizeClasses.map((c) => [c.sizeClass, c.blockSize, c.pools, c.blocksInUse, c.blocksFree, c.blocksInUse * c.blockSize]);
}

function summary(r: HeapReport): string {
  const pools = r.arenas.reduce((n, a) => n + a.pools.length, 0);
  return `${r.arenas.length} arenas of ${r.arenaSize / 1024} KiB, ${pools} pools of ${r.poolSize / 1024} KiB carved, ` +
    `${r.allocatedBlocks} blocks allocated (sys.getallocatedblocks), alignment ${r.alignment}`;
}

const showHeap: MagicHandler = (context: MagicContext, args: string) => {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  const words = args.split(/\s+/).filter(Boolean);
  if (words.some((w) => w !== '--stats')) return usageError(`unknown %heap argument: ${args}`);
  const r = memory.heap();
  const textReport = words.includes('--stats') ? r.debugText.trimEnd() : [summary(r), textTable(CLASS_HEADERS, classRows(r))].join('\n');
  const html = `<p>${escapeHtml(summary(r))}</p>` + htmlTable(CLASS_HEADERS, classRows(r), 'size classes in use');
  show(context, { text: textReport, html }, { caption: `pymalloc map: ${r.arenas.length} arenas`, svg: mapSvg(r) });
  return OK;
};

const HEAP_USAGE = '%heap [--stats]\n\nArenas, pools and blocks of pymalloc, the per-size-class table, and a map of the pools.\n--stats: the text of sys._debugmallocstats() instead of the table.';

export const heap: Magic = { name: 'heap', summary: "Show pymalloc's arenas, pools and size classes as a map and a table.", usage: HEAP_USAGE, line: showHeap };
export const pymalloc: Magic = { name: 'pymalloc', summary: 'Alias of %heap.', usage: HEAP_USAGE.replace('%heap', '%pymalloc'), line: showHeap };
