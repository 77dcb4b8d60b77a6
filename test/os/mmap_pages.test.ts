// MAP_SHARED memory after fork, measured as Linux reports it: a child that writes a shared
// mapping copies nothing (its pages count as Shared_Dirty and RssShmem in both processes), while
// a child that writes a private mapping gets its own copy of every page it writes.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';

const MAPPING_KB = 4096;

/** Runs a program and returns its standard output; fails the test on any error output. */
function run(program: string): string {
  let out = '';
  let err = '';
  const session = createSession({
    python: '3.11',
    host: { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, display: () => {}, input: () => null },
  });
  const outcome = session.execute(program, { mode: 'exec', filename: 'pages.py' });
  expect(err).toBe('');
  expect(outcome.status, JSON.stringify(outcome).slice(0, 800)).toBe('ok');
  return out;
}

interface Rollups {
  /** The child's smaps_rollup and RssShmem after writing the mapping, in kB. */
  child: Record<string, number>;
  /** The parent's, while the child is still alive, and after it exited. */
  parent: Record<string, number>;
  parentAlone: Record<string, number>;
  maps: string;
}

/** Maps 4 MiB with `mapping` (Python), fills it in the parent, forks, and lets the child write
 *  it all again; each side reports its numbers. */
function measure(mapping: string): Rollups {
  const out = run(`
import mmap, os, json, multiprocessing as mp
def rollup():
    with open('/proc/self/smaps_rollup') as f:
        lines = f.read().splitlines()[1:]
    r = {line.split(':')[0]: int(line.split()[1]) for line in lines}
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('RssShmem:'):
                r['RssShmem'] = int(line.split()[1])
    return r
m = ${mapping}
m[:] = b'p' * len(m)
written, measured = mp.Semaphore(0), mp.Semaphore(0)
pid = os.fork()
if pid == 0:
    m[:] = b'c' * len(m)
    with open('/proc/self/maps') as f:
        maps = f.read()
    print(json.dumps({'child': rollup(), 'maps': maps}), flush=True)
    written.release()
    measured.acquire()
    os._exit(0)
written.acquire()
parent = rollup()
measured.release()
os.waitpid(pid, 0)
print(json.dumps({'parent': parent, 'parentAlone': rollup()}))
`);
  const [first, second] = out.trim().split('\n').map((line) => JSON.parse(line));
  return { ...first, ...second };
}

describe('mmap pages across fork', () => {
  it('a shared mapping is written in place by the child: Shared_Dirty and RssShmem on both sides', () => {
    const shared = measure('mmap.mmap(-1, 4 << 20)');
    const priv = measure('mmap.mmap(-1, 4 << 20, flags=mmap.MAP_PRIVATE)');
    expect(shared.child.Shared_Dirty).toBeGreaterThanOrEqual(MAPPING_KB);
    expect(shared.parent.Shared_Dirty).toBeGreaterThanOrEqual(MAPPING_KB);
    // RssShmem: the mapping, and the pages of the two semaphores once used (4 kB each).
    expect(shared.child.RssShmem - MAPPING_KB).toBeGreaterThanOrEqual(0);
    expect(shared.child.RssShmem - MAPPING_KB).toBeLessThanOrEqual(8);
    expect(shared.parent.RssShmem - MAPPING_KB).toBeGreaterThanOrEqual(0);
    expect(shared.parent.RssShmem - MAPPING_KB).toBeLessThanOrEqual(8);
    // The private mapping's pages were copied by the child's writes: at least the whole mapping
    // more of private memory than the shared case, where nothing was copied.
    expect(priv.child.Private_Dirty - shared.child.Private_Dirty).toBeGreaterThanOrEqual(MAPPING_KB);
    expect(priv.child.RssShmem).toBeLessThanOrEqual(8);
    // Proportional set size: a shared page counts half to each of the two processes.
    expect(shared.child.Pss).toBeLessThan(priv.child.Pss - MAPPING_KB / 4);
    // Once the child is gone the parent maps the pages alone: they are private again.
    expect(shared.parentAlone.Shared_Dirty).toBeLessThan(shared.parent.Shared_Dirty - MAPPING_KB / 2);
    expect(shared.parentAlone.RssShmem - MAPPING_KB).toBeLessThanOrEqual(8);
    expect(shared.parentAlone.RssShmem - MAPPING_KB).toBeGreaterThanOrEqual(0);
  });

  it('stores through a memoryview show too: a shared_memory segment written by a child is RssShmem in both', () => {
    const out = run(`
import os, json
from multiprocessing import shared_memory, sharedctypes
def shmem():
    with open('/proc/self/status') as f:
        return next(int(line.split()[1]) for line in f if line.startswith('RssShmem:'))
before = shmem()
seg = shared_memory.SharedMemory(create=True, size=1 << 20)
created = shmem()
values = sharedctypes.RawArray('i', 2048)
pid = os.fork()
if pid == 0:
    seg.buf[:] = b'w' * seg.size
    for i in range(0, 2048, 1024):
        values[i] = 1
    print(json.dumps({'child': shmem() - before}), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print(json.dumps({'created': created - before, 'parent': shmem() - before, 'head': bytes(seg.buf[:2]).decode()}))
seg.close()
seg.unlink()
`);
    const [child, parent] = out.trim().split('\n').map((line) => JSON.parse(line));
    // Nothing is resident until written; then the segment's 256 pages and the two pages of the
    // array the child wrote to, seen by both processes.
    expect(parent.created).toBe(0);
    expect(child.child).toBe(MAPPING_KB / 4 + 8);
    expect(parent.parent).toBe(MAPPING_KB / 4 + 8);
    expect(parent.head).toBe('ww');
  });

  it('the shared mapping shows in /proc/PID/maps as Linux names it', () => {
    const { maps } = measure('mmap.mmap(-1, 4 << 20)');
    const line = maps.split('\n').find((l) => l.includes('/dev/zero (deleted)'));
    expect(line).toBeDefined();
    const [range, perms] = line!.split(/\s+/);
    const [lo, hi] = range!.split('-').map((x) => parseInt(x, 16));
    expect(perms).toBe('rw-s');
    expect(hi! - lo!).toBe(MAPPING_KB * 1024);
  });

  it('each semaphore maps a page of /dev/shm that becomes resident at its first use, as glibc does', () => {
    const out = run(`
import multiprocessing as mp
def shmem():
    with open('/proc/self/status') as f:
        return next(int(line.split()[1]) for line in f if line.startswith('RssShmem:'))
start = shmem()
locks = [mp.Lock() for _ in range(10)]
made = shmem()
for lock in locks:
    lock.acquire()
    lock.release()
with open('/proc/self/maps') as f:
    mapped = sum('/dev/shm/sem.' in line for line in f)
print(made - start, shmem() - start, mapped)
`);
    // CPython 3.11 on Linux prints 0 40 10 for this program.
    expect(out.trim()).toBe('0 40 10');
  });
});
