// A small Jupyter client over ZeroMQ: shell, control and iopub, enough to run notebooks.
import * as zmq from 'zeromq';
import type { ConnectionInfo } from './connectionFile.js';
import type { ExecuteReply, IOPubMessage } from './kernelSession.js';
import { WireCodec, type WireMessage } from './wireCodec.js';

interface Pending {
  onReply(message: WireMessage): void;
  onIOPub?: (message: IOPubMessage) => void;
}

export class ZmqKernelClient {
  private readonly codec: WireCodec;
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly pending = new Map<string, Pending>();
  private readonly iopubSeen = new Set<string>();
  private closed = false;

  constructor(info: ConnectionInfo) {
    this.codec = new WireCodec(info.key);
    const url = (port: number) => `${info.transport}://${info.ip}:${port}`;
    this.shell.connect(url(info.shell_port));
    this.control.connect(url(info.control_port));
    this.iopub.connect(url(info.iopub_port));
    this.iopub.subscribe();
    void this.listen(this.shell, 'shell');
    void this.listen(this.control, 'control');
    void this.listen(this.iopub, 'iopub');
  }

  /** Sends kernel_info_request until both its reply and an iopub message for it arrive: iopub is a
   *  PUB socket, and what it publishes before our subscription reaches it is lost. */
  async waitForReady(timeoutMs: number, aborted: () => string | null): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const why = aborted();
      if (why) throw new Error(why);
      const header = this.codec.newHeader('kernel_info_request');
      const replied = this.request(this.shell, header, {}, 1000);
      const reply = await replied.catch(() => null);
      if (reply && (this.iopubSeen.has(header.msg_id) || (await this.sawIOPubSoon(header.msg_id)))) return;
    }
    throw new Error(`the kernel did not answer kernel_info_request within ${timeoutMs / 1000} s`);
  }

  execute(code: string, onIOPub: (message: IOPubMessage) => void): Promise<ExecuteReply> {
    const header = this.codec.newHeader('execute_request');
    const content = { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: false };
    return new Promise((resolve, reject) => {
      let reply: ExecuteReply | null = null;
      let idle = false;
      const finish = () => {
        if (!reply || !idle) return;
        this.pending.delete(header.msg_id);
        resolve(reply);
      };
      this.pending.set(header.msg_id, {
        onReply: (message) => {
          const count = message.content['execution_count'];
          reply = { status: message.content['status'] as ExecuteReply['status'], executionCount: typeof count === 'number' ? count : null };
          finish();
        },
        onIOPub: (message) => {
          if (message.header.msg_type === 'status' && message.content['execution_state'] === 'idle') {
            idle = true;
            finish();
          } else onIOPub(message);
        },
      });
      this.shell.send(this.codec.encode(header, content)).catch(reject);
    });
  }

  async controlRequest(msgType: string, content: Record<string, unknown>, timeoutMs: number): Promise<WireMessage> {
    return this.request(this.control, this.codec.newHeader(msgType), content, timeoutMs);
  }

  close(): void {
    this.closed = true;
    for (const socket of [this.shell, this.control, this.iopub]) socket.close();
  }

  private request(socket: zmq.Dealer, header: ReturnType<WireCodec['newHeader']>, content: Record<string, unknown>, timeoutMs: number): Promise<WireMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(header.msg_id);
        reject(new Error(`no ${header.msg_type.replace('_request', '_reply')} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(header.msg_id, {
        onReply: (message) => {
          clearTimeout(timer);
          this.pending.delete(header.msg_id);
          resolve(message);
        },
      });
      socket.send(this.codec.encode(header, content)).catch(reject);
    });
  }

  private async sawIOPubSoon(msgId: string): Promise<boolean> {
    for (let waited = 0; waited < 500; waited += 50) {
      if (this.iopubSeen.has(msgId)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber, channel: string): Promise<void> {
    try {
      for await (const frames of socket) {
        const message = this.codec.decode(frames, channel);
        const parentId = message?.parent_header.msg_id;
        if (!message || !parentId) continue;
        if (channel === 'iopub') {
          if (message.parent_header.msg_type === 'kernel_info_request') this.iopubSeen.add(parentId);
          this.pending.get(parentId)?.onIOPub?.(message);
        } else {
          this.pending.get(parentId)?.onReply(message);
        }
      }
    } catch (error) {
      if (!this.closed) throw error;
    }
  }
}
