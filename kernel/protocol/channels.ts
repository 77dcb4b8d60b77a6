// The five kernel sockets. zeromq v6 allows one pending send per socket, so every socket's sends
// go through a queue; receiving loops never throw, whatever arrives.
import * as zmq from 'zeromq';
import { channelEndpoint, type ConnectionInfo } from './connection.js';
import { makeHeader, parseFrames, serializeMessage, Signer, type Content, type Incoming } from './wire.js';

/** Frames above this size make ZeroMQ drop the sender's connection instead of buffering them. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

class SendQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly socket: zmq.Writable<zmq.MessageLike[]>) {}

  send(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(() => this.socket.send(frames)).catch((error: Error) => {
      process.stderr.write(`pymemlab: send failed: ${error.message}\n`);
    });
    return this.tail;
  }
}

export type RequestChannel = 'shell' | 'control' | 'stdin';
export type MessageListener = (channel: RequestChannel, message: Incoming) => void;

export class Channels {
  readonly signer: Signer;
  private readonly shell = new zmq.Router({ maxMessageSize: MAX_MESSAGE_BYTES, linger: 1000 });
  private readonly control = new zmq.Router({ maxMessageSize: MAX_MESSAGE_BYTES, linger: 1000 });
  private readonly stdin = new zmq.Router({ maxMessageSize: MAX_MESSAGE_BYTES, linger: 1000 });
  private readonly iopub = new zmq.Publisher({ linger: 1000 });
  private readonly heartbeat = new zmq.Reply({ linger: 0 });
  private readonly queues = new Map<zmq.Socket, SendQueue>();

  constructor(private readonly info: ConnectionInfo, readonly session: string) {
    this.signer = new Signer(info.key, info.signature_scheme);
    for (const socket of [this.shell, this.control, this.stdin, this.iopub]) this.queues.set(socket, new SendQueue(socket));
  }

  async bind(): Promise<void> {
    await Promise.all([
      this.shell.bind(channelEndpoint(this.info, 'shell')),
      this.control.bind(channelEndpoint(this.info, 'control')),
      this.stdin.bind(channelEndpoint(this.info, 'stdin')),
      this.iopub.bind(channelEndpoint(this.info, 'iopub')),
      this.heartbeat.bind(channelEndpoint(this.info, 'hb')),
    ]);
  }

  /** Starts the receive loops; each request goes to the listener in arrival order per channel. */
  listen(listener: MessageListener): void {
    void this.receive('shell', this.shell, listener);
    void this.receive('control', this.control, listener);
    void this.receive('stdin', this.stdin, listener);
    void this.echoHeartbeats();
  }

  private async receive(channel: RequestChannel, socket: zmq.Router, listener: MessageListener): Promise<void> {
    for await (const frames of socketMessages(socket)) {
      const parsed = parseFrames(frames, this.signer);
      if (!parsed.ok) {
        process.stderr.write(`pymemlab: dropped a ${channel} message: ${parsed.reason}\n`);
        continue;
      }
      try {
        listener(channel, parsed.message);
      } catch (error) {
        process.stderr.write(`pymemlab: ${channel} handler failed: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
  }

  private async echoHeartbeats(): Promise<void> {
    for await (const frames of socketMessages(this.heartbeat)) await this.heartbeat.send(frames);
  }

  /** `metadata` null sends `{}`. */
  reply(channel: RequestChannel, request: Incoming, msgType: string, content: Content, metadata: Content | null = null): Promise<void> {
    const frames = serializeMessage(makeHeader(msgType, this.session), request, metadata, content, request.identities, this.signer);
    return this.queues.get(this[channel])!.send(frames);
  }

  publish(msgType: string, parent: Incoming | null, content: Content): Promise<void> {
    const topic = Buffer.from(`kernel.${this.session}.${msgType}`);
    return this.queues.get(this.iopub)!.send(serializeMessage(makeHeader(msgType, this.session), parent, null, content, [topic], this.signer));
  }

  close(): void {
    for (const socket of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) socket.close();
  }
}

/** Yields every message until the socket closes; a receive error is reported and skipped. */
async function* socketMessages(socket: zmq.Router | zmq.Reply): AsyncGenerator<Buffer[]> {
  while (!socket.closed) {
    try {
      yield await socket.receive();
    } catch (error) {
      if (socket.closed) return;
      process.stderr.write(`pymemlab: receive failed: ${(error as Error).message}\n`);
    }
  }
}
