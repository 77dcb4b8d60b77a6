// Builds a chapter notebook from its script: writes the cells, executes them on pymemlab's kernel
// (`pymemlab run --inplace`), then runs the cells tagged `cpython-confirms` on the real python3 and
// stops with a diff if any of their outputs differ. Needs a built dist/ (`npx tsc -p tsconfig.json`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const pymemlab = join(root, 'bin', 'pymemlab.js');
export const CONFIRMS = 'cpython-confirms';
export const CONFIRMED_MARKER = '# confirmed: real CPython 3.11 prints the same';

/** Drops the indentation a template literal picks up from the script, and the outer blank lines. */
function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export const md = (text) => ({ cell_type: 'markdown', metadata: {}, source: dedent(text) });

function codeCell(marker, text, tags) {
  return { cell_type: 'code', execution_count: null, metadata: tags.length ? { tags } : {}, outputs: [], source: `${marker}\n${dedent(text)}` };
}

/** A code cell whose output only the simulation can give (pools, addresses, generation counts). */
export const simulated = (why, text, tags = []) => codeCell(`# simulated: ${why}`, text, tags);

/** A code cell whose output is the real CPython 3.11's; the chapter test re-checks it on python3. */
export const confirmed = (text, tags = []) => codeCell(CONFIRMED_MARKER, text, [CONFIRMS, ...tags]);

/**
 * What a program prints on pymemlab's profile for an older release and on that real release (run
 * through pyenv), which must agree: for numbers a note quotes from an older interpreter, embedded
 * in the chapter's prose.
 */
export function versionOutput(program, release) {
  const profile = release.split('.').slice(0, 2).join('.');
  const dir = mkdtempSync(join(tmpdir(), 'pymemlab-chapter-'));
  try {
    const file = join(dir, 'program.py');
    writeFileSync(file, dedent(program) + '\n');
    const simulatedOut = execFileSync('node', [pymemlab, 'exec', '--python', profile, file], { encoding: 'utf8' });
    const realOut = execFileSync('pyenv', ['exec', 'python3', file], { encoding: 'utf8', env: { ...process.env, PYENV_VERSION: release } });
    if (simulatedOut !== realOut) {
      throw new Error(`pymemlab --python ${profile} and CPython ${release} disagree:\n${simulatedOut}\n---\n${realOut}`);
    }
    return simulatedOut;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Outputs of the confirmable cells as the real python3 gives them, by cell id. */
export function cpythonOutputs(notebookPath, python = 'python3') {
  const json = execFileSync(python, [join(here, 'cpython-cells.py'), notebookPath, CONFIRMS], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(json);
}

export async function buildChapter(fileName, cells) {
  const path = join(root, 'notebooks', fileName);
  const notebook = {
    cells: cells.map((cell, i) => ({ ...cell, id: `c${String(i).padStart(2, '0')}` })),
    metadata: {
      kernelspec: { display_name: 'Python Memory Lab (CPython 3.11, simulated)', language: 'python', name: 'pymemlab' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(path, `${JSON.stringify(notebook, null, 1)}\n`);
  execFileSync('node', [pymemlab, 'run', '--inplace', path], { stdio: 'inherit' });

  const { comparableText } = await import(join(root, 'dist', 'kernel', 'runner', 'compareOutputs.js'));
  const stored = JSON.parse(readFileSync(path, 'utf8'));
  const real = cpythonOutputs(path);
  let differing = 0;
  for (const cell of stored.cells.filter((c) => c.metadata.tags?.includes(CONFIRMS))) {
    const ours = comparableText(cell.outputs);
    const theirs = comparableText(real[cell.id] ?? []);
    if (ours !== theirs) {
      differing += 1;
      console.error(`${fileName} ${cell.id} differs from python3:\n--- pymemlab\n${ours}--- python3\n${theirs}`);
    }
  }
  console.log(`${fileName}: ${Object.keys(real).length} cells confirmed by python3, ${differing} differing`);
  if (differing) process.exitCode = 1;
}
