// Builds the static site: one page per chapter notebook and per docs/*.md, an index, assets.
import type { INotebookContent } from '@jupyterlab/nbformat';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import { copyAssets, templateDir } from './assets.js';
import { indexHtml, pageHtml, type Site } from './layout.js';
import { markdownPage, notebookPage, type Page } from './pages.js';
import { searchIndexScript } from './searchIndex.js';

export interface Chapter {
  path: string;
  notebook: INotebookContent;
}

export interface SiteSources {
  chapters: Chapter[];
  /** Directory of hand-written *.md pages (index.md becomes the overview's introduction). */
  docsDir?: string;
}

async function docsPages(docsDir: string | undefined): Promise<{ pages: Page[]; intro: string }> {
  if (!docsDir || !existsSync(docsDir)) return { pages: [], intro: '' };
  const names = (await readdir(docsDir)).filter((name) => name.endsWith('.md')).sort();
  const pages: Page[] = [];
  let intro = '';
  for (const name of names) {
    const source = await readFile(join(docsDir, name), 'utf8');
    if (name === 'index.md') intro = renderMarkdown(source, { headings: [] });
    else pages.push(markdownPage(source, basename(name, '.md')));
  }
  return { pages, intro };
}

/** Only an earlier build (or nothing) may be replaced: never a directory of someone's files. */
async function prepareOutDir(outDir: string): Promise<void> {
  if (existsSync(outDir)) {
    const entries = await readdir(outDir);
    if (entries.length > 0 && !existsSync(join(outDir, 'assets', 'site.js'))) {
      throw new Error(`${outDir} exists and is not a site built by pymemlab export; choose another --out`);
    }
    await rm(outDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
}

export interface BuiltSite {
  outDir: string;
  pages: number;
}

export async function buildSite(sources: SiteSources, outDir: string): Promise<BuiltSite> {
  const chapters = await Promise.all(sources.chapters.map(({ path, notebook }) => notebookPage(notebook, basename(path, '.ipynb'))));
  const docs = await docsPages(sources.docsDir);
  const site: Site = { chapters, docs: docs.pages, intro: docs.intro };
  const template = await readFile(join(templateDir(), 'page.html'), 'utf8');
  await prepareOutDir(outDir);
  const pages = [...chapters, ...docs.pages];
  await Promise.all([
    writeFile(join(outDir, 'index.html'), indexHtml(template, site)),
    ...pages.map((page) => writeFile(join(outDir, `${page.slug}.html`), pageHtml(template, site, page))),
    copyAssets(outDir, searchIndexScript(pages)),
  ]);
  return { outDir, pages: pages.length + 1 };
}
