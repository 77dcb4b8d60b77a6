// %%fork [-n N] [--freeze]: the cell's code run in N children forked from the session's process,
// as a pre-fork server runs its workers, with each child's /proc/PID/smaps_rollup taken before it
// exits and the pages of the parent it copied. Everything happens in the simulated processes:
// the generated Python below forks and runs the cell in each child, which then calls
// `_pymemlab.mark`: the host takes the child's rollup text and page copies there, at one moment,
// so the two agree (reading the file from Python would allocate, and copy pages, in between).
// The children stay alive (blocked on a pipe) until the parent has read its own rollup, so the
// parent's numbers show its pages shared with all of them.
import type { ExecuteOutcome, PageCopyReport } from '../../../engine/api.js';
import { OK, usageError, type Magic, type MagicContext } from '../registry.js';
import { escapeHtml, htmlTable, textTable } from '../render/html.js';
import { show } from '../render/bundle.js';
import { pageMapSvg, type PageMapRow } from '../render/pagemap.js';
import { introspection, isOutcome, takeFlag } from './common.js';

/** The smaps_rollup fields the report shows, in kB as the file gives them. */
export const ROLLUP_FIELDS = ['Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty'] as const;
export type Rollup = Record<(typeof ROLLUP_FIELDS)[number], number>;

export function parseRollup(textOfFile: string): Rollup {
  const out = {} as Rollup;
  for (const field of ROLLUP_FIELDS) {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(textOfFile);
    out[field] = m ? Number(m[1]) : NaN;
  }
  return out;
}

interface ForkOptions {
  children: number;
  freeze: boolean;
}

function parseOptions(args: string): ForkOptions | string {
  const freeze = takeFlag(args, '--freeze');
  const match = /^(?:-n\s*(\S+))?$/.exec(freeze.rest);
  if (!match) return `unknown %%fork arguments: ${freeze.rest}`;
  const children = match[1] === undefined ? 1 : Number(match[1]);
  if (!Number.isInteger(children) || children < 1) return '-n needs a positive whole number of children';
  return { children, freeze: freeze.present };
}

const RESULT = '_pymemlab_fork_result';
const HELPER = '_pymemlab_fork';

// Python run in the user namespace. The child's exit status follows CPython's rules for an
// uncaught exception or SystemExit. At its end the child marks (the host takes its rollup and
// page copies then), closes its pipe to tell the parent, and waits for the parent to close `go`.
const PROGRAM = `
def ${HELPER}(n, freeze, source):
    import gc, os, sys, _pymemlab
    code = compile(source, '<fork-cell>', 'exec')
    frozen_before = gc.get_freeze_count()
    if freeze:
        gc.freeze()
    go_r, go_w = os.pipe()
    children = []
    for i in range(n):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            os.close(go_w)
            status = 0
            try:
                exec(code, globals())
            except SystemExit as e:
                if isinstance(e.code, int):
                    status = e.code
                elif e.code is not None:
                    print(e.code, file=sys.stderr)
                    status = 1
            except BaseException as e:
                import traceback
                traceback.print_exception(type(e), e, e.__traceback__.tb_next)
                status = 1
            sys.stdout.flush()
            sys.stderr.flush()
            _pymemlab.mark(i)
            os.close(w)
            os.read(go_r, 1)
            os._exit(status)
        os.close(w)
        children.append((pid, r))
    os.close(go_r)
    for pid, r in children:
        os.read(r, 1)
        os.close(r)
    with open('/proc/self/smaps_rollup') as f:
        mine = f.read()
    os.close(go_w)
    statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid, _ in children]
    if freeze and frozen_before == 0:
        gc.unfreeze()
    return [os.getpid(), mine, [pid for pid, _ in children], statuses]
`;

interface ForkResult {
  parentPid: number;
  parentRollup: Rollup;
  children: { pid: number; rollup: Rollup; exitCode: number; pages: PageCopyReport }[];
}

function isForkData(v: unknown): v is [number, string, number[], number[]] {
  return Array.isArray(v) && v.length === 4 && typeof v[0] === 'number' && typeof v[1] === 'string' && Array.isArray(v[2]) && Array.isArray(v[3]);
}

