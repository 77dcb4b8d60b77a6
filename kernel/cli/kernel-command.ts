// `pymemlab kernel -f CONNECTION_FILE [--python X.Y]`: the process Jupyter launches.
import { parseArgs } from 'node:util';
import { Kernel } from '../kernel.js';
import { readConnectionFile } from '../protocol/connection.js';
import { hashSeedFromEnvironment, pythonOption } from './options.js';

export async function kernelMain(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { f: { type: 'string', short: 'f' }, python: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.f) throw new Error('kernel needs -f CONNECTION_FILE');
  const hashSeed = hashSeedFromEnvironment();
  const kernel = new Kernel({
    connection: readConnectionFile(values.f),
    python: pythonOption(values.python),
    ...(hashSeed === undefined ? {} : { hashSeed }),
  });
  await kernel.start();
  return -1;
}
