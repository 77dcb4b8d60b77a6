// `pymemlab export`: the static site's files and what every output type becomes in HTML.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMain } from '../../kernel/export/cli.js';
import { recordingConsole, removeTempDirs, tempDir } from './notebooks.js';
import { buildFixtureSite, FIXTURES } from './site.js';

afterAll(removeTempDirs);

describe('pymemlab export', () => {
  const out = join(tempDir(), 'site');
  let report = '';
  const page = (name: string) => readFileSync(join(out, name), 'utf8');
  beforeAll(async () => { report = await buildFixtureSite(out); });

  it('writes a page per chapter and docs page, an index and every asset, and says where', () => {
    expect(report).toMatch(/^4 pages in [\d.]+ s: .*site\/index\.html$/m);
    expect(readdirSync(out).sort()).toEqual(['01-every-output.html', '02-refcounts.html', 'assets', 'glossary.html', 'index.html']);
    for (const asset of ['site.css', 'site.js', 'search-index.js', 'vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js',
      'vendor/minisearch.js', 'katex/katex.min.css', 'katex/fonts/KaTeX_Main-Regular.woff2']) {
      expect(existsSync(join(out, 'assets', asset)), asset).toBe(true);
    }
  });

  it('links only relatively, to files that exist, and loads nothing from elsewhere', () => {
    for (const name of readdirSync(out).filter((file) => file.endsWith('.html'))) {
      const html = page(name);
      const targets = [...html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)].map((match) => match[1]!).filter((target) => !target.startsWith('data:'));
      for (const target of targets) {
        expect(target, `${name} -> ${target}`).not.toMatch(/^(?:[a-z]+:)?\/\//);
        expect(existsSync(join(out, target)), `${name} -> ${target}`).toBe(true);
      }
    }
    const css = readFileSync(join(out, 'assets/katex/katex.min.css'), 'utf8');
    for (const font of [...css.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((match) => match[1]!)) {
      expect(existsSync(join(out, 'assets/katex', font)), font).toBe(true);
    }
  });

  it('renders every output type', () => {
    const html = page('01-every-output.html');
    expect(html).toContain('<pre class="output-stream output-stdout">pymalloc hands out blocks\n');
    expect(html).toContain('<pre class="output-stream output-stderr">careful\n');
    expect(html).toMatch(/<span class="ansi-green-fg">green arena<\/span>/);
    expect(html).toMatch(/<span class="prompt">Out\[2\]<\/span><pre class="output-text">56<\/pre>/);
    expect(html).toContain('<table class="sizes">');
    expect(html).toMatch(/<div class="output-image output-svg"><svg [^>]*class="pool-diagram"/);
    expect(html).toMatch(/<img alt="" src="data:image\/png;base64,iVBORw0KGgo/);
    expect(html).toMatch(/<div class="vega-chart" id="[^"]+"><div class="vega-fallback"><svg [^>]*class="marks"/);
    expect(html).toContain('<script type="application/json" class="vega-spec">{"$schema"');
    expect(html).toContain('<script src="assets/vendor/vega-embed.min.js"></script>');
    expect(html).toContain('<div class="output-markdown"><p><em>simulated</em> numbers</p>');
    expect(html).toMatch(/<div class="output-latex"><span class="katex-display">/);
    expect(html).toMatch(/<pre class="output-json"><code class="hljs language-json">[\s\S]*262144/);
    expect(html).toMatch(/<pre class="output-error"><span class="ansi-red-fg">-+<\/span>\n<span class="ansi-red-fg">ZeroDivisionError<\/span> +Traceback/);
    expect(html).toContain('<span class="ansi-red-fg">ZeroDivisionError</span>: division by zero</pre>');
    expect(html).not.toContain('\x1b[');
  });

  it('renders Markdown with anchors, math, highlighted code and an outline', () => {
    const html = page('01-every-output.html');
    expect(html).toMatch(/<h1 id="every-kind-of-output">Every kind of output/);
    expect(html).toMatch(/<h2 id="streams">Streams <a class="anchor" href="#streams"/);
    expect(html).toMatch(/<span class="katex">/);
    expect(html).toMatch(/<code class="hljs language-python"><span class="hljs-built_in">print<\/span>/);
    expect(html).toMatch(/<aside class="toc"[\s\S]*<a href="#streams">Streams<\/a>[\s\S]*<a href="#html-table">HTML table<\/a>/);
    const glossary = page('glossary.html');
    expect(glossary).toMatch(/<h2 id="pool">Pool/);
    expect(glossary).toMatch(/<code class="language-python"><span class="hljs-keyword">def<\/span>/);
  });

  it('links chapters with previous/next and lists them on the index and in the sidebar', () => {
    const first = page('01-every-output.html');
    expect(first).toMatch(/<a class="next" href="02-refcounts.html" rel="next">.*Reference counts<\/a>/);
    expect(first).not.toContain('rel="prev"');
    const second = page('02-refcounts.html');
    expect(second).toMatch(/<a class="previous" href="01-every-output.html" rel="prev">/);
    expect(second).toMatch(/<a href="02-refcounts.html" aria-current="page"><span class="num">02<\/span>/);
    const index = page('index.html');
    expect(index).toMatch(/<ol class="chapter-list">.*Every kind of output.*Reference counts/s);
    expect(index).toContain('Every object carries a count of the references to it');
    // Math in a summary reads as its TeX source, not as KaTeX's drawn glyphs run together.
    expect(index).toContain('with math like a^2 + b^2 = c^2 inline and');
  });

  it('embeds a search index with one entry per section', () => {
    const script = readFileSync(join(out, 'assets/search-index.js'), 'utf8');
    const documents = JSON.parse(script.replace(/^window\.PYMEMLAB_SEARCH = /, '').replace(/;\n$/, '')).documents;
    const letting = documents.find((doc: any) => doc.title === 'Letting go');
    expect(letting).toMatchObject({ href: '02-refcounts.html#letting-go', pageTitle: 'Reference counts' });
    expect(letting.text).toContain('goes back to its pool');
    expect(documents.some((doc: any) => doc.text.includes('<svg'))).toBe(false);
  });

  it('refuses to replace a directory it did not build, and names a broken notebook', async () => {
    const foreign = tempDir();
    writeFileSync(join(foreign, 'thesis.tex'), 'mine');
    let io = recordingConsole();
    expect(await exportMain([join(FIXTURES, 'chapters'), '--out', foreign], io)).toBe(1);
    expect(io.stderr).toContain('is not a site built by pymemlab export');
    expect(readFileSync(join(foreign, 'thesis.tex'), 'utf8')).toBe('mine');

    const broken = join(tempDir(), 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'x.ipynb'), '{');
    io = recordingConsole();
    expect(await exportMain([broken, '--out', join(tempDir(), 'out')], io)).toBe(2);
    expect(io.stderr).toContain(`${join(broken, 'x.ipynb')}: not valid JSON`);
  });
});
