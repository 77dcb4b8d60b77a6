// The kernel: receives requests on shell/control/stdin, runs them against the engine worker, and
// publishes status and outputs on iopub. Shell requests run one at a time, in arrival order;
// control requests (interrupt, shutdown, kernel_info) are answered at once, even while a cell runs.
import { randomUUID } from 'node:crypto';
import { simulatedVersion, type DisplayRequest, type ProgressUpdate, type PythonError } from '../engine/api.js';
import { Channels, type RequestChannel } from './protocol/channels.js';
import type { Content, Incoming } from './protocol/wire.js';
import { History } from './history.js';
import { kernelInfo } from './info.js';
import { PROGRESS_METADATA, progressBundle } from './progress.js';
import { cellFilename, ipythonTraceback } from './traceback.js';
import { EngineWorker, type EngineWorkerOptions } from './worker/host.js';
import type { ExecuteResult, WorkerReply } from './worker/protocol.js';

export interface KernelOptions {
  /** The kernel's sockets, already bound. */
  channels: Channels;
  /** The engine worker's settings; `python` is the simulated CPython version ("3.11"). */
  engine: EngineWorkerOptions;
}

/** `announceBusy` publishes the busy status; dispatch calls it before the handler, except for
 *  ENGINE_FIRST requests, whose handler calls it once the engine has its job. */
type Handler = (channel: RequestChannel, request: Incoming, announceBusy: () => void) => Promise<void>;

/** Requests answered on arrival rather than queued behind a running cell. */
const IMMEDIATE = new Set(['interrupt_request', 'shutdown_request', 'kernel_info_request', 'comm_info_request']);
/** Requests whose handler hands the engine its job before busy is announced, so the Python runs
 *  while the status message is signed and sent rather than after. */
const ENGINE_FIRST = new Set(['execute_request']);

function engineError(error: unknown): PythonError {
  const message = error instanceof Error ? error.message : String(error);
  return { ename: 'EngineError', evalue: message, traceback: [`EngineError: ${message}`] };
}

export class Kernel {
  private readonly channels: Channels;
  private readonly worker: EngineWorker;
  private readonly history = new History();
  /** Worker bar number -> display id of the bars being drawn. */
  private readonly progressDisplays = new Map<number, string>();
  private readonly queue: { channel: RequestChannel; request: Incoming }[] = [];
  private draining = false;
  private executionCount = 0;
  /** The execute_request whose cell is running: outputs and input_request go to it. */
  private active: Incoming | null = null;
  private readonly handlers: Record<string, Handler> = {
    kernel_info_request: (channel, request) => this.kernelInfo(channel, request),
    execute_request: (channel, request, announceBusy) => this.execute(channel, request, announceBusy),
    complete_request: (channel, request) => this.complete(channel, request),
    inspect_request: (channel, request) => this.inspect(channel, request),
    is_complete_request: (channel, request) => this.isComplete(channel, request),
    history_request: (channel, request) =>
      this.channels.reply(channel, request, 'history_reply', { status: 'ok', history: this.history.answer(request.content) }),
    comm_info_request: (channel, request) => this.channels.reply(channel, request, 'comm_info_reply', { status: 'ok', comms: {} }),
    comm_open: (_channel, request) =>
      this.channels.publish('comm_close', request, { comm_id: request.content.comm_id, data: {} }),
    comm_msg: async () => {},
    comm_close: async () => {},
    interrupt_request: (channel, request) => {
      this.worker.interrupt();
      return this.channels.reply(channel, request, 'interrupt_reply', { status: 'ok' });
    },
    shutdown_request: (channel, request) => this.shutdown(channel, request),
  };

  constructor(private readonly options: KernelOptions) {
    this.channels = options.channels;
    this.worker = new EngineWorker(
      options.engine,
      {
        stream: (name, text) => void this.channels.publish('stream', this.active, { name, text }),
        display: (request) => this.display(request),
        input: (prompt, password) => this.requestInput(prompt, password),
        progress: (id, stage, update) => this.progress(id, stage, update),
      },
    );
  }

  async start(): Promise<void> {
    this.channels.listen((channel, request) => this.receive(channel, request));
    process.on('SIGINT', () => this.worker.interrupt());
    await this.channels.publish('status', null, { execution_state: 'starting' });
  }

