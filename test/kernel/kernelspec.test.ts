// `pymemlab install` writes a kernelspec that Debian's jupyter-client lists and can launch.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from './support/build.js';
import { DEBIAN_PYTHON, installIntoPrefix } from './support/kernelspec.js';

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString()).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

beforeAll(ensureBuilt);

describe('pymemlab install', () => {
  it('writes kernel.json with absolute paths and the connection file as its own argument', async () => {
    const { prefix } = await installIntoPrefix();
    const dir = join(prefix, 'share', 'jupyter', 'kernels', 'pymemlab');
    const spec = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8'));
    expect(spec.display_name).toBe('Python Memory Lab (CPython 3.11, simulated)');
    expect(spec.language).toBe('python');
    expect(spec.interrupt_mode).toBe('message');
    expect(spec.argv[0]).toBe(process.execPath);
    expect(spec.argv[1]).toBe('--max-semi-space-size=2');
    expect(spec.argv[2]).toBe(CLI);
    expect(spec.argv.slice(3)).toEqual(['kernel', '-f', '{connection_file}']);
    expect(spec.env).toEqual({ NODE_EXTRA_CA_CERTS: '' });
    expect(pngSize(join(dir, 'logo-32x32.png'))).toEqual([32, 32]);
    expect(pngSize(join(dir, 'logo-64x64.png'))).toEqual([64, 64]);
  });

  it('is listed by jupyter kernelspec list', async () => {
    const { env, prefix } = await installIntoPrefix();
    const listing = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'kernelspec', 'list', '--json'], { env, encoding: 'utf8' }));
    const entry = listing.kernelspecs.pymemlab;
    expect(entry.resource_dir).toBe(join(prefix, 'share', 'jupyter', 'kernels', 'pymemlab'));
    expect(entry.spec.display_name).toBe('Python Memory Lab (CPython 3.11, simulated)');
  });

  it('takes --name, --display-name and --python, and uninstall removes the spec', async () => {
    const { prefix, env } = await installIntoPrefix();
    execFileSync(process.execPath, [CLI, 'install', '--prefix', prefix, '--python', '3.12', '--name', 'lab312', '--display-name', 'Lab 3.12']);
    const dir = join(prefix, 'share', 'jupyter', 'kernels', 'lab312');
    const spec = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8'));
    expect(spec.display_name).toBe('Lab 3.12');
    expect(spec.argv.slice(-2)).toEqual(['--python', '3.12']);
    execFileSync(process.execPath, [CLI, 'uninstall', '--prefix', prefix, '--name', 'lab312']);
    expect(existsSync(dir)).toBe(false);
    const listing = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'kernelspec', 'list', '--json'], { env, encoding: 'utf8' }));
    expect(Object.keys(listing.kernelspecs)).toContain('pymemlab');
    expect(Object.keys(listing.kernelspecs)).not.toContain('lab312');
  });

  it('rejects a Python version the engine does not simulate', async () => {
    const { prefix } = await installIntoPrefix();
    expect(() => execFileSync(process.execPath, [CLI, 'install', '--prefix', prefix, '--python', '2.7'], { stdio: 'pipe' })).toThrow(/unsupported Python version 2\.7/);
  });
});
