// The engine's view of the outside world, seen from the worker: output goes to the main thread as
// events (batched, since a print loop would otherwise post one message per call), `input()` blocks
// this thread until the main thread has the answer.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DisplayRequest, EngineHost } from '../../engine/api.js';
import type { InputAnswer, WorkerEvent } from './protocol.js';

const FLUSH_BYTES = 64 * 1024;
const FLUSH_MS = 50;

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
