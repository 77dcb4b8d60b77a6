// The engine's view of the outside world, seen from the worker: output goes to the main thread as
// events (batched, since a print loop would otherwise post one message per call), `input()` blocks
// this thread until the main thread has the answer.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DisplayRequest, EngineHost, ProgressUpdate } from '../../engine/api.js';
import type { InputAnswer, WorkerEvent } from './protocol.js';

const FLUSH_BYTES = 64 * 1024;
const FLUSH_MS = 50;
/** Work shorter than this shows no bar (PYMEMLAB_PROGRESS_DELAY_MS sets it, 0 in the tests). */
const PROGRESS_DELAY_MS = Number(process.env.PYMEMLAB_PROGRESS_DELAY_MS ?? 300);
/** A shown bar is redrawn at most this often. */
const PROGRESS_EVERY_MS = 100;

interface Bar {
  id: number;
  update: ProgressUpdate;
  started: number;
  /** When the bar was last posted; null until it is shown. */
  posted: number | null;
}

/** What a `%%capture` collects instead of showing. */
export interface Captured {
  stdout: string;
  stderr: string;
  displays: DisplayRequest[];
}

export interface CaptureOptions {
  stdout: boolean;
  stderr: boolean;
  display: boolean;
}

export class WorkerIO implements EngineHost {
  private pending: { name: 'stdout' | 'stderr'; text: string } | null = null;
  private lastFlush = Date.now();
  private readonly captures: { options: CaptureOptions; into: Captured }[] = [];
  private bar: Bar | null = null;
  private bars = 0;
  /** Whether the running request may ask the front end for input. */
  allowStdin = true;
  /** Pages produced by the running cell (help(), `obj?`), returned as execute payloads. */
  pages: DisplayRequest[] = [];

  constructor(
    private readonly post: (event: WorkerEvent) => void,
    private readonly inputPort: MessagePort,
    private readonly inputSignal: Int32Array,
  ) {}

  stdout(text: string): void {
    this.write('stdout', text);
  }

  stderr(text: string): void {
    this.write('stderr', text);
  }

  private write(name: 'stdout' | 'stderr', text: string): void {
    const capture = this.captures.at(-1);
    if (capture?.options[name]) {
      capture.into[name] += text;
      return;
    }
    if (this.pending && this.pending.name !== name) this.flush();
    if (this.pending) this.pending.text += text;
    else this.pending = { name, text };
    if (this.pending.text.length >= FLUSH_BYTES || Date.now() - this.lastFlush >= FLUSH_MS) this.flush();
  }

  flush(): void {
    this.lastFlush = Date.now();
    if (!this.pending) return;
    this.post({ kind: 'stream', ...this.pending });
    this.pending = null;
  }

  display(request: DisplayRequest): void {
    if (request.kind === 'page') {
      this.pages.push(request);
      return;
    }
    const capture = this.captures.at(-1);
    if (capture?.options.display) {
      capture.into.displays.push(request);
      return;
    }
    this.flush();
    this.post({ kind: 'display', request });
  }

  /** The engine reports often; a bar appears once a task has run PROGRESS_DELAY_MS, then is
   *  redrawn every PROGRESS_EVERY_MS, and drawn complete when the task reaches its total. */
  progress(update: ProgressUpdate): void {
    const now = Date.now();
    if (this.bar?.update.task !== update.task) {
      this.endProgress();
      this.bar = { id: ++this.bars, update, started: now, posted: null };
    }
    const bar = this.bar!;
    bar.update = update;
    if (update.total !== null && update.done >= update.total) {
      this.endProgress();
      return;
    }
    if (now - bar.started < PROGRESS_DELAY_MS) return;
    if (bar.posted !== null && now - bar.posted < PROGRESS_EVERY_MS) return;
    this.flush();
    this.post({ kind: 'progress', id: bar.id, stage: bar.posted === null ? 'start' : 'update', update });
    bar.posted = now;
  }

  /** Draws a shown bar a last time (work that stopped reporting, or a cell's end). */
  endProgress(): void {
    const bar = this.bar;
    this.bar = null;
    if (!bar || bar.posted === null) return;
    this.flush();
    this.post({ kind: 'progress', id: bar.id, stage: 'end', update: bar.update });
  }

  input(prompt: string, password: boolean): string | null {
    if (!this.allowStdin) return null;
    this.flush();
    // An interrupt that came while no input() was waiting left a stale answer behind.
    while (receiveMessageOnPort(this.inputPort)) continue;
    Atomics.store(this.inputSignal, 0, 0);
    this.post({ kind: 'input', prompt, password });
    Atomics.wait(this.inputSignal, 0, 0);
    const answer = receiveMessageOnPort(this.inputPort)?.message as InputAnswer | undefined;
    // An interrupt leaves the flag set: the engine raises KeyboardInterrupt at its next check.
    if (!answer || 'interrupted' in answer) return '';
    return 'eof' in answer ? null : answer.value;
  }

  /** Runs `body` with output diverted into a capture (nested captures take the innermost). */
  capture<T>(options: CaptureOptions, body: () => T): { value: T; captured: Captured } {
    const entry = { options, into: { stdout: '', stderr: '', displays: [] } };
    this.flush();
    this.captures.push(entry);
    try {
      return { value: body(), captured: entry.into };
    } finally {
      this.captures.pop();
    }
  }
}
