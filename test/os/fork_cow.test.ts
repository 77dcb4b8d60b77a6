// Copy-on-read after fork, measured as Linux measures it: a child reports its own
// /proc/self/smaps_rollup, and its private dirty memory is compared with the pages that hold the
// objects it touched (computed from their ids, which are their simulated addresses).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';

const PAGE_KB = 4;

interface ChildReport {
  /** Private_Dirty of the child, in kB, after its work. */
  privateDirty: number;
  sharedDirty: number;
  /** Pages holding the objects of `data` (from their ids), computed by the parent before fork. */
  dataPages: number;
}

/** Runs a program whose child does `work` (Python, one line) on `data`, then reports. */
function forkAndMeasure(setup: string, work: string, python = '3.11'): ChildReport {
  let out = '';
  let err = '';
  const session = createSession({
    python,
    host: { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, display: () => {}, input: () => null },
  });
  const program = `
import os, gc, sys
${setup}
data_pages = len({id(x) >> 12 for x in data})
def rollup():
    with open('/proc/self/smaps_rollup') as f:
        lines = f.read().splitlines()[1:]
    return {line.split(':')[0]: int(line.split()[1]) for line in lines}
pid = os.fork()
if pid == 0:
    ${work}
    r = rollup()
    print(r['Private_Dirty'], r['Shared_Dirty'], data_pages, flush=True)
    os._exit(0)
_, status = os.waitpid(pid, 0)
assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
`;
  const outcome = session.execute(program, { mode: 'exec', filename: 'cow.py' });
  expect(err).toBe('');
  expect(outcome.status).toBe('ok');
  const [privateDirty, sharedDirty, dataPages] = out.trim().split(' ').map(Number);
  return { privateDirty: privateDirty!, sharedDirty: sharedDirty!, dataPages: dataPages! };
}

const LISTS = 'data = [[i] for i in range(6000)]';

describe('copy-on-read after fork', () => {
  it('an idle child copies a few pages; one that reads objects copies the pages that hold them', () => {
    const idle = forkAndMeasure(LISTS, 'pass');
    const reader = forkAndMeasure(LISTS, 'for x in data: pass');
    // Reading each list writes its refcount: every page holding one becomes the child's own.
    const copied = (reader.privateDirty - idle.privateDirty) / PAGE_KB;
    expect(reader.dataPages).toBeGreaterThan(50);
    expect(copied).toBeGreaterThanOrEqual(reader.dataPages);
    expect(copied).toBeLessThan(reader.dataPages + 8);
    expect(idle.privateDirty / PAGE_KB).toBeLessThan(reader.dataPages / 4);
  });

  it('gc.collect() in the child copies the pages of tracked objects; gc.freeze() before fork avoids it', () => {
    const idle = forkAndMeasure(LISTS, 'pass');
    const collecting = forkAndMeasure(LISTS, 'gc.collect()');
    const frozen = forkAndMeasure(`${LISTS}\ngc.freeze()`, 'gc.collect()');
    const byCollect = (collecting.privateDirty - idle.privateDirty) / PAGE_KB;
    const byFrozenCollect = (frozen.privateDirty - idle.privateDirty) / PAGE_KB;
    // The collection writes the GC header of every list (and of every other tracked object).
    expect(byCollect).toBeGreaterThanOrEqual(collecting.dataPages);
    expect(byFrozenCollect).toBeLessThan(byCollect / 10);
  });

  it('in the 3.12 profile interned strings are immortal: reading them copies nothing', () => {
    const strings = "data = [sys.intern('name%d' % i) for i in range(6000)]";
    const idle311 = forkAndMeasure(strings, 'pass');
    const read311 = forkAndMeasure(strings, 'for x in data: pass');
    const idle312 = forkAndMeasure(strings, 'pass', '3.12');
    const read312 = forkAndMeasure(strings, 'for x in data: pass', '3.12');
    expect((read311.privateDirty - idle311.privateDirty) / PAGE_KB).toBeGreaterThanOrEqual(read311.dataPages);
    expect((read312.privateDirty - idle312.privateDirty) / PAGE_KB).toBeLessThan(read312.dataPages / 10);
  });
});
