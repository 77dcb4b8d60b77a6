// --check: fresh outputs against stored ones, as nbval compares them, after normalising what
// legitimately changes from run to run.
import type { IError, IMimeBundle, IOutput, IStream } from '@jupyterlab/nbformat';
import { createTwoFilesPatch } from 'diff';
import { isJsonMime, joinLines } from './multiline.js';
import { isProgressOutput } from '../progress.js';

/** Rendered pixels differ between machines and library versions; nbval skips them too. */
const NOT_COMPARED = new Set(['image/png', 'image/jpeg', 'image/gif']);

const NORMALISERS: Array<[RegExp, string]> = [
  // Object addresses in default reprs: <object object at 0x7f3a...>
  [/\b0x[0-9a-fA-F]{6,}\b/g, '0x<address>'],
  // Durations from %time, %timeit and the like: "1.25 ms", "3.4 µs", "2 s"
  [/\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|sec|seconds|min)\b/g, '<duration>'],
];

export function normaliseText(text: string): string {
  return NORMALISERS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

function bundleText(mime: string, value: IMimeBundle[string]): string {
  if (NOT_COMPARED.has(mime)) return '(not compared)';
  return normaliseText(isJsonMime(mime) ? JSON.stringify(value, null, 1) : joinLines(value as string | string[]));
}

/** One readable text per cell: consecutive streams of one name merged, one section per output part. */
export function comparableText(outputs: IOutput[]): string {
  const sections: string[] = [];
  let lastStream: string | null = null;
  for (const output of outputs) {
    if (isProgressOutput(output)) continue;
    if (output.output_type === 'stream') {
      const { name, text } = output as IStream;
      const body = normaliseText(joinLines(text));
      if (lastStream === name) sections[sections.length - 1] += body;
      else sections.push(`[${name}]\n${body}`);
      lastStream = name;
      continue;
    }
    lastStream = null;
    if (output.output_type === 'error') {
      const { ename, evalue } = output as IError;
      sections.push(`[error]\n${ename}: ${normaliseText(evalue)}`);
    } else if (output.output_type === 'execute_result' || output.output_type === 'display_data') {
      const data = (output['data'] ?? {}) as IMimeBundle;
      for (const mime of Object.keys(data).sort()) sections.push(`[${output.output_type} ${mime}]\n${bundleText(mime, data[mime]!)}`);
    } else {
      sections.push(`[${String(output.output_type)}]`);
    }
  }
  return sections.map((section) => (section.endsWith('\n') ? section : `${section}\n`)).join('');
}

/** A unified diff of stored against fresh outputs, or null when they agree. */
export function diffOutputs(stored: IOutput[], fresh: IOutput[]): string | null {
  const before = comparableText(stored);
  const after = comparableText(fresh);
  if (before === after) return null;
  const patch = createTwoFilesPatch('stored', 'fresh', before, after, '', '', { context: 3 });
  return patch.split('\n').filter((line) => !line.startsWith('====')).join('\n').trimEnd();
}
