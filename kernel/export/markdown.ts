// The site's Markdown: CommonMark plus tables, heading anchors, KaTeX math and highlighted code.
import katexModule from '@vscode/markdown-it-katex';
import hljs from 'highlight.js';
import MarkdownIt, { type Env } from 'markdown-it';
import anchor from 'markdown-it-anchor';

export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** Per page: anchors stay unique across all of a page's cells, and its headings are collected. */
export interface PageEnv extends Env {
  markdownItAnchor?: unknown;
  headings: Heading[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function slugify(text: string): string {
  const slug = text.trim().toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/[\s_]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Highlighted HTML for code in a language highlight.js knows, escaped text otherwise. */
export function highlightCode(code: string, language: string): string {
  const known = hljs.getLanguage(language) ? language : null;
  return known ? hljs.highlight(code, { language: known, ignoreIllegals: true }).value : escapeHtml(code);
}

// The plugin is CommonJS with its function on `exports.default`: Node's ESM loader hands over the
// exports object, bundlers that honour `__esModule` hand over the function itself.
const katexPlugin: typeof katexModule.default = (katexModule as { default?: typeof katexModule.default }).default
  ?? (katexModule as unknown as typeof katexModule.default);

function createMarkdown() {
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    typographer: true,
    highlight: (code, language) => highlightCode(code, language || 'plaintext'),
  });
  md.use(anchor, {
    level: [1, 2, 3, 4],
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({ symbol: '#', placement: 'after', class: 'anchor', ariaHidden: true }),
  });
  md.use(katexPlugin, { throwOnError: false, enableFencedBlocks: true });
  md.core.ruler.push('collect_headings', (state) => {
    const env = state.env as Partial<PageEnv>;
    if (!env.headings) return;
    state.tokens.forEach((token, index) => {
      if (token.type !== 'heading_open') return;
      const text = (state.tokens[index + 1]?.children ?? [])
        .filter((child) => child.type === 'text' || child.type === 'code_inline')
        .map((child) => child.content)
        .join('')
        .trim();
      env.headings!.push({ level: Number(token.tag.slice(1)), id: String(token.attrGet('id') ?? ''), text });
    });
  });
  return md;
}

const markdown = createMarkdown();

export function renderMarkdown(source: string, env: PageEnv): string {
  return markdown.render(source, env);
}
