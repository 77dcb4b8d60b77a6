// `npm run bench`: every benchmark of bench/, one after another in its own process, each
// measuring pymemlab side by side with the real thing (CPython, ipykernel) in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** bench/ in the sources: every module there is a benchmark (shared code lives under kernel/ or
 *  engine/), and reading the sources leaves out stale outputs of removed files in dist/. */
const sources = join(here, '..', '..', 'bench');
const only = process.argv.slice(2);
const benches = readdirSync(sources)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(here, `${name}.js`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  process.stdout.write(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s${r.status === 0 ? '' : `, exit ${r.status}`})\n`);
}
process.exit(failed ? 1 : 0);
