// The kernel's protocol surface through a real ZeroMQ client: every request type that needs no
// Python, signatures, junk frames, oversized messages, shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedKernel } from '../../kernel/client/launch.js';
import { startPymemlab } from './support/pymemlab.js';

let kernel: LaunchedKernel;

beforeAll(async () => {
  kernel = await startPymemlab();
});

afterAll(async () => {
  await kernel?.stop();
});



describe('kernel_info', () => {
  it('describes pymemlab and the simulated Python, signed, between busy and idle', async () => {
    const reply = await kernel.client.request('shell', 'kernel_info_request', {});
    expect(reply.signed).toBe(true);
    expect(reply.header.msg_type).toBe('kernel_info_reply');
    const content = reply.content;
    expect(content.status).toBe('ok');
    expect(content.protocol_version).toBe('5.3');
    expect(content.implementation).toBe('pymemlab');
    expect(content.language_info).toMatchObject({
      name: 'python',
      mimetype: 'text/x-python',
      file_extension: '.py',
      pygments_lexer: 'ipython3',
      codemirror_mode: { name: 'ipython', version: 3 },
      nbconvert_exporter: 'python',
    });
    expect(content.language_info.version).toMatch(/^3\.11(\.\d+)?$/);
    expect(content.banner).toContain('pymemlab');
    expect(content.help_links.length).toBeGreaterThan(0);
    const states = (await kernel.client.outputsOf(reply.parent_header.msg_id)).map((message) => message.content.execution_state);
    expect(states).toEqual(['busy', 'idle']);
  });

  it('is answered on the control channel too', async () => {
    const reply = await kernel.client.request('control', 'kernel_info_request', {});
    expect(reply.content.implementation).toBe('pymemlab');
  });
});

