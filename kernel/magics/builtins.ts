// IPython's general-purpose magics: %lsmagic, %who, %whos, %reset, %history, %time, %%capture.
import type { ExecuteOutcome, UserVariable } from '../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext } from './registry.js';
import { pythonStr } from './python-literal.js';

function print(context: MagicContext, text: string): ExecuteOutcome {
  context.io.stdout(text);
  return OK;
}

function userVariables(context: MagicContext): UserVariable[] | null {
  return context.session.userVariables?.() ?? null;
}

const lsmagic: Magic = {
  name: 'lsmagic',
  summary: 'List the available magics.',
  usage: '%lsmagic',
  line: (context) =>
    print(context, [
      'Available line magics:',
      context.registry.names('line').join('  '),
      '',
      'Available cell magics:',
      context.registry.names('cell').join('  '),
      '',
      'Automagic is OFF, % prefix IS needed for line magics.',
      '',
    ].join('\n')),
};

/** `%who [type ...]` keeps the names whose type is among the given ones, as IPython does. */
function selectVariables(context: MagicContext, args: string): UserVariable[] | ExecuteOutcome {
  const variables = userVariables(context);
  if (!variables) return usageError('this engine cannot list the user namespace');
  const types = args.split(/\s+/).filter(Boolean);
  return types.length ? variables.filter((variable) => types.includes(variable.type)) : variables;
}

const who: Magic = {
  name: 'who',
  summary: 'Print the names of the interactive variables, optionally only those of given types.',
  usage: '%who [type ...]\n\nExample: `%who int str` lists the ints and strs.',
  line: (context, args) => {
    const selected = selectVariables(context, args);
    if (!Array.isArray(selected)) return selected;
    if (selected.length === 0) return print(context, 'Interactive namespace is empty.\n');
    return print(context, selected.map((variable) => variable.name).sort().join('\t') + '\t\n');
  },
};

const whos: Magic = {
  name: 'whos',
  summary: 'Like %who, with the type, the size (sys.getsizeof) and a summary of every variable.',
  usage: '%whos [type ...]',
  line: (context, args) => {
    const selected = selectVariables(context, args);
    if (!Array.isArray(selected)) return selected;
    if (selected.length === 0) return print(context, 'Interactive namespace is empty.\n');
    const rows = [...selected].sort((a, b) => (a.name < b.name ? -1 : 1));
    const nameWidth = Math.max('Variable'.length, ...rows.map((row) => row.name.length)) + 3;
    const typeWidth = Math.max('Type'.length, ...rows.map((row) => row.type.length)) + 3;
    // pymemlab adds each value's sys.getsizeof between the type and the summary.
    const sizes = rows.map((row) => {
      const report = context.session.memory?.sizeOf(row.name, false);
      return report?.status === 'ok' ? String(report.value.object.size) : '';
    });
    const sizeWidth = Math.max('Size'.length, ...sizes.map((size) => size.length)) + 3;
    const header = 'Variable'.padEnd(nameWidth) + 'Type'.padEnd(typeWidth) + 'Size'.padEnd(sizeWidth) + 'Data/Info';
    const lines = rows.map((row, i) => row.name.padEnd(nameWidth) + row.type.padEnd(typeWidth) + sizes[i]!.padEnd(sizeWidth) + row.summary);
    return print(context, [header, '-'.repeat(header.length + 6), ...lines, ''].join('\n'));
  },
};

const reset: Magic = {
  name: 'reset',
  summary: 'Delete every name in the user namespace.',
  usage: '%reset [-f]\n\n-f: do not ask for confirmation.',
  line: (context, args) => {
    const force = args.split(/\s+/).includes('-f');
    if (!force) {
      const answer = context.io.input('Once deleted, variables cannot be recovered. Proceed (y/[n])? ', false);
      if (answer === null) return usageError('%reset needs -f where there is no stdin');
      if (answer.trim().toLowerCase() !== 'y') return print(context, 'Nothing done.\n');
    }
    context.resetSession();
    return OK;
  },
};

/** `%history` range syntax: `N`, `N-M` (inclusive), several separated by spaces. */
function historyLines(inputs: readonly string[], ranges: string[]): number[] {
  const last = inputs.length - 1;
  if (ranges.length === 0) return Array.from({ length: last }, (_, index) => index + 1);
  return ranges.flatMap((range) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!match) return [];
    const start = Number(match[1]);
    const stop = Math.min(Number(match[2] ?? match[1]), last);
    return Array.from({ length: Math.max(0, stop - start + 1) }, (_, index) => start + index);
  });
}

