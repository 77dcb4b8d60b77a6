// A Jupyter client over ZeroMQ written from the messaging spec, independent of the kernel's own
// wire code: the kernel tests and the kernel benchmark drive kernels (pymemlab and ipykernel) with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zmq from 'zeromq';
import type { ConnectionInfo } from '../kernel/protocol/connection.js';

export type Json = Record<string, any>;

export interface KernelMessage {
  header: Json;
  parent_header: Json;
  metadata: Json;
  content: Json;
  /** Whether the kernel's signature over the message was right. */
  signed: boolean;
}

export type Connection = ConnectionInfo;

type Channel = 'shell' | 'control' | 'stdin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function newConnection(): Promise<Connection> {
  const [shell_port, control_port, iopub_port, stdin_port, hb_port] = await Promise.all(Array.from({ length: 5 }, freePort)) as number[];
  return {
    transport: 'tcp', ip: '127.0.0.1', shell_port: shell_port!, control_port: control_port!, iopub_port: iopub_port!,
    stdin_port: stdin_port!, hb_port: hb_port!, key: randomBytes(16).toString('hex'), signature_scheme: 'hmac-sha256',
  };
}

export function writeConnectionFile(connection: Connection): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kernel-conn-')), 'connection.json');
  writeFileSync(file, JSON.stringify(connection));
  return file;
}

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

  constructor(readonly connection: Connection) {
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
    const hmac = createHmac('sha256', this.connection.key);
    for (const frame of frames) hmac.update(frame);
    return hmac.digest('hex');
  }

  private decode(frames: Buffer[]): KernelMessage | null {
    const split = frames.findIndex((frame) => frame.toString() === '<IDS|MSG>');
    if (split < 0) return null;
    const [signature, ...body] = frames.slice(split + 1, split + 6);
    const [header, parent_header, metadata, content] = body.map((frame) => JSON.parse(frame.toString()) as Json);
    return { header: header!, parent_header: parent_header!, metadata: metadata!, content: content!, signed: signature!.toString() === this.sign(body) };
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

  /** Sends kernel_info_request until one is answered and its status seen on iopub (subscriptions are late). */
  async waitForReady(timeoutMs = 20_000): Promise<KernelMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { header, frames } = this.frames('kernel_info_request', {});
      const reply = this.reply(header.msg_id, 500);
      await this.shell.send(frames);
      const answer = await reply.catch(() => null);
      if (answer && (await this.waitForPublished((message) => message.parent_header.msg_id === header.msg_id, 300).catch(() => null))) return answer;
    }
    throw new Error('kernel not ready');
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

export interface LaunchedKernel {
  client: KernelClient;
  process: ChildProcess;
  /** What the kernel wrote on stderr so far. */
  stderr(): string;
  /** performance.now() just before the process was spawned. */
  startedAt: number;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts `command` with `{connection_file}` replaced by a fresh connection file, and connects to it. */
export async function launchKernel(command: string[], env: NodeJS.ProcessEnv = process.env): Promise<LaunchedKernel> {
  const connection = await newConnection();
  const file = writeConnectionFile(connection);
  const startedAt = performance.now();
  const child = spawn(command[0]!, command.slice(1).map((arg) => (arg === '{connection_file}' ? file : arg)), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const client = new KernelClient(connection);
  return {
    client,
    process: child,
    startedAt,
    stderr: () => stderr,
    exited,
    stop: async () => {
      client.close();
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
