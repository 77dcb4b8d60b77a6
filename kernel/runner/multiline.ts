// nbformat stores long strings as lists of lines; these convert between the two forms.
import type { MultilineString } from '@jupyterlab/nbformat';

export function joinLines(text: MultilineString | undefined): string {
  return Array.isArray(text) ? text.join('') : (text ?? '');
}

/** Python's str.splitlines(True), the form nbformat writes stream text and text-like data in. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** JSON-valued MIME types are stored as JSON, everything else as lines (nbformat's rule). */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}
