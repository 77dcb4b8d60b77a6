// %dict EXPR [--probe KEY]: the compact hash table of a dict (dk_indices and dk_entries), the
// slots a key's lookup visits, and the table sizes the dict grew through.
import type { DictReport } from '../../../engine/api.js';
import { OK, usageError, type Magic } from '../registry.js';
import { hex, htmlTable, textTable, escapeHtml } from '../render/html.js';
import { line, rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, onValue } from './common.js';

const SLOT_W = 44;
const SLOTS_DRAWN = 64;

function slotText(v: number): string {
  return v === -1 ? 'EMPTY' : v === -2 ? 'DUMMY' : String(v);
}

function tableSvg(r: DictReport): string {
  const drawn = r.indices.slice(0, SLOTS_DRAWN);
  const perRow = 16;
  const body: string[] = [text(10, 14, `dk_indices: ${r.slots} slots x ${r.indexWidth} B`)];
  const probe = new Map((r.probe?.slots ?? []).map((slot, step) => [slot, step + 1]));
  const slotPos = (i: number): [number, number] => [10 + (i % perRow) * SLOT_W, 22 + Math.floor(i / perRow) * 40];
  drawn.forEach((v, i) => {
    const [x, y] = slotPos(i);
    const fill = probe.has(i) ? '#f4b183' : v >= 0 ? '#a9d18e' : v === -2 ? '#d9d9d9' : '#ffffff';
    body.push(rect(x, y, SLOT_W - 2, 24, { fill, title: `slot ${i}: ${slotText(v)}` }));
    body.push(text(x + SLOT_W / 2 - 1, y + 16, v >= 0 ? String(v) : v === -2 ? 'D' : '', 'middle'));
    body.push(text(x + 2, y + 34, String(i), 'start', 'fill="#888"'));
    if (probe.has(i)) body.push(text(x + SLOT_W - 4, y + 10, `#${probe.get(i)}`, 'end', 'fill="#c00"'));
  });
  const probeSlots = (r.probe?.slots ?? []).filter((s) => s < SLOTS_DRAWN);
  for (let k = 1; k < probeSlots.length; k++) {
    const [x1, y1] = slotPos(probeSlots[k - 1]!);
    const [x2, y2] = slotPos(probeSlots[k]!);
    body.push(line(x1 + SLOT_W / 2, y1 + 24, x2 + SLOT_W / 2, y2 + 24, '#c00', 'marker-end="url(#arrow)" stroke-dasharray="3,2"'));
  }
  let y = 30 + Math.ceil(drawn.length / perRow) * 40;
  body.push(text(10, y, `dk_entries: ${r.nentries} used of ${r.usable + r.nentries} (${r.kind} keys)`));
  y += 8;
  r.entries.slice(0, 24).forEach((e, i) => {
    const rowY = y + i * 20;
    body.push(rect(10, rowY, 30, 18, { fill: '#bdd7ee' }), text(25, rowY + 13, String(e.index), 'middle'));
    body.push(rect(40, rowY, 220, 18, { fill: e.key === null ? '#d9d9d9' : '#e2f0d9' }), text(44, rowY + 13, e.key ?? '<deleted>'));
    body.push(rect(260, rowY, 220, 18, { fill: '#e2f0d9' }), text(264, rowY + 13, e.value ?? ''));
  });
  const height = y + Math.min(r.entries.length, 24) * 20 + 10;
  return svgDocument(Math.max(10 + perRow * SLOT_W, 490), height, body);
}

const ENTRY_HEADERS = ['entry', 'hash', 'key', 'value'];

function entryRows(r: DictReport): (string | number)[][] {
  return r.entries.map((e) => [e.index, e.hash ?? '', e.key ?? '<deleted>', e.value ?? '']);
}

function describe(expression: string, r: DictReport): string[] {
  const lines = [
    `${expression}: dict at ${hex(r.object.address)}, sys.getsizeof = ${r.object.size}`,
    `keys object ${r.keysAddress ? hex(r.keysAddress) : '(shared empty keys)'}: ${r.keysBytes} bytes, ${r.kind} keys, ${r.slots} slots of ${r.indexWidth} B, ${r.used} used, ${r.nentries} entries written, ${r.usable} more insertable before a resize`,
    `dk_indices: ${r.indices.map(slotText).join(' ')}`,
  ];
  if (r.probe) lines.push(`probe for ${r.probe.key}: slots ${r.probe.slots.join(' -> ')} (${r.probe.found ? 'found' : 'not found: stops at an empty slot'})`);
  if (r.growth.length) lines.push(`growth when built by inserting ${r.used} keys one at a time: ${r.growth.map((g) => `insert ${g.afterInsert} -> ${g.slots} slots`).join(', ')}`);
  return lines;
}

export const dict: Magic = {
  name: 'dict',
  summary: "Show a dict's hash table: indices, entries, a key's probe sequence and the resizes.",
  usage: '%dict EXPR [--probe KEY]\n\nEXPR: an expression giving a dict.\n--probe KEY: KEY is a Python expression; the slots its lookup visits are marked.',
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const match = /^(.*?)(?:\s+--probe\s+(.+))?$/s.exec(args.trim());
    const expression = match?.[1]?.trim() ?? '';
    if (!expression) return usageError('%dict needs an expression');
    return onValue(memory.dict(expression, match?.[2]?.trim()), (r) => {
      const lines = describe(expression, r);
      const textReport = [...lines, textTable(ENTRY_HEADERS, entryRows(r))].join('\n');
      const html = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') + htmlTable(ENTRY_HEADERS, entryRows(r), 'dk_entries') +
        htmlTable(['after insert', 'slots', 'usable'], r.growth.map((g) => [g.afterInsert, g.slots, g.usable]), 'growth path');
      show(context, { text: textReport, html }, { caption: `hash table of ${expression}`, svg: tableSvg(r) });
      return OK;
    });
  },
};
