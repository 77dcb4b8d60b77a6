// `pymemlab kernel -f CONNECTION_FILE [--python X.Y]`: the process Jupyter launches.
import { parseArgs } from 'node:util';
import { Kernel } from '../kernel.js';
import { readConnectionFile } from '../protocol/connection.js';
import { engineEnvironment, pythonOption } from './options.js';

export async function kernelMain(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { f: { type: 'string', short: 'f' }, python: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.f) throw new Error('kernel needs -f CONNECTION_FILE');
  const kernel = new Kernel({
    connection: readConnectionFile(values.f),
    engine: { python: pythonOption(values.python), argv: [''], ...engineEnvironment() },
  });
  await kernel.start();
  process.on('SIGTERM', () => void kernel.stop());
  watchParent(() => void kernel.stop());
  return -1;
}

/** Jupyter names its own pid in JPY_PARENT_PID: a kernel whose launcher died should not linger. */
function watchParent(onGone: () => void): void {
  const parent = Number(process.env.JPY_PARENT_PID);
  if (!Number.isInteger(parent) || parent <= 1) return;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return;
      clearInterval(timer);
      onGone();
    }
  }, 2000);
  timer.unref();
}
