// The built site in a real headless Chromium, opened from file://: pages render their outputs and
// pictures, charts become interactive, search finds a term, the theme toggles. Screenshots are kept
// in test/tutorial/screenshots/ for a human look.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './notebooks.js';
import { buildFixtureSite } from './site.js';

afterAll(removeTempDirs);

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe('the docs site in Chromium', () => {
  const out = join(tempDir(), 'site');
  let browser: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildFixtureSite(out);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launchPersistentContext(tempDir(), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    browser.on('request', (request) => {
      if (!request.url().startsWith('file://') && !request.url().startsWith('data:')) problems.push(`request to ${request.url()}`);
    });
    browser.on('requestfailed', (request) => problems.push(`failed to load ${request.url()}`));
  });
  afterAll(async () => { await browser?.close(); });

  async function open(name: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`${name}: console: ${message.text()}`); });
    await page.goto(pathToFileURL(join(out, name)).href);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  it('opens every page without errors or outside requests', async () => {
    const pages = readdirSync(out).filter((file) => file.endsWith('.html'));
    expect(pages).toHaveLength(4);
    for (const name of pages) {
      const page = await open(name);
      await expect(page.locator('.page h1, .page .hero h1').first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, `${name.replace('.html', '')}-light.png`), fullPage: true });
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('renders outputs and pictures, and turns the chart interactive', async () => {
    const page = await open('01-every-output.html');
    await page.locator('.vega-chart.interactive').waitFor({ timeout: 20_000 });
    const facts = await page.evaluate(() => {
      const chart = document.querySelector('.vega-chart')!;
      const image = document.querySelector<HTMLImageElement>('.output-image img')!;
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return {
        liveChartMarks: chart.querySelectorAll('.vega-embed svg .mark-rect path').length,
        fallbackHidden: getComputedStyle(chart.querySelector('.vega-fallback')!).display === 'none',
        svgWidth: box('.output-svg svg')?.width ?? 0,
        pngLoaded: image.complete && image.naturalWidth === 24,
        tableRows: document.querySelectorAll('.output-html table tbody tr').length,
        katexBlocks: document.querySelectorAll('.katex-display .katex-html').length,
        katexFont: getComputedStyle(document.querySelector('.katex')!).fontFamily,
        katexFontLoaded: document.fonts.check('1em KaTeX_Main'),
        errorColour: getComputedStyle(document.querySelector('.output-error .ansi-red-fg')!).color,
        stderrBackground: getComputedStyle(document.querySelector('.output-stderr')!).backgroundColor,
        jsonText: document.querySelector('.output-json')?.textContent ?? '',
      };
    });
    expect(facts.liveChartMarks).toBeGreaterThan(0);
    expect(facts.fallbackHidden).toBe(true);
    expect(facts.svgWidth).toBeGreaterThan(100);
    expect(facts.pngLoaded).toBe(true);
    expect(facts.tableRows).toBe(2);
    expect(facts.katexBlocks).toBeGreaterThanOrEqual(2);
    expect(facts.katexFont).toContain('KaTeX_Main');
    expect(facts.katexFontLoaded).toBe(true);
    expect(facts.errorColour).not.toBe(await page.evaluate(() => getComputedStyle(document.body).color));
    expect(facts.stderrBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(facts.jsonText).toContain('"arena": 262144');
    await page.locator('.vega-chart').screenshot({ path: join(SCREENSHOTS, 'chart.png') });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows the chart without JavaScript, from the SVG drawn at export time', async () => {
    const page = await browser.newPage();
    // A persistent context cannot turn scripts off per page; keep every script from loading instead
    // (the failed loads this causes come after the tests that assert there were none).
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(pathToFileURL(join(out, '01-every-output.html')).href);
    expect(await page.locator('.vega-fallback svg .mark-rect path').count()).toBeGreaterThan(0);
    expect(await page.locator('.vega-fallback').isVisible()).toBe(true);
    expect(await page.locator('.vega-embed').count()).toBe(0);
    await page.close();
  });

  it('finds a term with the search box and follows the result', async () => {
    const page = await open('index.html');
    await page.fill('#search-input', 'quasar');
    const result = page.locator('#search-results a').first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toBe('02-refcounts.html');
    expect(await page.locator('#search-results mark').first().textContent()).toBe('quasar');
    await page.screenshot({ path: join(SCREENSHOTS, 'search.png') });
    await result.click();
    await page.waitForURL(/02-refcounts\.html$/);

    await page.fill('#search-input', 'pool');
    await page.locator('#search-results a').first().waitFor();
    const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('glossary.html#pool');
    await page.close();
  });

  it('toggles dark mode and keeps the choice across pages', async () => {
    const page = await open('01-every-output.html');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('.theme-toggle');
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(SCREENSHOTS, '01-every-output-dark.png'), fullPage: true });
    await page.goto(pathToFileURL(join(out, '02-refcounts.html')).href);
    expect(await background()).toBe(dark);
    await page.click('.theme-toggle');
    expect(await background()).toBe(light);
    await page.close();
  });

  it('fits a phone: no sideways scrolling, chapters in a drawer', async () => {
    const page = await open('01-every-output.html');
    await page.setViewportSize({ width: 390, height: 844 });
    // The drawer slides away with a transition when the layout switches.
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('.sidebar').isVisible()).toBe(true);
    const sidebarLeft = () => page.locator('.sidebar').evaluate((element) => element.getBoundingClientRect().right);
    expect(await sidebarLeft()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone.png') });
    await page.click('.menu-button');
    await page.waitForTimeout(300);
    expect(await sidebarLeft()).toBeGreaterThan(200);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-menu.png') });
    await page.close();
  });
});
