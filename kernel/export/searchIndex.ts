// The client-side search index: one document per section (a page split at its headings), shipped
// as a script so it loads from file:// where fetching JSON is not allowed.
import { textOf } from './htmlText.js';
import type { Page } from './pages.js';

export interface SearchDocument {
  id: number;
  title: string;
  pageTitle: string;
  href: string;
  text: string;
}

export function searchDocuments(pages: Page[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const page of pages) {
    const headings = new Map(page.headings.map((heading) => [heading.id, heading]));
    // Split just before each heading that carries an id; the first piece belongs to the page itself.
    const pieces = page.body.split(/(?=<h[1-4][^>]*\sid=")/);
    for (const piece of pieces) {
      const id = /^<h[1-4][^>]*\sid="([^"]+)"/.exec(piece)?.[1];
      const heading = id ? headings.get(id) : undefined;
      const text = textOf(piece);
      if (!text) continue;
      documents.push({
        id: documents.length,
        title: heading?.text ?? page.title,
        pageTitle: page.title,
        // The page's own title starts the page: its result opens the page at the top.
        href: heading && heading.level > 1 ? `${page.slug}.html#${heading.id}` : `${page.slug}.html`,
        text,
      });
    }
  }
  return documents;
}

export function searchIndexScript(pages: Page[]): string {
  return `window.PYMEMLAB_SEARCH = ${JSON.stringify({ documents: searchDocuments(pages) })};\n`;
}
