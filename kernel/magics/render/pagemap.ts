// The page map of %%fork: the parent's resident writable pages in address order, one strip per
// child, each page the child copied drawn in colour and the pages it still shares in grey.
// Consecutive copied pages are one rectangle, so a large heap stays a small document.
import type { PageCopyReport } from '../../../engine/api.js';
import { hex } from './html.js';
import { rect, svgDocument, text } from './svg.js';

export interface PageMapRow {
  label: string;
  report: PageCopyReport;
}

const LEFT = 90;
const WIDTH = 640;
const ROW = 22;
const TOP = 24;
export const COPIED_COLOUR = '#f4b183';
export const SHARED_COLOUR = '#e7e6e6';

/** Runs of consecutive indices: [first, count] pairs. */
function runs(indices: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

export function pageMapSvg(rows: PageMapRow[]): string {
  // Every child was forked from the same parent, whose pages may differ a little between forks:
  // the strips share one axis, the union of the pages any child saw in the parent.
  const addresses = [...new Set(rows.flatMap((r) => r.report.parentPages))].sort((a, b) => a - b);
  const index = new Map(addresses.map((a, i) => [a, i]));
  const pageWidth = WIDTH / Math.max(1, addresses.length);
  const pageSize = rows[0]?.report.pageSize ?? 4096;
  const body: string[] = [text(LEFT, 14, `${addresses.length} resident writable pages of the parent, by address (${pageSize} bytes each)`)];
  rows.forEach((row, k) => {
    const y = TOP + k * ROW;
    const copied = row.report.copied.map((a) => index.get(a)!).sort((a, b) => a - b);
    body.push(text(4, y + 14, row.label));
    body.push(rect(LEFT, y, WIDTH, ROW - 6, { fill: SHARED_COLOUR, stroke: 'none', title: `${row.report.parentPages.length - copied.length} pages still shared` }));
    for (const [first, count] of runs(copied)) {
      const from = addresses[first]!;
      body.push(rect(LEFT + first * pageWidth, y, count * pageWidth, ROW - 6, {
        fill: COPIED_COLOUR, stroke: 'none', title: `${count} copied page${count === 1 ? '' : 's'} from ${hex(from)}`,
      }));
    }
    body.push(text(LEFT + WIDTH + 6, y + 14, `${copied.length} copied, ${row.report.ownPages} new`));
  });
  const axisY = TOP + rows.length * ROW + 12;
  if (addresses.length) {
    body.push(text(LEFT, axisY, hex(addresses[0]!)));
    body.push(text(LEFT + WIDTH, axisY, hex(addresses[addresses.length - 1]!), 'end'));
  }
  body.push(rect(LEFT, axisY + 8, 12, 10, { fill: COPIED_COLOUR, stroke: 'none' }), text(LEFT + 16, axisY + 17, 'copied by the child'));
  body.push(rect(LEFT + 170, axisY + 8, 12, 10, { fill: SHARED_COLOUR, stroke: 'none' }), text(LEFT + 186, axisY + 17, 'still shared with the parent'));
  return svgDocument(LEFT + WIDTH + 160, axisY + 26, body);
}
