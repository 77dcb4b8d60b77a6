// HTML tables for the magics' text/html output: plain markup, styled inline so that nbconvert
// and the docs site show them as JupyterLab does.
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export type Cell = string | number;

const CELL_STYLE = 'padding:2px 8px;border:1px solid #ccc;font-family:monospace';

function cellHtml(cell: Cell, tag: 'td' | 'th'): string {
  const align = typeof cell === 'number' ? 'right' : 'left';
  return `<${tag} style="${CELL_STYLE};text-align:${align}">${escapeHtml(String(cell))}</${tag}>`;
}

export function htmlTable(headers: string[], rows: Cell[][], caption?: string): string {
  const head = `<tr>${headers.map((h) => cellHtml(h, 'th')).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('');
  const cap = caption ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption>` : '';
  return `<table style="border-collapse:collapse;margin:4px 0">${cap}${head}${body}</table>`;
}

/** A plain-text table with columns padded to their widths (numbers right-aligned). */
export function textTable(headers: string[], rows: Cell[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: Cell[]): string =>
    cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function hex(address: number): string {
  return `0x${address.toString(16)}`;
}
