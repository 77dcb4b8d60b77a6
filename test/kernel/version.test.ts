// kernel_info follows the simulated version: after `%python X.Y` it reports that one.
import { describe, expect, it } from 'vitest';
import { kernelForFile } from './support/pymemlab.js';

const { kernel, run } = kernelForFile();

async function languageVersion(): Promise<string> {
  const reply = await kernel().client.request('shell', 'kernel_info_request', {});
  return reply.content.language_info.version;
}

describe('kernel_info after %python', () => {
  it('reports the version switched to, which %reset keeps', async () => {
    expect(await languageVersion()).toBe('3.11.7');
    expect((await run('%python 3.12')).reply.content.status).toBe('ok');
    expect(await languageVersion()).toBe('3.12.1');
    await run('%reset -f');
    const { outputs } = await run('import sys\nsys.version_info[:2]');
    expect(outputs.find((message) => message.header.msg_type === 'execute_result')?.content.data['text/plain']).toBe('(3, 12)');
    expect(await languageVersion()).toBe('3.12.1');
    const info = await kernel().client.request('shell', 'kernel_info_request', {});
    expect(info.content.banner).toContain('Python 3.12.1');
  }, 120_000);
});
