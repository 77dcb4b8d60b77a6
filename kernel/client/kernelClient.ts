// A Jupyter client over ZeroMQ written from the messaging spec, independent of the kernel's own
// wire code: the notebook runner, the kernel tests and the kernel benchmark drive kernels
// (pymemlab, ipykernel, any kernelspec) with it.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import * as zmq from 'zeromq';
import type { ConnectionInfo } from '../protocol/connection.js';

export type Json = Record<string, any>;

export interface KernelMessage {
  header: Json & { msg_id: string; msg_type: string };
  parent_header: Json;
  metadata: Json;
  content: Json;
  /** Whether the kernel's signature over the message was right. */
  signed: boolean;
}

type Channel = 'shell' | 'control' | 'stdin';

export class KernelClient {
  readonly session = randomUUID();
  // As jupyter_client does: shell and stdin share one identity, so the kernel can route an
  // input_request to the stdin socket of the client whose shell request asked for it.
  readonly shell = new zmq.Dealer({ linger: 0, routingId: this.session });
  readonly control = new zmq.Dealer({ linger: 0 });
  readonly stdin = new zmq.Dealer({ linger: 0, routingId: this.session });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly heartbeat = new zmq.Request({ linger: 0, receiveTimeout: 2000 });
  /** Every iopub message received so far, in order. */
  readonly published: KernelMessage[] = [];
  private readonly replies = new Map<string, (message: KernelMessage) => void>();
  private readonly watchers = new Set<() => void>();
  /** Answers input_request messages; the default leaves them unanswered. */
  onInputRequest: ((request: KernelMessage) => string | null) | null = null;

  constructor(readonly connection: ConnectionInfo) {
    const url = (port: number): string => `tcp://${connection.ip}:${port}`;
    this.shell.connect(url(connection.shell_port));
    this.control.connect(url(connection.control_port));
    this.stdin.connect(url(connection.stdin_port));
    this.iopub.connect(url(connection.iopub_port));
    this.heartbeat.connect(url(connection.hb_port));
    this.iopub.subscribe();
    void this.listen(this.shell);
    void this.listen(this.control);
    void this.listen(this.stdin);
    void this.listen(this.iopub);
  }

  sign(frames: Buffer[]): string {
    if (this.connection.key === '') return '';
    const hmac = createHmac('sha256', this.connection.key);
    for (const frame of frames) hmac.update(frame);
    return hmac.digest('hex');
  }

  private decode(frames: Buffer[]): KernelMessage | null {
    const split = frames.findIndex((frame) => frame.toString() === '<IDS|MSG>');
    if (split < 0 || frames.length < split + 6) return null;
    const [signature, ...body] = frames.slice(split + 1, split + 6);
    let parts: Json[];
    try {
      parts = body.map((frame) => JSON.parse(frame.toString()) as Json);
    } catch {
      return null;
    }
    const [header, parent_header, metadata, content] = parts;
    if (typeof header?.msg_type !== 'string' || typeof header.msg_id !== 'string') return null;
    const expected = Buffer.from(this.sign(body));
    const signed = expected.length === signature!.length && timingSafeEqual(expected, signature!);
    return { header: header as KernelMessage['header'], parent_header: parent_header!, metadata: metadata!, content: content!, signed };
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber): Promise<void> {
    for (;;) {
      let frames: Buffer[];
      try {
        frames = await socket.receive();
      } catch {
        return;
      }
      const message = this.decode(frames);
      if (!message) continue;
      if (socket === this.iopub) {
        this.published.push(message);
        for (const watcher of this.watchers) watcher();
      } else if (message.header.msg_type === 'input_request') {
        const value = this.onInputRequest?.(message);
        if (value !== null && value !== undefined) this.send('stdin', 'input_reply', { value }, message.header);
      } else {
        this.replies.get(message.parent_header.msg_id)?.(message);
      }
    }
  }

  /** Frames of a message as the spec lays them out; `signature` overrides the real one. */
  frames(msgType: string, content: Json, parent: Json = {}, signature?: string): { header: Json; frames: Buffer[] } {
    const header = { msg_id: randomUUID(), msg_type: msgType, session: this.session, username: 'test', date: new Date().toISOString(), version: '5.3' };
    const body = [header, parent, {}, content].map((part) => Buffer.from(JSON.stringify(part)));
    return { header, frames: [Buffer.from('<IDS|MSG>'), Buffer.from(signature ?? this.sign(body)), ...body] };
  }

