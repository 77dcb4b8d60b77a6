// Whole HTML pages: the template from docs/template filled with sidebar, outline and pager.
import { escapeHtml } from './markdown.js';
import type { Page } from './pages.js';

export const SITE_TITLE = 'Python Memory Lab';

export interface Site {
  chapters: Page[];
  docs: Page[];
  /** Rendered docs/index.md, shown above the chapter list; empty when there is none. */
  intro: string;
}

const VEGA_SCRIPTS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js']
  .map((file) => `<script src="assets/vendor/${file}"></script>`).join('\n');

function chapterNumber(page: Page, index: number): string {
  return /^(\d+)/.exec(page.slug)?.[1] ?? String(index + 1).padStart(2, '0');
}

function sidebar(site: Site, current: string): string {
  const link = (page: Page, label: string) =>
    `<li><a href="${page.slug}.html"${page.slug === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
  const chapters = site.chapters.map((page, index) => link(page, `<span class="num">${chapterNumber(page, index)}</span><span>${escapeHtml(page.title)}</span>`));
  const docs = site.docs.map((page) => link(page, `<span>${escapeHtml(page.title)}</span>`));
  return [
    `<ol class="nav-list"><li><a href="index.html"${current === 'index' ? ' aria-current="page"' : ''}><span>Overview</span></a></li></ol>`,
    chapters.length ? `<h2>Chapters</h2><ol class="nav-list">${chapters.join('')}</ol>` : '',
    docs.length ? `<h2>Reference</h2><ul class="nav-list">${docs.join('')}</ul>` : '',
  ].join('\n');
}

function outline(page: Page): string {
  const entries = page.headings.filter((heading) => heading.level === 2 || heading.level === 3);
  if (entries.length === 0) return '';
  const items = entries.map((heading) => `<li class="level-${heading.level}"><a href="#${heading.id}">${escapeHtml(heading.text)}</a></li>`);
  return `<h2>On this page</h2><ul>${items.join('')}</ul>`;
}

function pager(sequence: Page[], page: Page): string {
  const at = sequence.indexOf(page);
  const previous = sequence[at - 1];
  const next = sequence[at + 1];
  if (!previous && !next) return '';
  return `<nav class="pager" aria-label="Previous and next">${
    previous ? `<a class="previous" href="${previous.slug}.html" rel="prev"><span class="label">← Previous</span>${escapeHtml(previous.title)}</a>` : ''}${
    next ? `<a class="next" href="${next.slug}.html" rel="next"><span class="label">Next →</span>${escapeHtml(next.title)}</a>` : ''}</nav>`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}

export function pageHtml(template: string, site: Site, page: Page): string {
  return fill(template, {
    pageTitle: escapeHtml(`${page.title} · ${SITE_TITLE}`),
    siteTitle: escapeHtml(SITE_TITLE),
    slug: page.slug,
    kind: page.kind,
    sidebar: sidebar(site, page.slug),
    content: page.body,
    toc: outline(page),
    pager: pager([...site.chapters, ...site.docs], page),
    scripts: page.usesVega ? VEGA_SCRIPTS : '',
  });
}

export function indexHtml(template: string, site: Site): string {
  const cards = site.chapters.map((page, index) => `<li><a href="${page.slug}.html"><span class="num">Chapter ${chapterNumber(page, index)}</span>`
    + `<span class="title">${escapeHtml(page.title)}</span><span class="summary">${escapeHtml(page.summary)}</span></a></li>`);
  const docs = site.docs.map((page) => `<li><a href="${page.slug}.html"><span class="title">${escapeHtml(page.title)}</span>`
    + `<span class="summary">${escapeHtml(page.summary)}</span></a></li>`);
  const hero = site.intro || `<h1>${escapeHtml(SITE_TITLE)}</h1><p>CPython's memory, object by object: a Jupyter kernel that simulates the interpreter down to the byte, and the chapters that read it.</p>`;
  const body = [
    `<div class="hero">${hero}</div>`,
    cards.length ? `<h2 id="chapters">Chapters</h2><ol class="chapter-list">${cards.join('')}</ol>` : '',
    docs.length ? `<h2 id="reference">Reference</h2><ul class="chapter-list">${docs.join('')}</ul>` : '',
  ].join('\n');
  const headings = [
    ...(cards.length ? [{ level: 2, id: 'chapters', text: 'Chapters' }] : []),
    ...(docs.length ? [{ level: 2, id: 'reference', text: 'Reference' }] : []),
  ];
  const index: Page = { slug: 'index', kind: 'doc', title: 'Overview', summary: '', body, headings, usesVega: false };
  // Not part of the sequence, so its pager leads on to the first chapter.
  return pageHtml(template, site, index);
}
