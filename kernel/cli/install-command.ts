// `pymemlab install` / `pymemlab uninstall`.
import { parseArgs } from 'node:util';
import { defaultDisplayName, defaultSpecName, installSpec, uninstallSpec, type SpecLocation } from '../kernelspec/install.js';
import { pythonOption } from './options.js';

const locationOptions = {
  user: { type: 'boolean' },
  'sys-prefix': { type: 'boolean' },
  prefix: { type: 'string' },
  name: { type: 'string' },
  python: { type: 'string' },
} as const;

function location(values: { user?: boolean; 'sys-prefix'?: boolean; prefix?: string }): SpecLocation {
  const chosen = [values.user, values['sys-prefix'], values.prefix !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new Error('choose one of --user, --sys-prefix, --prefix DIR');
  if (values.prefix !== undefined) return { kind: 'prefix', dir: values.prefix };
  return values['sys-prefix'] ? { kind: 'sys-prefix' } : { kind: 'user' };
}

export async function installMain(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...locationOptions, 'display-name': { type: 'string' } } });
  const python = pythonOption(values.python);
  const dir = installSpec({
    location: location(values),
    name: values.name ?? defaultSpecName(python),
    displayName: values['display-name'] ?? defaultDisplayName(python),
    python,
  });
  process.stdout.write(`Installed kernelspec ${values.name ?? defaultSpecName(python)} in ${dir}\n`);
  return 0;
}

export async function uninstallMain(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: locationOptions });
  const name = values.name ?? defaultSpecName(pythonOption(values.python));
  const removed = uninstallSpec(location(values), name);
  if (removed === null) {
    process.stderr.write(`No kernelspec named ${name} is installed there\n`);
    return 1;
  }
  process.stdout.write(`Removed ${removed}\n`);
  return 0;
}
