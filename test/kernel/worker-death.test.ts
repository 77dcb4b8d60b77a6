// User code can end the engine's worker thread (here: its host heap, capped small, runs out); the
// kernel process lives on, the cell says what happened, and a fresh interpreter takes over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedKernel } from '../../kernel/client/launch.js';
import { ofType } from './support/messages.js';
import { startPymemlab } from './support/pymemlab.js';

let kernel: LaunchedKernel;

beforeAll(async () => {
  kernel = await startPymemlab([], { ...process.env, PYMEMLAB_ENGINE_HEAP_MB: '64' });
});

afterAll(async () => {
  await kernel?.stop();
});

describe('when the engine worker dies', () => {
  it('reports it in the cell, starts a fresh interpreter, and keeps the kernel running', async () => {
    await kernel.client.execute('before = 1');
    const { reply, outputs } = await kernel.client.execute('hoard = []\nwhile True:\n    hoard.append(str(len(hoard)) * 50)', {}, 300_000);
    expect(reply.content.status).toBe('error');
    expect(reply.content.evalue).toContain('ran out of host memory');
    expect(reply.content.evalue).toContain('fresh interpreter');
    expect(ofType(outputs, 'error')).toHaveLength(1);
    expect(kernel.process.exitCode).toBeNull();
    const after = await kernel.client.execute('before');
    expect(after.reply.content.ename).toBe('NameError');
    const works = await kernel.client.execute('6 * 7');
    expect(ofType(works.outputs, 'execute_result')[0]!.content.data['text/plain']).toBe('42');
  });
});
