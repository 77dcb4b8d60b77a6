// Checks on what a magic shows: its MIME types, SVG that an XML parser accepts, Vega-Lite specs
// that vega-lite compiles.
import { expect } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { compile } from 'vega-lite';
import type { MimeBundle } from '../../engine/api.js';
import type { CellRun } from './harness.js';

const VEGA_LITE = 'application/vnd.vegalite.v5+json';

export function parseSvg(svg: string): void {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`SVG is not well-formed XML (${level}): ${message}`);
    },
  });
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  expect(doc.documentElement?.tagName).toBe('svg');
}

/** The report bundle and the picture bundle a memory magic shows, checked. */
export function checkPictures(run: CellRun): { report: MimeBundle; picture: MimeBundle | undefined } {
  if (run.outcome.status === 'error') throw new Error(run.outcome.error.traceback.join('\n'));
  const [report, picture] = run.displays;
  expect(report).toBeDefined();
  expect(typeof report!['text/plain']).toBe('string');
  expect(typeof report!['text/html']).toBe('string');
  expect(report!['text/html']).toMatch(/<table|<ul/);
  if (picture) {
    expect(typeof picture['text/plain']).toBe('string');
    expect(typeof picture['image/svg+xml']).toBe('string');
    parseSvg(picture['image/svg+xml'] as string);
    if (picture[VEGA_LITE]) expect(() => compile(picture[VEGA_LITE] as Parameters<typeof compile>[0])).not.toThrow();
  }
  return { report: report!, picture };
}

export function plain(bundle: MimeBundle | undefined): string {
  return String(bundle?.['text/plain'] ?? '');
}
