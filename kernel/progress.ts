// How a progress report of the engine looks: a text bar (text/plain, and a terminal's stderr) and
// an HTML <progress> element for front ends.
import type { MimeBundle, ProgressUpdate } from '../engine/api.js';
import { escapeHtml } from './magics/render/html.js';

const BAR_WIDTH = 30;

function amount(update: ProgressUpdate): string {
  const done = update.done.toLocaleString('en-US');
  return update.total === null ? `${done} ${update.unit}` : `${done}/${update.total.toLocaleString('en-US')} ${update.unit}`;
}

function fraction(update: ProgressUpdate): number | null {
  if (update.total === null) return null;
  return update.total <= 0 ? 1 : Math.min(1, update.done / update.total);
}

export function progressText(update: ProgressUpdate): string {
  const part = fraction(update);
  if (part === null) return `${update.task}: ${amount(update)}`;
  const filled = Math.round(BAR_WIDTH * part);
  return `${update.task} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(part * 100)}% (${amount(update)})`;
}

/** The bar as a display bundle; without a total the HTML bar is indeterminate until the end. */
export function progressBundle(update: ProgressUpdate, finished: boolean): MimeBundle {
  const part = fraction(update) ?? (finished ? 1 : null);
  const bar = part === null ? '<progress></progress>' : `<progress max="1" value="${part.toFixed(3)}"></progress>`;
  return {
    'text/plain': progressText(update),
    'text/html': `<div class="pymemlab-progress">${escapeHtml(update.task)} ${bar} ${escapeHtml(amount(update))}</div>`,
  };
}

/** Marks a bar's outputs: whether a bar shows depends on the host's speed (it appears after a
 *  delay), so output comparisons leave these out (runner/compareOutputs.ts). */
export const PROGRESS_METADATA = { pymemlab: { progress: true } };

/** Whether a stored output is a progress bar's. */
export function isProgressOutput(output: object): boolean {
  const meta = (output as { metadata?: { pymemlab?: { progress?: unknown } } }).metadata;
  return meta?.pymemlab?.progress === true;
}
