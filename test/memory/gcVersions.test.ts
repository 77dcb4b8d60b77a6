// The gc corpus programs under the other version profiles, against the real 3.6-3.13 outputs in
// gc-versions/NAME.X.Y.out. The pairs listed in KNOWN_DIFFERENCES still differ for reasons outside
// the collector (the reason is given); the test requires them to differ so the list only shrinks.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnProfile } from '../versions/runOnProfile.js';

const here = dirname(fileURLToPath(import.meta.url));
const programs = join(here, '..', 'corpus', 'gc');
const VERSIONS = ['3.6', '3.7', '3.8', '3.12', '3.13'];
const NAMES = ['basics', 'counts', 'callbacks', 'freeze', 'debug_flags'];

const KNOWN_DIFFERENCES: Record<string, string> = {
  'counts 3.6': 'comprehensions allocate frame objects before 3.11',
  'freeze 3.6': 'comprehensions allocate frame objects before 3.11',
  'debug_flags 3.6': 'instances keep a __dict__ object before 3.11',
  'counts 3.7': 'comprehensions allocate frame objects before 3.11',
  'callbacks 3.7': 'frame objects before 3.11 change the counts',
  'freeze 3.7': 'comprehensions allocate frame objects before 3.11',
  'counts 3.8': 'comprehensions allocate frame objects before 3.11',
  'callbacks 3.8': 'frame objects before 3.11 change the counts',
  'freeze 3.8': 'comprehensions allocate frame objects before 3.11',
};

describe('gc programs under other versions', () => {
  for (const version of VERSIONS) {
    for (const name of NAMES) {
      const key = `${name} ${version}`;
      const reason = KNOWN_DIFFERENCES[key];
      it(`${key}${reason ? ' (known difference)' : ''}`, () => {
        const got = runOnProfile(join(programs, `${name}.py`), version, false);
        const want = readFileSync(join(here, 'gc-versions', `${name}.${version}.out`), 'utf8');
        if (reason) expect(got, `${key} now passes: take it off KNOWN_DIFFERENCES`).not.toBe(want);
        else expect(got).toBe(want);
      });
    }
  }
});
