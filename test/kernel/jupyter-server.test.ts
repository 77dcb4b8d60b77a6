// A real Jupyter Server (Debian's python3-jupyter-server) driven from Node through
// @jupyterlab/services, the library JupyterLab itself uses: sessions on pymemlab, restart, interrupt.
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

  it('restarts the kernel process and talks to the new one', async () => {
    const before = kernel().id;
    await kernel().restart();
    expect(kernel().id).toBe(before);
    const reply = await kernel().requestKernelInfo();
    expect(reply?.content.status).toBe('ok');
    expect(kernel().status).toMatch(/idle|busy/);
  });
});
