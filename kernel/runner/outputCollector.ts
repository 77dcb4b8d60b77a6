// Turns a cell's iopub messages into nbformat 4 outputs the way nbclient records them.
import type { IDisplayData, IError, IExecuteResult, IMimeBundle, IOutput, IStream } from '@jupyterlab/nbformat';
import type { IOPubMessage } from './kernelSession.js';
import { isJsonMime, joinLines, splitLines } from './multiline.js';

type DisplayOutput = IDisplayData | IExecuteResult;

/** Outputs shown with a display_id, notebook-wide: update_display_data may target an earlier cell. */
export type DisplayRegistry = Map<string, DisplayOutput[]>;

function storedBundle(data: unknown): IMimeBundle {
  const bundle: IMimeBundle = {};
  for (const [mime, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    bundle[mime] = (typeof value === 'string' && !isJsonMime(mime) ? splitLines(value) : value) as IMimeBundle[string];
  }
  return bundle;
}

function displayIdOf(content: Record<string, unknown>): string | undefined {
  const transient = content['transient'] as { display_id?: unknown } | undefined;
  return typeof transient?.display_id === 'string' ? transient.display_id : undefined;
}

// nbconvert's coalesce_streams: a carriage return not ending a line erases the line so far.
const OVERWRITTEN_BY_CR = /[^\n]*\r(?=[^\n])/g;

export class OutputCollector {
  private readonly outputs: IOutput[] = [];
  private clearBeforeNext = false;

  constructor(private readonly displays: DisplayRegistry) {}

  handle(message: IOPubMessage): void {
    const content = message.content;
    switch (message.header.msg_type) {
      case 'stream':
        return this.addStream(String(content['name']), String(content['text'] ?? ''));
      case 'display_data':
        return this.addDisplay({ output_type: 'display_data', data: storedBundle(content['data']), metadata: (content['metadata'] ?? {}) as IDisplayData['metadata'] }, content);
      case 'execute_result':
        return this.addDisplay({
          data: storedBundle(content['data']),
          execution_count: (content['execution_count'] as number | undefined) ?? null,
          metadata: (content['metadata'] ?? {}) as IExecuteResult['metadata'],
          output_type: 'execute_result',
        }, content);
      case 'update_display_data':
        return this.updateDisplay(content);
      case 'error':
        return this.add({
          ename: String(content['ename']),
          evalue: String(content['evalue']),
          output_type: 'error',
          traceback: (content['traceback'] ?? []) as string[],
        } satisfies IError);
      case 'clear_output':
        if (content['wait']) this.clearBeforeNext = true;
        else this.outputs.length = 0;
        return;
      default:
        return;
    }
  }

  /** The cell's outputs as a notebook file stores them. */
  finish(): IOutput[] {
    for (const output of this.outputs) {
      if (output.output_type === 'stream') {
        const stream = output as IStream;
        stream.text = splitLines(joinLines(stream.text).replace(OVERWRITTEN_BY_CR, ''));
      }
    }
    return this.outputs;
  }

  private add(output: IOutput): void {
    if (this.clearBeforeNext) {
      this.outputs.length = 0;
      this.clearBeforeNext = false;
    }
    this.outputs.push(output);
  }

  private addStream(name: string, text: string): void {
    const last = this.outputs.at(-1);
    if (!this.clearBeforeNext && last?.output_type === 'stream' && (last as IStream).name === name) {
      (last as IStream).text = joinLines((last as IStream).text) + text;
    } else {
      this.add({ name: name as IStream['name'], output_type: 'stream', text } satisfies IStream);
    }
  }

  private addDisplay(output: DisplayOutput, content: Record<string, unknown>): void {
    const id = displayIdOf(content);
    if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), output]);
    this.add(output);
  }

  private updateDisplay(content: Record<string, unknown>): void {
    const id = displayIdOf(content);
    for (const output of (id && this.displays.get(id)) || []) {
      output.data = storedBundle(content['data']);
      output.metadata = (content['metadata'] ?? {}) as DisplayOutput['metadata'];
    }
  }
}