const history: Magic = {
  name: 'history',
  summary: 'Print the input history of this session.',
  usage: '%history [-n] [N | N-M ...]\n\n-n: prefix every input with its execution count.',
  line: (context, args) => {
    const words = args.split(/\s+/).filter(Boolean);
    const numbered = words.includes('-n');
    const ranges = words.filter((word) => word !== '-n');
    if (ranges.some((range) => !/^\d+(-\d+)?$/.test(range))) return usageError(`unknown %history argument: ${args}`);
    const text = historyLines(context.inputs, ranges)
      .map((line) => {
        const input = context.inputs[line] ?? '';
        return numbered ? `${String(line).padStart(3)}: ${input.replaceAll('\n', '\n     ')}` : input;
      })
      .join('\n');
    return print(context, text ? text + '\n' : '');
  },
};

function formatDuration(microseconds: number): string {
  if (microseconds >= 1e6) return `${(microseconds / 1e6).toPrecision(3)} s`;
  if (microseconds >= 1e3) return `${(microseconds / 1e3).toPrecision(3)} ms`;
  return `${microseconds.toPrecision(3)} µs`;
}

function timed(context: MagicContext, code: string): ExecuteOutcome {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const outcome = context.runCell(code);
  const wall = (performance.now() - wallStart) * 1000;
  const cpu = process.cpuUsage(cpuStart);
  context.io.stdout(
    `CPU times: user ${formatDuration(cpu.user)}, sys: ${formatDuration(cpu.system)}, total: ${formatDuration(cpu.user + cpu.system)}\n` +
    `Wall time: ${formatDuration(wall)}\n`,
  );
  return outcome;
}

const time: Magic = {
  name: 'time',
  summary: 'Run a statement or a cell once and print the CPU and wall-clock time it took.',
  usage: '%time STATEMENT\n%%time\nCELL BODY\n\nThe times are those of the simulation on this machine, not of CPython.',
  line: (context, args) => timed(context, args),
  cell: (context, _args, body) => timed(context, body),
};

/** Binds the captured output to a name as a small object with .stdout, .stderr, .outputs and .show(). */
function bindCapture(context: MagicContext, name: string, stdout: string, stderr: string, outputs: Record<string, unknown>[]): ExecuteOutcome {
  const outputList = outputs
    .map((bundle) => `{${Object.entries(bundle).filter(([, value]) => typeof value === 'string').map(([key, value]) => `${pythonStr(key)}: ${pythonStr(value as string)}`).join(', ')}}`)
    .join(', ');
  return context.runHidden([
    'def __pymemlab_captured_io():',
    '    class CapturedIO:',
    '        """Output captured by %%capture."""',
    '        def __init__(self, stdout, stderr, outputs):',
    '            self.stdout = stdout',
    '            self.stderr = stderr',
    '            self.outputs = outputs',
    '        def __str__(self):',
    '            return self.stdout',
    '        def show(self):',
    '            import sys',
    '            sys.stdout.write(self.stdout)',
    '            sys.stderr.write(self.stderr)',
    '    return CapturedIO',
    `${name} = __pymemlab_captured_io()(${pythonStr(stdout)}, ${pythonStr(stderr)}, [${outputList}])`,
    'del __pymemlab_captured_io',
  ].join('\n'));
}

const capture: Magic = {
  name: 'capture',
  summary: "Run the cell, capturing its stdout, stderr and rich output instead of showing them.",
  usage: '%%capture [--no-stdout] [--no-stderr] [--no-display] [NAME]\n\nNAME: bind the captured output to NAME (.stdout, .stderr, .outputs, .show()).',
  cell: (context, args, body) => {
    const words = args.split(/\s+/).filter(Boolean);
    const flags = new Set(words.filter((word) => word.startsWith('--')));
    const unknown = [...flags].filter((flag) => !['--no-stdout', '--no-stderr', '--no-display'].includes(flag));
    if (unknown.length) return usageError(`unrecognized arguments: ${unknown.join(' ')}`);
    const names = words.filter((word) => !word.startsWith('--'));
    if (names.length > 1 || (names[0] && !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(names[0]))) return usageError(`bad capture name: ${names.join(' ')}`);
    const options = { stdout: !flags.has('--no-stdout'), stderr: !flags.has('--no-stderr'), display: !flags.has('--no-display') };
    const { value: outcome, captured } = context.io.capture(options, () => context.runCell(body));
    const outputs = captured.displays.flatMap((request) => (request.kind === 'display' ? [request.data] : []));
    if (outcome.status === 'ok' && outcome.result && options.display) outputs.push(outcome.result);
    const shown: ExecuteOutcome = outcome.status === 'ok' && options.display ? OK : outcome;
    if (!names[0]) return shown;
    const bound = bindCapture(context, names[0], captured.stdout, captured.stderr, outputs);
    return bound.status === 'error' ? bound : shown;
  },
};

export const builtinMagics: Magic[] = [lsmagic, who, whos, reset, history, time, capture];
