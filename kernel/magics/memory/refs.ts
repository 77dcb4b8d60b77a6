// %refs NAME: the reference count of an object, the objects that hold it and those it holds,
// drawn as a graph with the object in the middle.
import type { ObjectSummary, RefsReport } from '../../../engine/api.js';
import { OK, usageError, type Magic } from '../registry.js';
import { hex, htmlTable, textTable, escapeHtml } from '../render/html.js';
import { line, rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, onValue } from './common.js';

const BOX_W = 210;
const BOX_H = 34;
const ROW = 44;

type Linked = ObjectSummary & { via: string };

function box(x: number, y: number, o: ObjectSummary, fill: string, note = ''): string[] {
  const label = o.repr.length > 28 ? `${o.repr.slice(0, 25)}...` : o.repr;
  return [
    rect(x, y, BOX_W, BOX_H, { fill, title: `${o.type} at ${hex(o.address)}, ${o.size} bytes: ${o.repr}` }),
    text(x + 6, y + 14, `${o.type} ${hex(o.address)}${note}`),
    text(x + 6, y + 28, label),
  ];
}

function graphSvg(r: RefsReport): string {
  const rows = Math.max(r.referrers.length, r.referents.length, 1);
  const height = rows * ROW + 40;
  const centreY = height / 2 - BOX_H / 2;
  const left = 10;
  const middle = left + BOX_W + 120;
  const right = middle + BOX_W + 120;
  const body: string[] = [text(left, 14, 'referrers'), text(right, 14, 'referents')];
  const column = (items: Linked[], x: number, toCentre: boolean): void => {
    items.forEach((item, i) => {
      const y = 24 + i * ROW;
      body.push(...box(x, y, item, '#e2f0d9'));
      const [x1, y1, x2, y2] = toCentre ? [x + BOX_W, y + BOX_H / 2, middle, centreY + BOX_H / 2] : [middle + BOX_W, centreY + BOX_H / 2, x, y + BOX_H / 2];
      body.push(line(x1, y1, x2, y2, '#555', 'marker-end="url(#arrow)"'));
      body.push(text((x1 + x2) / 2, (y1 + y2) / 2 - 3, item.via.length > 18 ? `${item.via.slice(0, 15)}...` : item.via, 'middle', 'fill="#333"'));
    });
  };
  column(r.referrers, left, true);
  column(r.referents, right, false);
  body.push(...box(middle, centreY, r.object, '#9dc3e6', `  refcount ${r.refcount}`));
  return svgDocument(right + BOX_W + 10, height, body);
}

function table(items: Linked[]): (string | number)[][] {
  return items.map((o) => [o.via, o.type, hex(o.address), o.size, o.repr]);
}

const HEADERS = ['via', 'type', 'address', 'size', 'repr'];

export const refs: Magic = {
  name: 'refs',
  summary: 'Show the reference count of an object, what refers to it and what it refers to.',
  usage: '%refs NAME\n\nNAME: a name (or any expression) in the user namespace.\nReferrers are found among the objects the cycle collector tracks, as gc.get_referrers finds them;\nreferents are what the type\'s tp_traverse visits, as gc.get_referents reports them.',
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const expression = args.trim();
    if (!expression) return usageError('%refs needs a name');
    return onValue(memory.refs(expression), (r) => {
      const head = `${expression}: ${r.object.type} at ${hex(r.object.address)}, sys.getrefcount = ${r.refcount}`;
      const textReport = [head, '', `referrers (${r.referrers.length}):`, textTable(HEADERS, table(r.referrers)), '', `referents (${r.referents.length}):`, textTable(HEADERS, table(r.referents))].join('\n');
      const html = `<p>${escapeHtml(head)}</p>` + htmlTable(HEADERS, table(r.referrers), 'referrers') + htmlTable(HEADERS, table(r.referents), 'referents');
      show(context, { text: textReport, html }, { caption: `reference graph of ${expression}`, svg: graphSvg(r) });
      return OK;
    });
  },
};
