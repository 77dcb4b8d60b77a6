// %getsizeof EXPR [--deep]: sys.getsizeof's value split into its parts, as a table and as a
// picture of the object's blocks (the object's own block, then any separate buffers).
import type { SizeReport } from '../../../engine/api.js';
import { OK, usageError, type Magic } from '../registry.js';
import { hex, htmlTable, textTable, escapeHtml } from '../render/html.js';
import { KIND_COLOURS, rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { bytesText, introspection, isOutcome, onValue, takeFlag } from './common.js';

const SCALE_WIDTH = 560;

function layoutSvg(report: SizeReport): string {
  const groups = new Map<number, SizeReport['parts']>();
  for (const part of report.parts) groups.set(part.separate ? part.address : -1, [...(groups.get(part.separate ? part.address : -1) ?? []), part]);
  const widest = Math.max(...[...groups.values()].map((parts) => parts.reduce((s, p) => s + p.bytes, 0)), 1);
  const scale = SCALE_WIDTH / widest;
  const body: string[] = [];
  let y = 10;
  for (const [address, parts] of groups) {
    const label = address === -1 ? `${report.object.type} object at ${hex(report.block.address)} (${report.block.allocator})` : `separate block at ${hex(address)}`;
    body.push(text(10, y + 10, label));
    y += 16;
    let x = 10;
    for (const p of parts) {
      const w = Math.max(p.bytes * scale, 2);
      body.push(rect(x, y, w, 30, { fill: KIND_COLOURS[p.kind]!, title: `${p.name}: ${p.bytes} bytes` }));
      if (w > 40) body.push(text(x + w / 2, y + 19, `${p.bytes}`, 'middle'));
      // names under the parts wide enough to hold a few characters (all of them in the tooltip)
      const room = Math.floor(w / 6.6);
      if (room >= 6) body.push(text(x + 2, y + 42, p.name.length > room ? `${p.name.slice(0, room - 1)}…` : p.name, 'start', 'fill="#444"', 9));
      x += w;
    }
    y += 56;
  }
  const legend = Object.entries(KIND_COLOURS);
  legend.forEach(([kind, colour], i) => {
    body.push(rect(10 + i * 95, y, 12, 12, { fill: colour }), text(26 + i * 95, y + 10, kind));
  });
  return svgDocument(SCALE_WIDTH + 20, y + 24, body);
}

function reportText(expression: string, r: SizeReport): string {
  const rows = r.parts.map((p) => [p.name, p.bytes, p.kind, p.separate ? hex(p.address) : '']);
  const lines = [
    `sys.getsizeof(${expression}) = ${r.object.size}  (${r.object.type} at ${hex(r.object.address)})`,
    textTable(['part', 'bytes', 'kind', 'separate block'], rows),
    `own block: ${r.block.usable} usable bytes from ${r.block.allocator}`,
  ];
  if (r.deep) {
    lines.push(`deep size: ${bytesText(r.deep.size)} over ${r.deep.objects} objects (each counted once)`);
    lines.push(textTable(['type', 'objects', 'bytes'], r.deep.byType.map((t) => [t.type, t.count, t.bytes])));
  }
  return lines.join('\n');
}

function reportHtml(expression: string, r: SizeReport): string {
  const head = `<p><code>sys.getsizeof(${escapeHtml(expression)})</code> = <b>${r.object.size}</b> bytes: ${escapeHtml(r.object.type)} at ${hex(r.object.address)}, own block ${r.block.usable} usable bytes from ${escapeHtml(r.block.allocator)}</p>`;
  const parts = htmlTable(['part', 'bytes', 'kind', 'separate block'], r.parts.map((p) => [p.name, p.bytes, p.kind, p.separate ? hex(p.address) : '']));
  const deep = r.deep ? htmlTable(['type', 'objects', 'bytes'], r.deep.byType.map((t) => [t.type, t.count, t.bytes]), `deep size ${r.deep.size} bytes over ${r.deep.objects} objects`) : '';
  return head + parts + deep;
}

export const getsizeof: Magic = {
  name: 'getsizeof',
  summary: "Show an object's size (sys.getsizeof) split into header, GC header, items and slack.",
  usage: '%getsizeof EXPR [--deep]\n\nEXPR: any expression.\n--deep: also the deep size, every reachable object counted once (types and modules not followed).',
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const { present: deep, rest: expression } = takeFlag(args, '--deep');
    if (!expression) return usageError('%getsizeof needs an expression');
    return onValue(memory.sizeOf(expression, deep), (r) => {
      show(context, { text: reportText(expression, r), html: reportHtml(expression, r) }, { caption: `layout of ${r.object.type}: ${r.object.size} bytes`, svg: layoutSvg(r) });
      return OK;
    });
  },
};
