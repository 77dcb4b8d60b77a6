// The engine's standard streams: sys.stdout / sys.stderr write to the host, buffered and
// flushed on newline and at the end of each execution (print's fast path writes here directly).
import type { PyObject } from '../objects/object.js';
import { None } from '../objects/singletons.js';
import type { EngineHost } from '../api.js';

export const engineIO = {
  host: null as EngineHost | null,
  outBuffer: '',
  errBuffer: '',
  /** The current sys.stdout object (looked up from the sys module by the session). */
  stdoutObject: (): PyObject => None,
  /** The host streams behind the engine's own stdout/stderr objects. */
  streams: new Map<PyObject, 'out' | 'err'>(),
  /** A direct writer when `file` is one of the engine's own stream objects. */
  directWriter(file: PyObject): ((text: string) => void) | null {
    const s = engineIO.streams.get(file);
    if (s === 'out') return writeOut;
    if (s === 'err') return writeErr;
    return null;
  },
  flush(): void {
    const h = engineIO.host;
    if (!h) return;
    if (engineIO.outBuffer) {
      const t = engineIO.outBuffer;
      engineIO.outBuffer = '';
      h.stdout(t);
    }
    if (engineIO.errBuffer) {
      const t = engineIO.errBuffer;
      engineIO.errBuffer = '';
      h.stderr(t);
    }
  },
  input(prompt: string): string | null {
    const h = engineIO.host;
    return h ? h.input(prompt, false) : null;
  },
};

const FLUSH_AT = 8192;

export function writeOut(text: string): void {
  if (engineIO.errBuffer) engineIO.flush();
  engineIO.outBuffer += text;
  if (engineIO.outBuffer.length > FLUSH_AT) engineIO.flush();
}

export function writeErr(text: string): void {
  if (engineIO.outBuffer) engineIO.flush();
  engineIO.errBuffer += text;
  if (text.includes('\n')) engineIO.flush();
}
