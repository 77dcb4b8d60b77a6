// The main thread's handle on the engine worker: requests and replies, output events, input(),
// interrupts, and a fresh worker whenever the old one dies (crash, out of memory, stuck).
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DisplayRequest, ProgressUpdate } from '../../engine/api.js';
import type { InputAnswer, WorkerEvent, WorkerReply, WorkerRequest, WorkerSettings } from './protocol.js';

export interface EngineEvents {
  stream(name: 'stdout' | 'stderr', text: string): void;
  display(request: DisplayRequest): void;
  /** The running cell called input(); answer with `answerInput`. */
  input(prompt: string, password: boolean): void;
  /** Long engine work: `start` shows bar `id`, `update` redraws it, `end` draws it a last time. */
  progress(id: number, stage: 'start' | 'update' | 'end', update: ProgressUpdate): void;
}

export interface EngineWorkerOptions {
  python: string;
  argv: string[];
  hashSeed?: number;
  /** Cap on the worker's JavaScript heap; past it the worker dies and a fresh one starts. */
  heapLimitMb?: number;
}

/** Why a request got no reply: the worker died or the engine never loaded. */
export class EngineUnavailable extends Error {}

/** Worker thread stack: the engine may recurse deeply when Python calls back into native code. */
const STACK_MB = 256;
/** The engine's short-lived host objects fit a 6 MB young generation; left alone, V8 doubles it up
 *  to 32 MB under a session's allocation rate, and resident memory follows. */
const YOUNG_GENERATION_MB = 6;
/** An interrupt that the engine does not honour within this time ends the worker. */
const INTERRUPT_GRACE_MS = 5000;

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export class EngineWorker {
  private worker!: Worker;
  private inputPort!: MessageChannel['port1'];
  private readonly interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly inputSignal = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private loadError: string | null = null;
  private readyWaiters: ((version: string | null) => void)[] = [];
  private engineVersion: string | null = null;
  private interruptTimer: NodeJS.Timeout | null = null;
  private deathReason: string | null = null;
  private stopped = false;

  constructor(private readonly options: EngineWorkerOptions, private readonly events: EngineEvents) {
    this.spawn();
  }

  private spawn(): void {
    const channel = new MessageChannel();
    this.inputPort = channel.port1;
    const settings: WorkerSettings = {
      python: this.options.python,
      argv: this.options.argv,
      ...(this.options.hashSeed === undefined ? {} : { hashSeed: this.options.hashSeed }),
      interruptFlag: this.interruptFlag,
      inputSignal: this.inputSignal,
    };
    this.loadError = null;
    this.engineVersion = null;
    this.deathReason = null;
    const worker = new Worker(new URL('./entry.js', import.meta.url), {
      workerData: { settings, inputPort: channel.port2 },
      transferList: [channel.port2],
      resourceLimits: { stackSizeMb: STACK_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(this.options.heapLimitMb ? { maxOldGenerationSizeMb: this.options.heapLimitMb } : {}) },
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    worker.on('message', (event: WorkerEvent) => this.onEvent(event));
    worker.on('error', (error: Error & { code?: string }) => {
      this.deathReason = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'the engine ran out of host memory'
        : `the engine crashed (${error.message})`;
    });
    worker.on('exit', () => {
      if (worker === this.worker) this.onExit();
    });
  }

  private onEvent(event: WorkerEvent): void {
    switch (event.kind) {
      case 'ready':
        this.engineVersion = event.version;
        this.settleReady(event.version);
        break;
      case 'version':
        this.engineVersion = event.version;
        break;
      case 'failed':
        this.loadError = event.message;
        this.settleReady(null);
        this.rejectAll(new EngineUnavailable(`the engine could not be loaded: ${event.message}`));
        break;
      case 'stream':
        this.events.stream(event.name, event.text);
        break;
      case 'display':
        this.events.display(event.request);
        break;
      case 'input':
        this.events.input(event.prompt, event.password);
        break;
      case 'progress':
        this.events.progress(event.id, event.stage, event.update);
        break;
      case 'reply':
        this.settle(event.id, (pending) => pending.resolve(event.reply));
        break;
      case 'crash':
        this.settle(event.id, (pending) => pending.reject(new EngineUnavailable(`internal engine error: ${event.message}`)));
        break;
    }
  }

  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.clearInterruptTimer();
    action(pending);
  }

  private settleReady(version: string | null): void {
    for (const waiter of this.readyWaiters.splice(0)) waiter(version);
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.clearInterruptTimer();
    for (const entry of pending) entry.reject(error);
  }

  private onExit(): void {
    const reason = this.deathReason ?? 'the engine stopped unexpectedly';
    this.settleReady(null);
    this.rejectAll(new EngineUnavailable(`${reason}; a fresh interpreter was started and every variable is gone`));
    if (!this.stopped && this.loadError === null) this.spawn();
  }

  /** The version the engine simulates now (a cell may switch it), null until it has loaded. */
  get version(): string | null {
    return this.engineVersion;
  }

  /** The engine's version once it has loaded, or null if it could not load. */
  ready(): Promise<string | null> {
    if (this.engineVersion !== null) return Promise.resolve(this.engineVersion);
    if (this.loadError !== null) return Promise.resolve(null);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  request(body: RequestBody): Promise<WorkerReply> {
    if (this.loadError !== null) return Promise.reject(new EngineUnavailable(`the engine could not be loaded: ${this.loadError}`));
    const id = this.nextId++;
    // An interrupt meant for an earlier cell must not stop this one; one sent from now on, even
    // before the worker picks the job up, must.
    if (body.op === 'execute') Atomics.store(this.interruptFlag, 0, 0);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  answerInput(value: string | null): void {
    this.deliverInput(value === null ? { eof: true } : { value });
  }

  private deliverInput(answer: InputAnswer): void {
    this.inputPort.postMessage(answer);
    Atomics.store(this.inputSignal, 0, 1);
    Atomics.notify(this.inputSignal, 0);
  }

  /** Asks the running code to stop with KeyboardInterrupt; ends the worker if it does not. */
  interrupt(): void {
    if (this.pending.size === 0) return;
    Atomics.store(this.interruptFlag, 0, 1);
    this.deliverInput({ interrupted: true });
    if (this.interruptTimer) return;
    this.interruptTimer = setTimeout(() => {
      this.interruptTimer = null;
      if (this.pending.size === 0) return;
      this.deathReason = `the engine did not stop within ${INTERRUPT_GRACE_MS / 1000} s of the interrupt`;
      void this.worker.terminate();
    }, INTERRUPT_GRACE_MS);
  }

  private clearInterruptTimer(): void {
    if (this.interruptTimer) clearTimeout(this.interruptTimer);
    this.interruptTimer = null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearInterruptTimer();
    await this.worker.terminate();
  }
}
