// The magics framework: a magic is a named command with a line form (`%name args`), a cell form
// (`%%name args` + body), or both. Other modules (the memory magics) register theirs here too.
import type { EngineSession, ExecuteOutcome } from '../../engine/api.js';
import type { WorkerIO } from '../worker/io.js';

export interface MagicContext {
  readonly session: EngineSession;
  readonly io: WorkerIO;
  /** Inputs of this session by execution count (index 0 is empty), as `In` holds them. */
  readonly inputs: readonly string[];
  readonly registry: MagicRegistry;
  /** Runs cell source (itself possibly holding magics) as if it were the cell. */
  runCell(code: string): ExecuteOutcome;
  /** Runs Python in the user namespace for its effect only (no displayed value), e.g. to bind a name. */
  runHidden(code: string): ExecuteOutcome;
  /** Replaces the engine session with a fresh one (empty namespace), of another simulated
   *  CPython version if one is given ("3.12"). */
  resetSession(python?: string): void;
}

export type MagicHandler = (context: MagicContext, args: string, body: string) => ExecuteOutcome;

export interface Magic {
  name: string;
  /** One line for %lsmagic-style listings and the first line of `%name?`. */
  summary: string;
  /** Usage and options, shown by `%name?`. */
  usage: string;
  line?: MagicHandler;
  cell?: MagicHandler;
}

export class MagicRegistry {
  private readonly magics = new Map<string, Magic>();

  register(magic: Magic): void {
    if (this.magics.has(magic.name)) throw new Error(`magic %${magic.name} registered twice`);
    this.magics.set(magic.name, magic);
  }

  get(name: string): Magic | undefined {
    return this.magics.get(name);
  }

  /** Names with their prefix (`%name`, `%%name`), sorted, for %lsmagic and completion. */
  names(kind: 'line' | 'cell'): string[] {
    const prefix = kind === 'line' ? '%' : '%%';
    return [...this.magics.values()].filter((magic) => magic[kind]).map((magic) => prefix + magic.name).sort();
  }
}

/** IPython reports bad magic use as a UsageError, printed without a traceback. */
export function usageError(message: string): ExecuteOutcome {
  return { status: 'error', error: { ename: 'UsageError', evalue: message, traceback: [`UsageError: ${message}`] } };
}

export const OK: ExecuteOutcome = { status: 'ok' };