  private receive(channel: RequestChannel, request: Incoming): void {
    if (channel === 'stdin') {
      if (request.header.msg_type === 'input_reply') this.worker.answerInput(String(request.content.value ?? ''));
      return;
    }
    if (channel === 'control' || IMMEDIATE.has(request.header.msg_type)) {
      void this.dispatch(channel, request);
      return;
    }
    this.queue.push({ channel, request });
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length) {
      const { channel, request } = this.queue.shift()!;
      await this.dispatch(channel, request);
    }
    this.draining = false;
  }

  private async dispatch(channel: RequestChannel, request: Incoming): Promise<void> {
    const handler = this.handlers[request.header.msg_type];
    const announceBusy = (): void => void this.channels.publish('status', request, { execution_state: 'busy' });
    if (!handler || !ENGINE_FIRST.has(request.header.msg_type)) announceBusy();
    try {
      if (handler) await handler(channel, request, announceBusy);
      else process.stderr.write(`pymemlab: unknown message type ${request.header.msg_type}\n`);
    } catch (error) {
      process.stderr.write(`pymemlab: ${request.header.msg_type} failed: ${(error as Error).stack ?? String(error)}\n`);
    } finally {
      await this.channels.publish('status', request, { execution_state: 'idle' });
    }
  }

  /** The version the engine simulates (after a `%python X.Y`, that one); before the engine has
   *  loaded, the profile's, since a fast first reply is what front ends wait for after a launch. */
  private kernelInfo(channel: RequestChannel, request: Incoming): Promise<void> {
    const version = this.worker.version ?? simulatedVersion(this.options.engine.python);
    return this.channels.reply(channel, request, 'kernel_info_reply', kernelInfo(version));
  }

  private async execute(channel: RequestChannel, request: Incoming, announceBusy: () => void): Promise<void> {
    const content = request.content;
    const code = String(content.code ?? '');
    const silent = content.silent === true;
    const storeHistory = !silent && content.store_history !== false;
    if (storeHistory) this.executionCount++;
    const count = this.executionCount;
    this.active = request;
    // The job goes to the worker first, so the engine runs while busy and execute_input are signed
    // and sent (nothing the worker reports is handled before this synchronous stretch ends).
    const running = this.worker.request({
      op: 'execute',
      job: {
        code,
        mode: 'cell',
        filename: cellFilename(count, code),
        executionCount: count,
        storeHistory,
        silent,
        allowStdin: content.allow_stdin !== false,
        userExpressions: (content.user_expressions ?? {}) as Record<string, string>,
      },
    });
    announceBusy();
    if (!silent) void this.channels.publish('execute_input', request, { code, execution_count: count });
    if (storeHistory) this.history.record(count, code);
    let result: ExecuteResult;
    try {
      const reply = await running;
      result = (reply as Extract<WorkerReply, { op: 'execute' }>).value;
    } catch (error) {
      result = { status: 'error', error: engineError(error), payload: [], userExpressions: {}, exitRequested: null };
    } finally {
      this.active = null;
    }
    if (result.status === 'ok') {
      if (result.result && !silent) {
        void this.channels.publish('execute_result', request, { execution_count: count, data: result.result, metadata: {} });
        if (storeHistory && typeof result.result['text/plain'] === 'string') this.history.recordOutput(count, result.result['text/plain']);
      }
      await this.channels.reply(channel, request, 'execute_reply', {
        status: 'ok', execution_count: count, payload: result.payload, user_expressions: result.userExpressions,
      });
      return;
    }
    const error = { ename: result.error.ename, evalue: result.error.evalue, traceback: ipythonTraceback(result.error) };
    void this.channels.publish('error', request, error);
    await this.channels.reply(channel, request, 'execute_reply', { status: 'error', execution_count: count, ...error });
    if (content.stop_on_error !== false) await this.abortQueued();
  }

  /** After a failed cell, the cells queued behind it are not run (they likely depend on it). */
  private async abortQueued(): Promise<void> {
    for (const { channel, request } of this.queue.splice(0)) {
      const replyType = request.header.msg_type.replace(/_request$/, '_reply');
      void this.channels.publish('status', request, { execution_state: 'busy' });
      void this.channels.reply(channel, request, replyType, { status: 'aborted' });
      await this.channels.publish('status', request, { execution_state: 'idle' });
    }
  }

  private display(request: DisplayRequest): void {
    if (request.kind === 'clear') {
      void this.channels.publish('clear_output', this.active, { wait: request.wait });
    } else if (request.kind === 'display') {
      const transient = request.displayId === undefined ? {} : { display_id: request.displayId };
      const msgType = request.update ? 'update_display_data' : 'display_data';
      void this.channels.publish(msgType, this.active, { data: request.data, metadata: request.metadata, transient });
    }
  }

  /** A bar is a display updated in place (update_display_data), as tqdm's notebook bars are. Its
   *  display id is the kernel's own, unique even across a restarted worker's bar numbers. */
  private progress(id: number, stage: 'start' | 'update' | 'end', update: ProgressUpdate): void {
    if (stage === 'start') this.progressDisplays.set(id, `pymemlab-progress-${randomUUID()}`);
    const displayId = this.progressDisplays.get(id);
    if (displayId === undefined) return;
    if (stage === 'end') this.progressDisplays.delete(id);
    const msgType = stage === 'start' ? 'display_data' : 'update_display_data';
    void this.channels.publish(msgType, this.active, { data: progressBundle(update, stage === 'end'), metadata: PROGRESS_METADATA, transient: { display_id: displayId } });
  }

  private requestInput(prompt: string, password: boolean): void {
    const active = this.active;
    if (!active) {
      this.worker.answerInput('');
      return;
    }
    void this.channels.reply('stdin', active, 'input_request', { prompt, password });
  }

  private async complete(channel: RequestChannel, request: Incoming): Promise<void> {
    const code = String(request.content.code ?? '');
    const cursorPos = Number(request.content.cursor_pos ?? [...code].length);
    try {
      const reply = await this.worker.request({ op: 'complete', code, cursorPos });
      const value = (reply as Extract<WorkerReply, { op: 'complete' }>).value;
      const types = value.matches.map((text, index) => ({ start: value.cursorStart, end: value.cursorEnd, text, type: value.types[index] ?? '' }));
      await this.channels.reply(channel, request, 'complete_reply', {
        status: 'ok', matches: value.matches, cursor_start: value.cursorStart, cursor_end: value.cursorEnd,
        metadata: { _jupyter_types_experimental: types },
      });
    } catch (error) {
      await this.replyError(channel, request, 'complete_reply', error);
    }
  }

  private async inspect(channel: RequestChannel, request: Incoming): Promise<void> {
    const code = String(request.content.code ?? '');
    const cursorPos = Number(request.content.cursor_pos ?? [...code].length);
    const detailLevel = request.content.detail_level === 1 ? 1 : 0;
    try {
      const reply = await this.worker.request({ op: 'inspect', code, cursorPos, detailLevel });
      const value = (reply as Extract<WorkerReply, { op: 'inspect' }>).value;
      await this.channels.reply(channel, request, 'inspect_reply', { status: 'ok', found: value.found, data: value.found ? value.data : {}, metadata: {} });
    } catch (error) {
      await this.replyError(channel, request, 'inspect_reply', error);
    }
  }

  private async isComplete(channel: RequestChannel, request: Incoming): Promise<void> {
    let content: Content;
    try {
      const reply = await this.worker.request({ op: 'isComplete', code: String(request.content.code ?? '') });
      content = { ...(reply as Extract<WorkerReply, { op: 'isComplete' }>).value };
    } catch {
      content = { status: 'unknown' };
    }
    await this.channels.reply(channel, request, 'is_complete_reply', content);
  }

  private replyError(channel: RequestChannel, request: Incoming, msgType: string, error: unknown): Promise<void> {
    const { ename, evalue, traceback } = engineError(error);
    return this.channels.reply(channel, request, msgType, { status: 'error', ename, evalue, traceback });
  }

  private async shutdown(channel: RequestChannel, request: Incoming): Promise<void> {
    const restart = request.content.restart === true;
    await this.channels.reply(channel, request, 'shutdown_reply', { status: 'ok', restart });
    await this.channels.publish('status', request, { execution_state: 'idle' });
    await this.stop();
  }

  /** Closes everything; the sockets' linger lets queued replies go out before the process ends. */
  async stop(): Promise<void> {
    await this.worker.stop();
    this.channels.close();
    setTimeout(() => process.exit(0), 2000).unref();
  }
}
