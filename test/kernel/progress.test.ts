// Progress bars of long engine work through the real protocol: a display updated in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '../../kernel/client/kernelClient.js';
import type { LaunchedKernel } from '../../kernel/client/launch.js';
import { startPymemlab } from './support/pymemlab.js';

let kernel: LaunchedKernel;

beforeAll(async () => {
  // Bars normally wait 300 ms before showing; at 0 every long task of these cells shows one.
  kernel = await startPymemlab([], { ...process.env, PYMEMLAB_PROGRESS_DELAY_MS: '0' });
}, 120_000);

afterAll(async () => {
  await kernel?.stop();
});

/** The bars a cell drew, by display id, each as the list of messages that drew it. */
function bars(outputs: KernelMessage[]): KernelMessage[][] {
  const byId = new Map<string, KernelMessage[]>();
  for (const message of outputs) {
    const id = message.content.transient?.display_id;
    if (typeof id !== 'string' || !id.startsWith('pymemlab-progress-')) continue;
    byId.set(id, [...(byId.get(id) ?? []), message]);
  }
  return [...byId.values()];
}

/** Runs a cell and returns its bars whose text starts with `prefix`, after checking that each is a
 *  display drawn once and then updated in place, with an HTML bar every time. */
async function barsOf(code: string, prefix: string): Promise<{ outputs: KernelMessage[]; drawn: KernelMessage[][] }> {
  const { reply, outputs } = await kernel.client.execute(code);
  expect(reply.content.status).toBe('ok');
  const drawn = bars(outputs).filter((bar) => bar[0]!.content.data['text/plain'].startsWith(prefix));
  expect(drawn.length).toBeGreaterThan(0);
  for (const bar of drawn) {
    expect(bar[0]!.header.msg_type).toBe('display_data');
    expect(bar.slice(1).map((message) => message.header.msg_type)).toEqual(bar.slice(1).map(() => 'update_display_data'));
    expect(bar.length).toBeGreaterThan(1);
    for (const message of bar) expect(message.content.data['text/html']).toContain('<progress');
  }
  return { outputs, drawn };
}

describe('progress bars', () => {
  it('a full collection of a large heap draws a bar that ends at its last phase', async () => {
    const { drawn } = await barsOf('import gc\nkeep = [[] for _ in range(60000)]\ngc.collect()', 'gc: full collection [');
    for (const bar of drawn) {
      expect(bar[0]!.content.data['text/plain']).toMatch(/^gc: full collection \[-+\] 0% \(0\/3 phases\)$/);
      expect(bar.at(-1)!.content.data['text/plain']).toMatch(/^gc: full collection \[#{30}\] 100% \(3\/3 phases\)$/);
    }
  }, 120_000);

  it('a fork of a large process draws the snapshot count, complete at the end of the cell', async () => {
    const { outputs, drawn } = await barsOf('import os\npid = os.fork()\nif pid == 0:\n    os._exit(0)\nos.waitpid(pid, 0)[1]', 'snapshot of the simulated process: ');
    for (const bar of drawn) {
      for (const message of bar) expect(message.content.data['text/plain']).toMatch(/^snapshot of the simulated process: [\d,]+ objects$/);
      expect(bar.at(-1)!.content.data['text/html']).toContain('<progress max="1" value="1.000">');
    }
    // Every bar message belongs to the cell and comes before its return to idle.
    const idle = outputs.findIndex((message) => message.content.execution_state === 'idle');
    for (const bar of drawn) for (const message of bar) expect(outputs.indexOf(message)).toBeLessThan(idle);
  }, 120_000);
});
