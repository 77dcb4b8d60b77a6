// Programs about layouts that changed between CPython versions, run on every version profile and
// compared with what the real interpreter of that version printed (programs/NAME.X.Y.out, recorded
// with the real 3.6, 3.7, 3.8, 3.11, 3.12 and 3.13 by record-goldens.sh). A pair listed in known-differences.txt must
// still differ, so the list only shrinks.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnProfile } from './runOnProfile.js';

const here = dirname(fileURLToPath(import.meta.url));
const programs = join(here, 'programs');

/** "name X.Y" -> the reason it still differs. */
function knownDifferences(): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(join(here, 'known-differences.txt'), 'utf8').split('\n')) {
    const m = /^(\S+) (\d+\.\d+)\s+#\s*(.+)$/.exec(line.trim());
    if (m) known.set(`${m[1]} ${m[2]}`, m[3]!);
  }
  return known;
}

const known = knownDifferences();
const goldens = readdirSync(programs).filter((f) => f.endsWith('.out')).sort();

describe('layouts under every version profile', () => {
  it('has a golden for each program and version', () => {
    expect(goldens.length).toBeGreaterThan(0);
  });
  for (const golden of goldens) {
    const [, name, version] = /^(.+)\.(\d+\.\d+)\.out$/.exec(golden)!;
    const key = `${name} ${version}`;
    const reason = known.get(key);
    it(`${key}${reason ? ' (known difference)' : ''}`, () => {
      const got = runOnProfile(join(programs, `${name}.py`), version!, true);
      const want = readFileSync(join(programs, golden), 'utf8');
      if (reason) expect(got, `${key} now matches: take it off known-differences.txt`).not.toBe(want);
      else expect(got).toBe(want);
    });
  }
});
