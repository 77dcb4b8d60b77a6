// The client-side search index: one document per section (a page split at its headings), shipped
// as a script so it loads from file:// where fetching JSON is not allowed.
import type { Page } from './pages.js';

export interface SearchDocument {
  id: number;
  title: string;
  pageTitle: string;
  href: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Readable text of generated HTML: pictures, scripts, MathML twins, prompts and anchors left out. */
export function textOf(html: string): string {
  return html
    .replace(/<(svg|script|style|math)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span class="prompt">[^<]*<\/span>/g, ' ')
    .replace(/<a class="anchor"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#?\w+);/g, (match, name: string) =>
      ENTITIES[name] ?? (name.startsWith('#') ? String.fromCodePoint(Number(name.startsWith('#x') ? `0${name.slice(1)}` : name.slice(1))) : match))
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchDocuments(pages: Page[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const page of pages) {
    const titles = new Map(page.headings.map((heading) => [heading.id, heading.text]));
    // Split just before each heading that carries an id; the first piece belongs to the page itself.
    const pieces = page.body.split(/(?=<h[1-4][^>]*\sid=")/);
    for (const piece of pieces) {
      const id = /^<h[1-4][^>]*\sid="([^"]+)"/.exec(piece)?.[1];
      const text = textOf(piece);
      if (!text) continue;
      documents.push({
        id: documents.length,
        title: (id && titles.get(id)) || page.title,
        pageTitle: page.title,
        href: id ? `${page.slug}.html#${id}` : `${page.slug}.html`,
        text,
      });
    }
  }
  return documents;
}

export function searchIndexScript(pages: Page[]): string {
  return `window.PYMEMLAB_SEARCH = ${JSON.stringify({ documents: searchDocuments(pages) })};\n`;
}
