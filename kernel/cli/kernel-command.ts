// `pymemlab kernel -f CONNECTION_FILE [--python X.Y]`: the process Jupyter launches.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Channels } from '../protocol/channels.js';
import { readConnectionFile } from '../protocol/connection.js';

export async function kernelMain(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { f: { type: 'string', short: 'f' }, python: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.f) throw new Error('kernel needs -f CONNECTION_FILE');
  // The sockets are bound before the rest of the kernel loads: a client that connected at launch
  // (as jupyter_client does, retrying every 100 ms) gets through at its next try, and what it
  // sends meanwhile waits in the sockets.
  const channels = new Channels(readConnectionFile(values.f), randomUUID());
  await channels.bind();
  const [{ Kernel }, { engineEnvironment, pythonOption }] = await Promise.all([import('../kernel.js'), import('./options.js')]);
  const kernel = new Kernel({ channels, engine: { python: pythonOption(values.python), argv: [''], ...engineEnvironment() } });
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
