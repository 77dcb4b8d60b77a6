// %python X.Y: restart the engine as another CPython version's simulation.
import { simulatedVersion } from '../../../engine/api.js';
import { usageError, type Magic } from '../registry.js';
import { show } from '../render/bundle.js';
import { escapeHtml } from '../render/html.js';

const WHAT_RESETS = [
  'every variable, import and object of the session (a fresh interpreter, as after a kernel restart)',
  'the simulated process: its heap, pymalloc arenas, free lists, pages and RSS',
  "the collector, with the new version's thresholds",
  "the version's layouts: object sizes, GC header, dict and str layouts, immortal objects",
];

export const python: Magic = {
  name: 'python',
  summary: 'Switch the simulated CPython version (restarts the interpreter).',
  usage: '%python [X.Y]\n\nWithout an argument, print the simulated version. With one (3.6, 3.7, 3.8, 3.11, 3.12, 3.13, or X.Y.Z\nwhere the patch level changes a layout), start a fresh interpreter simulating that version.\nThe input history stays; everything else starts over.',
  line: (context, args) => {
    const requested = args.trim();
    if (!requested) {
      context.io.stdout(`simulating CPython ${context.session.version}\n`);
      return { status: 'ok' };
    }
    if (!/^3\.\d+(\.\d+)?$/.test(requested)) return usageError(`%python needs a version such as 3.12, not ${requested}`);
    let version: string;
    try {
      version = simulatedVersion(requested);
    } catch (error) {
      return usageError((error as Error).message);
    }
    const previous = context.session.version;
    context.resetSession(requested);
    const head = `Switched from CPython ${previous} to ${version}. Reset:`;
    show(context, {
      text: [head, ...WHAT_RESETS.map((w) => `  - ${w}`)].join('\n'),
      html: `<p>${escapeHtml(head)}</p><ul>${WHAT_RESETS.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`,
    });
    return { status: 'ok' };
  },
};
