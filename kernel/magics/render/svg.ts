// A small SVG writer for the magics' pictures: every shape is escaped text in one document, so
// the result is well-formed XML that any front end (and nbconvert's HTML) shows as is.
import { escapeHtml } from './html.js';

const FONT_SIZE = 11;

export interface RectOptions {
  fill: string;
  stroke?: string;
  title?: string;
}

export function rect(x: number, y: number, width: number, height: number, options: RectOptions): string {
  const title = options.title ? `<title>${escapeHtml(options.title)}</title>` : '';
  return `<rect x="${x}" y="${y}" width="${Math.max(0, width)}" height="${height}" fill="${options.fill}" stroke="${options.stroke ?? '#333'}" stroke-width="0.5">${title}</rect>`;
}

/** `extra` holds further attributes (never font-family or font-size: pass `size`). */
export function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'start', extra = '', size = FONT_SIZE): string {
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="monospace" font-size="${size}" ${extra}>${escapeHtml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#555', extra = ''): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}" ${extra}/>`;
}

export function svgDocument(width: number, height: number, body: string[]): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">' +
    '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>' +
    `<rect width="${w}" height="${h}" fill="white"/>${body.join('')}</svg>`;
}

/** Colours by part kind, shared by the pictures so a legend reads the same everywhere. */
export const KIND_COLOURS: Record<string, string> = {
  gc: '#f4b183',
  header: '#9dc3e6',
  fields: '#bdd7ee',
  items: '#a9d18e',
  slack: '#e2f0d9',
  other: '#d9d9d9',
};
