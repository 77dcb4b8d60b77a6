// %memoryview EXPR: the bytes a view shares with its exporter (no copy), and the exports that
// pin the exporter's buffer.
import type { MemoryviewReport } from '../../../engine/api.js';
import { OK, usageError, type Magic } from '../registry.js';
import { hex, htmlTable, textTable, escapeHtml } from '../render/html.js';
import { rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';
import { introspection, isOutcome, onValue } from './common.js';

const WIDTH = 520;

function viewSvg(r: MemoryviewReport): string {
  const scale = WIDTH / Math.max(r.bufferBytes, 1);
  const offset = r.viewStart - r.bufferStart;
  const body = [
    text(10, 14, `${r.base.type} buffer at ${hex(r.bufferStart)}: ${r.bufferBytes} bytes`),
    rect(10, 20, WIDTH, 26, { fill: '#e2f0d9', title: 'exporter buffer' }),
    rect(10 + offset * scale, 20, Math.max(r.viewBytes * scale, 2), 26, { fill: '#f4b183', title: `view: ${r.viewBytes} bytes at offset ${offset}` }),
    text(10 + offset * scale, 62, `view ${hex(r.viewStart)} (+${offset}), ${r.viewBytes} bytes shared, 0 copied`),
  ];
  return svgDocument(WIDTH + 20, 74, body);
}

function rows(r: MemoryviewReport): string[][] {
  return [
    ['exporter', `${r.base.type} at ${hex(r.base.address)}`],
    ['exporter buffer', `${hex(r.bufferStart)}, ${r.bufferBytes} bytes`],
    ['view covers', `${hex(r.viewStart)} (offset ${r.viewStart - r.bufferStart}), ${r.viewBytes} bytes`],
    ['format / itemsize', `${r.format} / ${r.itemsize}`],
    ['ndim / shape / strides', `${r.ndim} / ${JSON.stringify(r.shape)} / ${JSON.stringify(r.strides)}`],
    ['readonly', String(r.readonly)],
    ['views on the managed buffer', String(r.exports)],
    ['exporter exports', r.baseExports === null ? 'n/a' : String(r.baseExports)],
    ['memoryview object', `${r.object.size} bytes (sys.getsizeof); the data is not copied`],
  ];
}

export const memoryview: Magic = {
  name: 'memoryview',
  summary: 'Show which bytes a memoryview shares with its exporter, and the exports that pin it.',
  usage: '%memoryview EXPR\n\nEXPR: an expression giving a memoryview.',
  line: (context, args) => {
    const memory = introspection(context);
    if (isOutcome(memory)) return memory;
    const expression = args.trim();
    if (!expression) return usageError('%memoryview needs an expression');
    return onValue(memory.memoryview(expression), (r) => {
      const table = rows(r);
      show(context, { text: textTable(['', ''], table), html: `<p>${escapeHtml(expression)}</p>` + htmlTable(['', ''], table) }, { caption: `bytes shared by ${expression}`, svg: viewSvg(r) });
      return OK;
    });
  },
};
