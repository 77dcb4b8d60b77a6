// A kernel started on a Jupyter Server, driven through @jupyterlab/services as JupyterLab does.
import { KernelAPI, KernelConnection, ServerConnection, type Kernel } from '@jupyterlab/services';
import WebSocket from 'ws';
import type { ExecuteReply, IOPubMessage, KernelSession } from './kernelSession.js';

export async function startRemoteKernel(baseUrl: string, token: string, kernelName: string): Promise<KernelSession> {
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    token,
    appendToken: true,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  // A bare connection rather than a KernelManager: the runner needs no polling of the server's kernels.
  let model: Kernel.IModel;
  try {
    model = await KernelAPI.startNew({ name: kernelName }, serverSettings);
  } catch (error) {
    throw new Error(`cannot start the kernel "${kernelName}" on ${baseUrl}: ${(error as Error).message}`);
  }
  const kernel = new KernelConnection({ model, serverSettings, handleComms: false });
  try {
    await kernel.info;
  } catch (error) {
    await kernel.shutdown().catch(() => undefined);
    throw new Error(`the kernel "${kernelName}" on ${baseUrl} did not answer: ${(error as Error).message}`);
  }
  return new RemoteKernel(`${kernelName} on ${baseUrl}`, kernel);
}

class RemoteKernel implements KernelSession {
  constructor(
    readonly description: string,
    private readonly kernel: Kernel.IKernelConnection,
  ) {}

  async execute(code: string, onIOPub: (message: IOPubMessage) => void): Promise<ExecuteReply> {
    const future = this.kernel.requestExecute({ code, stop_on_error: false, allow_stdin: false, store_history: true });
    future.onIOPub = (message) => {
      if (message.header.msg_type !== 'status') onIOPub(message as unknown as IOPubMessage);
    };
    const reply = await future.done;
    const count = reply.content.status === 'ok' || reply.content.status === 'error' ? reply.content.execution_count : null;
    // Old kernels answer "abort" where the spec now says "aborted".
    const status = reply.content.status === 'abort' ? 'aborted' : reply.content.status;
    return { status, executionCount: count };
  }

  interrupt(): Promise<void> {
    return this.kernel.interrupt();
  }

  async shutdown(): Promise<void> {
    try {
      await this.kernel.shutdown();
    } finally {
      this.kernel.dispose();
    }
  }
}
