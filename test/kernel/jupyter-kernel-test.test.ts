// Debian's jupyter_kernel_test suite against pymemlab, one unittest method per vitest test.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEBIAN_PYTHON, installIntoPrefix, type InstalledSpec } from './support/kernelspec.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Every method of the suite: each sample attribute of jupyter_kernel_test_pymemlab.py is set. */
const METHODS = [
  'test_kernel_info', 'test_execute_stdout', 'test_execute_stderr', 'test_completion', 'test_is_complete', 'test_pager',
  'test_error', 'test_execute_result', 'test_display_data', 'test_history', 'test_inspect', 'test_clear_output',
];

let spec: InstalledSpec;

beforeAll(async () => {
  spec = await installIntoPrefix();
});

describe('jupyter_kernel_test', () => {
  for (const method of METHODS) {
    it(method, () => {
      const run = spawnSync(DEBIAN_PYTHON, ['-m', 'unittest', '-v', `jupyter_kernel_test_pymemlab.PymemlabKernelTests.${method}`], {
        cwd: HERE,
        env: spec.env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).toMatch(/\bOK\b/);
      expect(run.status, run.stderr).toBe(0);
    });
  }
});
