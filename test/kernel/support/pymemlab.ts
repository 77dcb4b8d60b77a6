// Launches the built pymemlab kernel on a fresh connection file.
import { afterAll, beforeAll } from 'vitest';
import type { Json } from '../../../kernel/client/kernelClient.js';
import { launchKernel, type LaunchedKernel } from '../../../kernel/client/launch.js';
import { CLI, ensureBuilt } from './build.js';

export async function startPymemlab(extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<LaunchedKernel> {
  await ensureBuilt();
  // As Jupyter does: a kernel whose test process is gone (a timed-out hook never stops it) exits.
  const kernel = await launchKernel([process.execPath, CLI, 'kernel', '-f', '{connection_file}', ...extraArgs], { ...env, JPY_PARENT_PID: String(process.pid) });
  await kernel.client.waitForReady();
  return kernel;
}

/** One kernel for a whole test file: started before its tests, stopped after them. */
export function kernelForFile(): { kernel(): LaunchedKernel; run(code: string, content?: Json): ReturnType<LaunchedKernel['client']['execute']> } {
  let launched: LaunchedKernel | undefined;
  beforeAll(async () => {
    launched = await startPymemlab();
  });
  afterAll(async () => {
    await launched?.stop();
  });
  const kernel = (): LaunchedKernel => {
    if (!launched) throw new Error('the kernel has not started');
    return launched;
  };
  return { kernel, run: (code, content = {}) => kernel().client.execute(code, content) };
}
