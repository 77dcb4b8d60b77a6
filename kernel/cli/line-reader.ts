// Lines from the terminal (or a pipe), for console prompts and for input() in exec/console.
import { createInterface, type Interface } from 'node:readline';

export class LineReader {
  private readline: Interface | null = null;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  /** Most recent first, as readline keeps it. */
  constructor(public history: string[] = []) {}

  private open(): Interface {
    if (this.readline) return this.readline;
    const terminal = process.stdin.isTTY === true;
    const readline = createInterface({ input: process.stdin, output: process.stdout, terminal, history: this.history, historySize: 1000 });
    readline.on('line', (line) => {
      // A prompt left set would be drawn again by readline when Ctrl-C interrupts the cell.
      readline.setPrompt('');
      this.deliver(line);
    });
    readline.on('history', (history: string[]) => {
      this.history = history;
    });
    readline.on('close', () => {
      this.closed = true;
      this.deliver(null);
    });
    this.readline = readline;
    return readline;
  }

  private deliver(line: string | null): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(line);
    } else if (line !== null) {
      this.lines.push(line);
    }
  }

  /** Shows the prompt and resolves with the next line, or null at end of input. On a terminal,
   *  `prefill` (an indent) is put in the line for the user to type after or erase. */
  read(prompt: string, prefill = ''): Promise<string | null> {
    const readline = this.open();
    if (this.lines.length) {
      process.stdout.write(prompt);
      return Promise.resolve(this.lines.shift()!);
    }
    if (this.closed) return Promise.resolve(null);
    readline.setPrompt(prompt);
    readline.prompt();
    if (process.stdin.isTTY && prefill) readline.write(prefill);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Ctrl-C at a prompt: tells the caller instead of ending the process. */
  onInterrupt(handler: () => void): void {
    this.open().on('SIGINT', handler);
  }

  /** Lets an interrupted read resolve with an empty line. */
  cancelRead(): void {
    this.deliver('');
  }

  close(): void {
    this.readline?.close();
  }
}
