// What every memory magic needs: the engine's introspection, and its errors as the cell's.
import type { ExecuteOutcome, Introspected, MemoryIntrospection } from '../../../engine/api.js';
import { usageError, type Magic, type MagicContext } from '../registry.js';

export type Introspector = MemoryIntrospection;

/** The session's introspection, or the UsageError a magic returns when the engine has none. */
export function introspection(context: MagicContext): Introspector | ExecuteOutcome {
  return context.session.memory ?? usageError('this engine does not expose its memory');
}

export function isOutcome(x: unknown): x is ExecuteOutcome {
  return typeof x === 'object' && x !== null && 'status' in x && ((x as ExecuteOutcome).status === 'error' || (x as ExecuteOutcome).status === 'ok') && !('value' in x);
}

/** Runs `body` on an introspected value, or returns the Python error as the cell's. */
export function onValue<T>(result: Introspected<T>, body: (value: T) => ExecuteOutcome): ExecuteOutcome {
  return result.status === 'ok' ? body(result.value) : { status: 'error', error: result.error };
}

/** Byte counts as CPython tools print them: exact bytes, with KiB/MiB beside large ones. */
export function bytesText(n: number): string {
  if (Math.abs(n) < 1024) return `${n} B`;
  if (Math.abs(n) < 1024 ** 2) return `${n} B (${(n / 1024).toFixed(1)} KiB)`;
  return `${n} B (${(n / 1024 ** 2).toFixed(1)} MiB)`;
}

/** Splits magic arguments into flags (`--deep`, `--probe KEY`) and the rest, kept as text. */
export function takeFlag(args: string, flag: string): { present: boolean; rest: string } {
  const pattern = new RegExp(`(^|\\s)${flag}(?=\\s|$)`);
  return pattern.test(args) ? { present: true, rest: args.replace(pattern, ' ').trim() } : { present: false, rest: args.trim() };
}

export interface StatementMagicSpec<O> {
  name: string;
  summary: string;
  usage: string;
  /** Options at the start of the arguments, and the rest (the statement, or a cell's extra text). */
  parse(args: string): { options: O; rest: string } | string;
  /** Runs `code` (the line's statement or the cell's body); `extra` is the rest of a cell's line. */
  run(context: MagicContext, code: string, options: O, extra: string): ExecuteOutcome;
  /** Whether the cell form accepts text after its options (passed as `extra`). */
  cellExtra?: boolean;
}

/** A magic with a line form (`%name OPTIONS STMT`) and a cell form (`%%name OPTIONS` + body). */
export function statementMagic<O>(spec: StatementMagicSpec<O>): Magic {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    line: (context, args) => {
      const parsed = spec.parse(args);
      if (typeof parsed === 'string') return usageError(parsed);
      if (!parsed.rest) return usageError(`%${spec.name} needs a statement`);
      return spec.run(context, parsed.rest, parsed.options, '');
    },
    cell: (context, args, body) => {
      const parsed = spec.parse(args);
      if (typeof parsed === 'string') return usageError(parsed);
      if (parsed.rest && !spec.cellExtra) return usageError(`unknown %%${spec.name} arguments: ${parsed.rest}`);
      return spec.run(context, body, parsed.options, parsed.rest);
    },
  };
}
