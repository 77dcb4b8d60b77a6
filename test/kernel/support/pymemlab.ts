// Launches the built pymemlab kernel on a fresh connection file.
import { launchKernel, type LaunchedKernel } from '../../../bench/kernel-client.js';
import { CLI, ensureBuilt } from './build.js';

export async function startPymemlab(extraArgs: string[] = []): Promise<LaunchedKernel> {
  await ensureBuilt();
  const kernel = await launchKernel([process.execPath, CLI, 'kernel', '-f', '{connection_file}', ...extraArgs]);
  await kernel.client.waitForReady();
  return kernel;
}
