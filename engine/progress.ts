// Long engine work (a full collection, a fork's snapshot of a large process) says how far it got,
// so the host can draw a progress bar; a host without a `progress` method hears nothing.
import { engineIO } from './vm/io.js';

/** `total` null: the amount of work is not known beforehand, so only `done` can be shown. */
export function reportProgress(task: string, done: number, total: number | null, unit: string): void {
  engineIO.host?.progress?.({ task, done, total, unit });
}