describe('signatures and malformed input', () => {
  it('drops a message with a wrong signature, says so once on stderr, and keeps serving', async () => {
    const before = kernel.stderr().split('\n').length;
    const forged = kernel.client.send('shell', 'kernel_info_request', {}, {}, 'f'.repeat(64));
    const answered = kernel.client.reply(forged.msg_id, 700).then(() => true, () => false);
    expect(await answered).toBe(false);
    const lines = kernel.stderr().split('\n').slice(before - 1).filter((line) => line.includes('dropped'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bad signature');
    expect((await kernel.client.request('shell', 'kernel_info_request', {})).content.status).toBe('ok');
  });

  it('drops a message with no signature and one signed with another key', async () => {
    const unsigned = kernel.client.send('shell', 'kernel_info_request', {}, {}, '');
    const { frames, header } = kernel.client.frames('kernel_info_request', {});
    const otherKey = frames.slice(2).reduce((hmac, frame) => hmac.update(frame), (await import('node:crypto')).createHmac('sha256', 'not-the-key')).digest('hex');
    frames[1] = Buffer.from(otherKey);
    await kernel.client.shell.send(frames);
    const results = await Promise.all([unsigned.msg_id, header.msg_id].map((id) => kernel.client.reply(id, 700).then(() => 'answered', () => 'dropped')));
    expect(results).toEqual(['dropped', 'dropped']);
  });

  it('a tampered content frame invalidates the signature', async () => {
    const { frames, header } = kernel.client.frames('execute_request', { code: 'print(1)', silent: false });
    frames[5] = Buffer.from(JSON.stringify({ code: 'print(2)', silent: false }));
    await kernel.client.shell.send(frames);
    expect(await kernel.client.reply(header.msg_id, 700).then(() => 'answered', () => 'dropped')).toBe('dropped');
  });

  it('survives junk frames of every shape', async () => {
    const client = kernel.client;
    const sign = (parts: string[]): Buffer => Buffer.from(client.sign(parts.map((part) => Buffer.from(part))));
    const junk: Buffer[][] = [
      [Buffer.from('hello')],
      [Buffer.alloc(0)],
      [Buffer.from('<IDS|MSG>')],
      [Buffer.from('<IDS|MSG>'), Buffer.from('sig'), Buffer.from('{')],
      [Buffer.from('<IDS|MSG>'), sign(['[]', '{}', '{}', '{}']), ...['[]', '{}', '{}', '{}'].map((part) => Buffer.from(part))],
      [Buffer.from('<IDS|MSG>'), sign(['{', '{}', '{}', '{}']), ...['{', '{}', '{}', '{}'].map((part) => Buffer.from(part))],
      [Buffer.from('<IDS|MSG>'), sign(['{}', '{}', '{}', '{}']), ...['{}', '{}', '{}', '{}'].map((part) => Buffer.from(part))],
      [Buffer.from('<IDS|MSG>'), sign(['null', 'null', 'null', 'null']), ...['null', 'null', 'null', 'null'].map((part) => Buffer.from(part))],
      [Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('<IDS|MSG>'), Buffer.from([0xc3, 0x28])],
    ];
    for (const frames of junk) {
      await client.shell.send(frames);
      await client.control.send(frames);
      await client.stdin.send(frames);
    }
    const reply = await client.request('shell', 'kernel_info_request', {});
    expect(reply.content.status).toBe('ok');
    expect(kernel.process.exitCode).toBeNull();
  });

  it('ignores an unknown message type but still reports busy and idle', async () => {
    const header = kernel.client.send('shell', 'no_such_request', {});
    const states = (await kernel.client.outputsOf(header.msg_id)).map((message) => message.content.execution_state);
    expect(states).toEqual(['busy', 'idle']);
    // stderr is a separate pipe: its line may land after the idle status.
    for (let wait = 0; wait < 50 && !kernel.stderr().includes('no_such_request'); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kernel.stderr()).toContain('unknown message type no_such_request');
  });

  it('survives a message above the size limit and answers the next one', async () => {
    const huge = kernel.client.frames('execute_request', { code: `x = "${'a'.repeat(70 * 1024 * 1024)}"` });
    await kernel.client.shell.send(huge.frames);
    expect(await kernel.client.reply(huge.header.msg_id, 1500).then(() => 'answered', () => 'dropped')).toBe('dropped');
    // The kernel closed the offending connection; the client's socket reconnects on its own.
    let answered = null;
    for (let attempt = 0; attempt < 20 && !answered; attempt++) {
      answered = await kernel.client.request('shell', 'kernel_info_request', {}, 500).catch(() => null);
    }
    expect(answered?.content.status).toBe('ok');
    expect(kernel.process.exitCode).toBeNull();
  });
});

describe('requests that need no Python', () => {
  it('answers heartbeats with the same bytes', async () => {
    const payload = Buffer.from(`ping ${Math.random()}`);
    expect((await kernel.client.ping(payload)).equals(payload)).toBe(true);
  });

  it('has no comms: comm_info is empty and comm_open is closed at once', async () => {
    const info = await kernel.client.request('shell', 'comm_info_request', {});
    expect(info.content).toEqual({ status: 'ok', comms: {} });
    const open = kernel.client.send('shell', 'comm_open', { comm_id: 'c0ffee', target_name: 'jupyter.widget', data: {} });
    const closed = await kernel.client.waitForPublished((message) => message.header.msg_type === 'comm_close' && message.parent_header.msg_id === open.msg_id);
    expect(closed.content.comm_id).toBe('c0ffee');
  });

  it('answers interrupt_request on control when nothing runs', async () => {
    const reply = await kernel.client.request('control', 'interrupt_request', {});
    expect(reply.header.msg_type).toBe('interrupt_reply');
    expect(reply.content.status).toBe('ok');
  });

  it('answers history requests of every access type', async () => {
    for (const request of [
      { hist_access_type: 'tail', n: 10, output: false, raw: true },
      { hist_access_type: 'range', session: 0, start: 1, stop: 5, output: true, raw: true },
      { hist_access_type: 'search', pattern: '*', unique: true, n: 5, output: false, raw: true },
    ]) {
      const reply = await kernel.client.request('shell', 'history_request', request);
      expect(reply.content.status).toBe('ok');
      expect(Array.isArray(reply.content.history)).toBe(true);
    }
  });
});

describe('shutdown', () => {
  it('echoes the restart flag and exits cleanly', async () => {
    const own = await startPymemlab();
    const reply = await own.client.request('control', 'shutdown_request', { restart: true });
    expect(reply.content).toEqual({ status: 'ok', restart: true });
    expect(await own.exited).toBe(0);
    await own.stop();
  });

  it('exits on shutdown_request without restart as well', async () => {
    const own = await startPymemlab();
    const reply = await own.client.request('control', 'shutdown_request', { restart: false });
    expect(reply.content.restart).toBe(false);
    expect(await own.exited).toBe(0);
    await own.stop();
  });
});


