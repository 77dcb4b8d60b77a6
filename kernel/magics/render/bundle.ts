// MIME bundles for the magics. A front end shows one type per output, so a magic shows two
// outputs: its report (text/plain, text/html table) and its picture (SVG, or a Vega-Lite chart
// with the same chart as SVG), whose text/plain is a one-line caption for text-only front ends.
import type { MimeBundle } from '../../../engine/api.js';
import type { MagicContext } from '../registry.js';
import { renderVegaLite, VEGA_LITE_MIME } from './vega.js';

export interface Report {
  text: string;
  html: string;
}

export interface Picture {
  caption: string;
  svg?: string;
  vegaLite?: object;
}

export function reportBundle(report: Report): MimeBundle {
  return { 'text/plain': report.text, 'text/html': report.html };
}

export function pictureBundle(picture: Picture): MimeBundle {
  const bundle: MimeBundle = { 'text/plain': `[${picture.caption}]` };
  if (picture.vegaLite) bundle[VEGA_LITE_MIME] = picture.vegaLite;
  const svg = picture.svg ?? (picture.vegaLite ? fallbackSvg(picture.vegaLite) : undefined);
  if (svg) bundle['image/svg+xml'] = svg;
  return bundle;
}

/** The chart as SVG; a chart that cannot be rendered here is shown by the front end alone. */
function fallbackSvg(spec: object): string | undefined {
  try {
    return renderVegaLite(spec);
  } catch {
    return undefined;
  }
}

function display(context: MagicContext, data: MimeBundle): void {
  context.io.display({ kind: 'display', data, metadata: {}, update: false });
}

/** Shows the report, then the picture (if any). */
export function show(context: MagicContext, report: Report, picture?: Picture): void {
  display(context, reportBundle(report));
  if (picture) display(context, pictureBundle(picture));
}
