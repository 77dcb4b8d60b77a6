// A real Jupyter Server (Debian's python3-jupyter-server) driven from Node through
// @jupyterlab/services, the library JupyterLab itself uses: a session on pymemlab, execute,
// complete, inspect, interrupt, restart.
import { ServerConnection, SessionManager, KernelManager, type Session } from '@jupyterlab/services';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJupyterServer, type RunningServer } from '../tutorial/jupyterServer.js';
import { installIntoPrefix } from './support/kernelspec.js';

let server: RunningServer;
let sessions: SessionManager;
let kernels: KernelManager;
let session: Session.ISessionConnection;

beforeAll(async () => {
  const spec = await installIntoPrefix();
  // The server inherits this process's environment: point it at the throwaway kernelspec.
  Object.assign(process.env, { JUPYTER_PATH: spec.env.JUPYTER_PATH, PYDEVD_DISABLE_FILE_VALIDATION: '1' });
  server = await startJupyterServer();
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: `${server.url}/`,
    token: server.token,
    appendToken: true,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  kernels = new KernelManager({ serverSettings });
  sessions = new SessionManager({ serverSettings, kernelManager: kernels });
  await sessions.ready;
  session = await sessions.startNew({ path: 'lab.ipynb', type: 'notebook', name: 'lab.ipynb', kernel: { name: 'pymemlab' } });
});

afterAll(async () => {
  await session?.shutdown().catch(() => undefined);
  sessions?.dispose();
  kernels?.dispose();
  await server?.stop();
});

function kernel() {
  const connection = session.kernel;
  if (!connection) throw new Error('the session has no kernel');
  return connection;
}

describe('a notebook session on a Jupyter Server', () => {
  it('starts pymemlab and gets its kernel_info', async () => {
    expect(kernel().name).toBe('pymemlab');
    const info = await kernel().info;
    expect(info.implementation).toBe('pymemlab');
    expect(info.protocol_version).toBe('5.3');
    expect(info.language_info.name).toBe('python');
  });

  it('interrupts through the server', async () => {
    await kernel().interrupt();
    const reply = await kernel().requestKernelInfo();
    expect(reply?.content.status).toBe('ok');
  });

  it('executes a cell and streams its output', async () => {
    const future = kernel().requestExecute({ code: "print('via server')\n21 * 2" });
    const seen: string[] = [];
    future.onIOPub = (message) => {
      if (message.header.msg_type === 'stream') seen.push((message.content as { text: string }).text);
      if (message.header.msg_type === 'execute_result') seen.push(String((message.content as { data: Record<string, unknown> }).data['text/plain']));
    };
    const reply = await future.done;
    expect(reply.content.status).toBe('ok');
    expect(seen).toEqual(['via server\n', '42']);
  });

  it('completes and inspects', async () => {
    const completion = await kernel().requestComplete({ code: 'pri', cursor_pos: 3 });
    expect(completion.content.status === 'ok' && completion.content.matches).toContain('print');
    const inspection = await kernel().requestInspect({ code: 'len', cursor_pos: 3, detail_level: 0 });
    expect(inspection.content.status === 'ok' && inspection.content.found).toBe(true);
  });

  it('interrupts a running loop, keeping the session usable', async () => {
    const future = kernel().requestExecute({ code: 'while True:\n    pass' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await kernel().interrupt();
    const reply = await future.done;
    expect(reply.content.status === 'error' && reply.content.ename).toBe('KeyboardInterrupt');
  });

  it('restarts the kernel process and talks to the new one', async () => {
    const before = kernel().id;
    await kernel().restart();
    expect(kernel().id).toBe(before);
    const reply = await kernel().requestKernelInfo();
    expect(reply?.content.status).toBe('ok');
    const fresh = kernel().requestExecute({ code: "'kernel_restarted' in dir()" });
    expect((await fresh.done).content.status).toBe('ok');
  });
});
