// Everything a page loads, copied into the site: the template's CSS and script, KaTeX's styles and
// fonts, Vega's browser bundles and MiniSearch. Nothing comes from a CDN.
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';

export function templateDir(): string {
  return join(packageRoot(), 'docs', 'template');
}

/** The installed directory of an npm package, found from its entry point. */
function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(join('node_modules', name))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the installed package ${name}`);
    dir = parent;
  }
  return dir;
}

const VENDOR_FILES: Array<[pkg: string, file: string, as: string]> = [
  ['vega', 'build/vega.min.js', 'vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js', 'vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js', 'vega-embed.min.js'],
  ['minisearch', 'dist/umd/index.js', 'minisearch.js'],
];

export async function copyAssets(outDir: string, searchScript: string): Promise<void> {
  const assets = join(outDir, 'assets');
  await mkdir(join(assets, 'vendor'), { recursive: true });
  await mkdir(join(assets, 'katex', 'fonts'), { recursive: true });
  const copies: Array<Promise<void>> = [
    copyFile(join(templateDir(), 'site.css'), join(assets, 'site.css')),
    copyFile(join(templateDir(), 'site.js'), join(assets, 'site.js')),
    writeFile(join(assets, 'search-index.js'), searchScript),
    ...VENDOR_FILES.map(([pkg, file, as]) => copyFile(join(packageDir(pkg), file), join(assets, 'vendor', as))),
  ];
  const katex = join(packageDir('katex'), 'dist');
  copies.push(copyFile(join(katex, 'katex.min.css'), join(assets, 'katex', 'katex.min.css')));
  // Browsers that read this site all take woff2, the first format KaTeX's CSS offers.
  for (const font of (await readdir(join(katex, 'fonts'))).filter((name) => name.endsWith('.woff2'))) {
    copies.push(copyFile(join(katex, 'fonts', font), join(assets, 'katex', 'fonts', font)));
  }
  await Promise.all(copies);
}
