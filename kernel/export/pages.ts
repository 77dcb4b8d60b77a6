// Chapter notebooks and hand-written Markdown files turned into page bodies.
import type { ICodeCell, IMarkdownCell, INotebookContent } from '@jupyterlab/nbformat';
import { joinLines } from '../runner/multiline.js';
import { textOf } from './htmlText.js';
import { escapeHtml, highlightCode, renderMarkdown, type Heading, type PageEnv } from './markdown.js';
import { renderOutput, type OutputContext } from './outputs.js';

export interface Page {
  /** File name without ".html"; also the page's identity in links. */
  slug: string;
  kind: 'chapter' | 'doc';
  title: string;
  /** First paragraph's text, for the index. */
  summary: string;
  body: string;
  headings: Heading[];
  usesVega: boolean;
}

function titleOf(headings: Heading[], fallback: string): string {
  return headings.find((heading) => heading.level === 1)?.text ?? fallback;
}

function summaryOf(html: string): string {
  const text = textOf(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
  return text.length > 180 ? `${text.slice(0, 177).replace(/\s+\S*$/, '')}…` : text;
}

function tagsOf(cell: { metadata: unknown }): Set<string> {
  const tags = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return new Set(Array.isArray(tags) ? tags.map(String) : []);
}

/** Markdown cells may show images attached to the cell (`![x](attachment:x.png)`). */
function withAttachments(source: string, cell: IMarkdownCell): string {
  const attachments = (cell.attachments ?? {}) as Record<string, Record<string, unknown>>;
  return source.replace(/attachment:([^\s)"']+)/g, (match, name: string) => {
    const bundle = attachments[decodeURIComponent(name)];
    const mime = bundle && Object.keys(bundle)[0];
    return mime ? `data:${mime};base64,${joinLines(bundle[mime] as string | string[]).replace(/\s/g, '')}` : match;
  });
}

async function codeCellHtml(cell: ICodeCell, language: string, context: OutputContext): Promise<string> {
  const tags = tagsOf(cell);
  const count = cell.execution_count ?? ' ';
  const input = tags.has('remove-input') ? ''
    : `<div class="cell-input"><span class="prompt">In [${count}]</span><pre><code class="hljs language-${language}">${highlightCode(joinLines(cell.source), language)}</code></pre></div>`;
  const outputs: string[] = [];
  if (!tags.has('remove-output')) {
    for (const output of cell.outputs ?? []) {
      const html = await renderOutput(output, context);
      if (!html) continue;
      const prompt = output.output_type === 'execute_result' ? `<span class="prompt">Out[${output['execution_count'] ?? ' '}]</span>` : '';
      outputs.push(`<div class="output output-${output.output_type}">${prompt}${html}</div>`);
    }
  }
  if (!input && outputs.length === 0) return '';
  return `<div class="cell code-cell">${input}${outputs.length ? `<div class="cell-outputs">${outputs.join('')}</div>` : ''}</div>`;
}

export async function notebookPage(notebook: INotebookContent, slug: string): Promise<Page> {
  const env: PageEnv = { headings: [] };
  const context: OutputContext = { markdown: (source) => renderMarkdown(source, { headings: [] }), nextId: idCounter(slug), usesVega: false };
  const language = String(notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language ?? 'python');
  const parts: string[] = [];
  for (const cell of notebook.cells) {
    if (tagsOf(cell).has('remove-cell')) continue;
    if (cell.cell_type === 'markdown') {
      parts.push(`<section class="cell markdown-cell">${renderMarkdown(withAttachments(joinLines(cell.source), cell as IMarkdownCell), env)}</section>`);
    } else if (cell.cell_type === 'code') {
      parts.push(await codeCellHtml(cell as ICodeCell, language, context));
    } else if (cell.cell_type === 'raw') {
      parts.push(`<pre class="cell raw-cell">${escapeHtml(joinLines(cell.source))}</pre>`);
    }
  }
  const body = parts.filter(Boolean).join('\n');
  return { slug, kind: 'chapter', title: titleOf(env.headings, slug), summary: summaryOf(body), body, headings: env.headings, usesVega: context.usesVega };
}

export function markdownPage(source: string, slug: string): Page {
  const env: PageEnv = { headings: [] };
  const body = `<div class="doc-body">${renderMarkdown(source, env)}</div>`;
  return { slug, kind: 'doc', title: titleOf(env.headings, slug), summary: summaryOf(body), body, headings: env.headings, usesVega: false };
}

function idCounter(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}-output-${++next}`;
}