  send(channel: Channel, msgType: string, content: Json, parent: Json = {}, signature?: string): Json {
    const { header, frames } = this.frames(msgType, content, parent, signature);
    void this[channel].send(frames);
    return header;
  }

  /** Resolves with the reply to the message whose id is `msgId`. */
  reply(msgId: string, timeoutMs = 10_000): Promise<KernelMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(msgId);
        reject(new Error(`no reply to ${msgId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.replies.set(msgId, (message) => {
        clearTimeout(timer);
        this.replies.delete(msgId);
        resolve(message);
      });
    });
  }

  async request(channel: Channel, msgType: string, content: Json, timeoutMs = 10_000): Promise<KernelMessage> {
    const { header, frames } = this.frames(msgType, content);
    const reply = this.reply(header.msg_id, timeoutMs);
    await this[channel].send(frames);
    return reply;
  }

  /** Waits until an iopub message satisfies the predicate; resolves with it. */
  waitForPublished(predicate: (message: KernelMessage) => boolean, timeoutMs = 10_000): Promise<KernelMessage> {
    const found = this.published.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const watcher = (): void => {
        const match = this.published.find(predicate);
        if (!match) return;
        cleanup();
        resolve(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching iopub message within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
      };
      this.watchers.add(watcher);
    });
  }

  /** The iopub messages caused by one request, once its `idle` status has arrived. */
  async outputsOf(msgId: string, timeoutMs = 10_000): Promise<KernelMessage[]> {
    await this.waitForPublished((message) => message.parent_header.msg_id === msgId && message.content.execution_state === 'idle', timeoutMs);
    return this.published.filter((message) => message.parent_header.msg_id === msgId);
  }

  /** An execute_request with its reply and everything it published. */
  async execute(code: string, content: Json = {}, timeoutMs = 30_000): Promise<{ reply: KernelMessage; outputs: KernelMessage[] }> {
    const { header, frames } = this.frames('execute_request', {
      code, silent: false, store_history: true, user_expressions: {}, allow_stdin: this.onInputRequest !== null, stop_on_error: true, ...content,
    });
    const reply = this.reply(header.msg_id, timeoutMs);
    await this.shell.send(frames);
    return { reply: await reply, outputs: await this.outputsOf(header.msg_id, timeoutMs) };
  }

  /** Runs a cell, handing each signed iopub message it causes to `onIOPub` as it arrives (status
   *  messages aside); resolves once the reply and the kernel's return to idle have both arrived. */
  async executeStreaming(code: string, onIOPub: (message: KernelMessage) => void, content: Json = {}): Promise<KernelMessage> {
    const { header, frames } = this.frames('execute_request', {
      code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: false, ...content,
    });
    let seen = this.published.length;
    let idle = false;
    const forward = (): void => {
      for (; seen < this.published.length; seen++) {
        const message = this.published[seen]!;
        if (!message.signed || message.parent_header.msg_id !== header.msg_id) continue;
        if (message.header.msg_type === 'status') idle ||= message.content.execution_state === 'idle';
        else onIOPub(message);
      }
    };
    this.watchers.add(forward);
    try {
      const reply = this.reply(header.msg_id, 24 * 3600 * 1000);
      await this.shell.send(frames);
      const answer = await reply;
      forward();
      if (!idle) await this.waitForPublished((message) => message.parent_header.msg_id === header.msg_id && message.content.execution_state === 'idle', 60_000);
      forward();
      return answer;
    } finally {
      this.watchers.delete(forward);
    }
  }

  /** Sends kernel_info_request until one is answered and its status seen on iopub: iopub is a PUB
   *  socket, and what it publishes before our subscription reaches it is lost. `aborted` names a
   *  reason to stop waiting (the kernel process died). */
  async waitForReady(timeoutMs = 20_000, aborted: () => string | null = () => null): Promise<KernelMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const why = aborted();
      if (why) throw new Error(why);
      const { header, frames } = this.frames('kernel_info_request', {});
      const reply = this.reply(header.msg_id, 500);
      await this.shell.send(frames);
      const answer = await reply.catch(() => null);
      if (answer && (await this.waitForPublished((message) => message.parent_header.msg_id === header.msg_id, 300).catch(() => null))) return answer;
    }
    throw new Error(`the kernel did not answer kernel_info_request within ${timeoutMs / 1000} s`);
  }

  async ping(payload: Buffer): Promise<Buffer> {
    await this.heartbeat.send(payload);
    const [echo] = await this.heartbeat.receive();
    return echo!;
  }

  close(): void {
    for (const socket of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) socket.close();
  }
}