/** Runs the program; the page copies arrive through the marks while each child runs. */
function runForks(context: MagicContext, source: string, options: ForkOptions): ForkResult | ExecuteOutcome {
  const memory = introspection(context);
  if (isOutcome(memory)) return memory;
  const defined = context.runHidden(PROGRAM);
  if (defined.status === 'error') return defined;
  const pages = new Map<number, PageCopyReport>();
  memory.onMark((child) => {
    const copies = memory.pageCopies();
    if (copies) pages.set(child, copies);
  });
  let ran: ExecuteOutcome;
  try {
    ran = context.runHidden(`${RESULT} = ${HELPER}(${options.children}, ${options.freeze ? 'True' : 'False'}, ${JSON.stringify(source)})`);
  } finally {
    memory.onMark(null);
  }
  if (ran.status === 'error') {
    context.runHidden(`del ${HELPER}`);
    return ran;
  }
  const fetched = memory.data(RESULT);
  context.runHidden(`del ${RESULT}, ${HELPER}`);
  if (fetched.status === 'error') return { status: 'error', error: fetched.error };
  const value = fetched.value;
  if (!isForkData(value)) return usageError('%%fork: the children did not report');
  const [parentPid, parentText, pids, statuses] = value;
  if (pids.some((_, i) => !pages.has(i))) return usageError('%%fork: a child ended before reporting (os._exit or a signal in the cell?)');
  return {
    parentPid,
    parentRollup: parseRollup(parentText),
    children: pids.map((pid, i) => {
      const copies = pages.get(i)!;
      return { pid, exitCode: statuses[i]!, rollup: parseRollup(copies.smapsRollup), pages: copies };
    }),
  };
}

const HEADERS = ['process', 'pid', ...ROLLUP_FIELDS.map((f) => `${f} (kB)`), 'copied pages', 'exit'];

function rows(r: ForkResult): (string | number)[][] {
  const parent = ['parent', r.parentPid, ...ROLLUP_FIELDS.map((f) => r.parentRollup[f]), '', ''];
  return [parent, ...r.children.map((c, i) => [`child ${i + 1}`, c.pid, ...ROLLUP_FIELDS.map((f) => c.rollup[f]), c.pages.copied.length, c.exitCode])];
}

function showResult(context: MagicContext, r: ForkResult, options: ForkOptions): void {
  const note = `${r.children.length} ${r.children.length === 1 ? 'child' : 'children'} forked from pid ${r.parentPid}` +
    `${options.freeze ? ' after gc.freeze()' : ''}; each child's /proc/PID/smaps_rollup just before it exits, ` +
    "the parent's while they are all still alive";
  const mapRows: PageMapRow[] = r.children.map((c) => ({ label: `pid ${c.pid}`, report: c.pages }));
  const copied = mapRows.map((m) => `pid ${m.report.pid}: ${m.report.copied.length} of ${m.report.parentPages.length} copied, ${m.report.ownPages} new`).join('; ');
  show(context, {
    text: `${note}\n${textTable(HEADERS, rows(r))}`,
    html: `<p>${escapeHtml(note)}</p>` + htmlTable(HEADERS, rows(r)),
  }, { caption: `parent's writable pages copied by each child (${copied})`, svg: pageMapSvg(mapRows) });
}

const USAGE = [
  '%%fork [-n N] [--freeze]',
  'CELL BODY',
  '',
  "Runs the cell's code in N children forked from this process (default 1), one after the other,",
  'and shows Rss, Pss, Shared_Clean, Shared_Dirty, Private_Clean and Private_Dirty from each',
  "child's /proc/PID/smaps_rollup just before it exits, and the parent's while the children are",
  "alive, with a map of the parent's writable pages each child copied. A child that only reads",
  'objects still copies the pages holding them: reading changes their reference counts.',
  '',
  "--freeze    gc.freeze() before forking, so a collection in a child leaves the parent's objects",
  '            (and their pages) alone; the parent unfreezes after its children exit, unless',
  '            objects were already frozen.',
].join('\n');

export const fork: Magic = {
  name: 'fork',
  summary: "Run the cell in forked children and show each process's smaps_rollup and the pages it copied.",
  usage: USAGE,
  cell: (context, args, body) => {
    const options = parseOptions(args);
    if (typeof options === 'string') return usageError(options);
    const result = runForks(context, body, options);
    if (isOutcome(result)) return result;
    showResult(context, result, options);
    return OK;
  },
};
