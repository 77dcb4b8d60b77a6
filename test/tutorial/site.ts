// Builds the site from the fixture chapters and docs once per test file.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportMain } from '../../kernel/export/cli.js';
import { recordingConsole } from './notebooks.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export async function buildFixtureSite(outDir: string): Promise<string> {
  const io = recordingConsole();
  const status = await exportMain([join(FIXTURES, 'chapters'), '--docs', join(FIXTURES, 'docs'), '--out', outDir], io);
  if (status !== 0) throw new Error(`export failed (${status}): ${io.stderr}`);
  return io.stdout;
}
