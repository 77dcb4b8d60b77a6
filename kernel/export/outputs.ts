// Every nbformat output as HTML: rich MIME types in JupyterLab's order of preference, streams and
// tracebacks with their ANSI colours.
import type { IError, IMimeBundle, IOutput, IStream } from '@jupyterlab/nbformat';
import { AnsiUp } from 'ansi_up';
import katex from 'katex';
import { joinLines } from '../runner/multiline.js';
import { escapeHtml, highlightCode } from './markdown.js';
import { vegaLiteToSvg } from './vegaSvg.js';

export interface OutputContext {
  markdown(source: string): string;
  /** A page-unique id for elements scripts look up. */
  nextId(): string;
  /** Set when the page needs the Vega scripts. */
  usesVega: boolean;
}

const VEGA_LITE = ['application/vnd.vegalite.v5+json', 'application/vnd.vegalite.v4+json'];

function ansiToHtml(text: string): string {
  const converter = new AnsiUp();
  converter.use_classes = true;
  return converter.ansi_to_html(text);
}

function stripXmlProlog(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '').trim();
}

function renderLatex(source: string): string {
  const math = source.trim().replace(/^\$\$([\s\S]*)\$\$$/, '$1').replace(/^\\\[([\s\S]*)\\\]$/, '$1').replace(/^\$([\s\S]*)\$$/, '$1');
  return katex.renderToString(math, { displayMode: true, throwOnError: false });
}

async function renderVegaLite(spec: unknown, fallbackSvg: string | undefined, context: OutputContext): Promise<string> {
  context.usesVega = true;
  const id = context.nextId();
  let picture: string;
  try {
    picture = stripXmlProlog(await vegaLiteToSvg(spec));
  } catch (error) {
    picture = fallbackSvg ? stripXmlProlog(fallbackSvg) : `<pre class="output-error">${escapeHtml(`Chart not drawn: ${(error as Error).message}`)}</pre>`;
  }
  // "<\/" keeps a "</script>" inside the spec's strings from closing the element early.
  const json = JSON.stringify(spec).replace(/<\//g, '<\\/');
  return `<div class="vega-chart" id="${id}"><div class="vega-fallback">${picture}</div>`
    + `<script type="application/json" class="vega-spec">${json}</script></div>`;
}

async function renderBundle(data: IMimeBundle, context: OutputContext): Promise<string> {
  const text = (mime: string) => joinLines(data[mime] as string | string[]);
  const vegaMime = VEGA_LITE.find((mime) => mime in data);
  if (vegaMime) return renderVegaLite(data[vegaMime], 'image/svg+xml' in data ? text('image/svg+xml') : undefined, context);
  if ('text/html' in data) return `<div class="output-html">${text('text/html')}</div>`;
  if ('image/svg+xml' in data) return `<div class="output-image output-svg">${stripXmlProlog(text('image/svg+xml'))}</div>`;
  for (const mime of ['image/png', 'image/jpeg', 'image/gif']) {
    if (mime in data) return `<div class="output-image"><img alt="" src="data:${mime};base64,${text(mime).replace(/\s/g, '')}"></div>`;
  }
  if ('text/markdown' in data) return `<div class="output-markdown">${context.markdown(text('text/markdown'))}</div>`;
  if ('text/latex' in data) return `<div class="output-latex">${renderLatex(text('text/latex'))}</div>`;
  if ('application/json' in data) {
    return `<pre class="output-json"><code class="hljs language-json">${highlightCode(JSON.stringify(data['application/json'], null, 2), 'json')}</code></pre>`;
  }
  if ('text/plain' in data) return `<pre class="output-text">${ansiToHtml(text('text/plain'))}</pre>`;
  return '';
}

export async function renderOutput(output: IOutput, context: OutputContext): Promise<string> {
  switch (output.output_type) {
    case 'stream': {
      const stream = output as IStream;
      return `<pre class="output-stream output-${stream.name}">${ansiToHtml(joinLines(stream.text))}</pre>`;
    }
    case 'error': {
      const error = output as IError;
      const traceback = error.traceback.length ? error.traceback.join('\n') : `${error.ename}: ${error.evalue}`;
      return `<pre class="output-error">${ansiToHtml(traceback)}</pre>`;
    }
    case 'execute_result':
    case 'display_data':
      return renderBundle((output['data'] ?? {}) as IMimeBundle, context);
    default:
      return '';
  }
}
