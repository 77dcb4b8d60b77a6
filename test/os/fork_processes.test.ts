// The simulated processes as a program sees them beyond what CPython's own output can pin down:
// pid numbering, /proc of another process, the deterministic schedule, orphans, and the limits
// (fork under native code, deadlocks) that raise instead of hanging.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';
import type { EngineSession } from '../../engine/api.js';

function session(): { s: EngineSession; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const s = createSession({
    host: { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, display: () => {}, input: () => null },
  });
  return { s, out: () => out, err: () => err };
}

function run(program: string): { out: string; err: string; status: string; exit: number | null } {
  const { s, out, err } = session();
  const r = s.execute(program, { mode: 'exec', filename: 'prog.py' });
  return { out: out(), err: err(), status: r.status === 'ok' ? 'ok' : `${r.error.ename}: ${r.error.evalue}`, exit: s.exitRequested };
}

describe('simulated processes', () => {
  it('numbers pids from 4242 and shows a blocked child in /proc/PID', () => {
    const r = run(`
import os
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(r, 1)
    os._exit(0)
print(os.getpid(), os.getppid(), pid)
with open('/proc/%d/status' % pid) as f:
    fields = dict(line.split(':\\t', 1) for line in f.read().splitlines())
print(fields['Pid'], fields['PPid'], sorted(os.listdir('/proc'))[:2])
os.write(w, b'x')
print(os.waitpid(pid, 0))
`);
    expect(r.err).toBe('');
    expect(r.out).toBe('4242 4241 4243\n4243 4242 [\'4242\', \'4243\']\n(4243, 0)\n');
  });

  it('runs the child only when the parent blocks, and orphans when the program ends', () => {
    const r = run(`
import os
pid = os.fork()
if pid == 0:
    print('child starts')
    if os.fork() == 0:
        print('grandchild, orphaned: parent is init', os.getppid() == 1)
        os._exit(0)
    print('child exits without waiting')
    os._exit(0)
print('parent before wait')
os.waitpid(pid, 0)
print('parent after wait')
`);
    expect(r.out).toBe('parent before wait\nchild starts\nchild exits without waiting\nparent after wait\n'
      + 'grandchild, orphaned: parent is init True\n');
  });

  it('kills a child that never ran: it prints nothing and reports the signal', () => {
    const r = run(`
import os
pid = os.fork()
if pid == 0:
    print('never')
    os._exit(0)
os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status))
try:
    os.kill(pid, 19)
except OSError as e:
    print(e)
`);
    expect(r.out).toBe('True 9\n[Errno 22] Invalid argument\n');
  });

  it('refuses to fork under native code instead of continuing a child without its host frames', () => {
    const r = run(`
import os
try:
    sorted([1, 2], key=lambda x: os.fork())
except RuntimeError as e:
    print('RuntimeError', 'native' in str(e))
def gen():
    yield os.fork()
try:
    for x in gen():
        pass
except RuntimeError as e:
    print('RuntimeError', 'native' in str(e))
print(os.getpid())
`);
    expect(r.out).toBe('RuntimeError True\nRuntimeError True\n4242\n');
  });

  it('raises EDEADLK where a real program would hang', () => {
    const r = run(`
import os
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(0)
try:
    os.read(r, 1)
except OSError as e:
    print(e.errno, e)
os.close(w)
print(os.waitpid(pid, 0)[1])
`);
    expect(r.out).toBe('35 [Errno 35] Resource deadlock avoided\n0\n');
  });

  it('ends the first process with os._exit, skipping finally blocks', () => {
    const r = run(`
import os
try:
    print('exiting')
    os._exit(3)
finally:
    print('not printed')
`);
    expect(r.out).toBe('exiting\n');
    expect(r.exit).toBe(3);
  });

  it('forks in a notebook cell: the child runs the rest of the cell, and the next cell sees only the parent', () => {
    const { s, out } = session();
    const cell = (code: string) => s.execute(code, { mode: 'cell', filename: '<cell>' });
    cell('import os\nitems = [1]');
    cell('pid = os.fork()\nitems.append(pid == 0)\nprint("in cell", items, flush=True)');
    cell('print(os.waitpid(pid, 0)[1], items)');
    expect(out()).toBe('in cell [1, False]\nin cell [1, True]\n0 [1, False]\n');
  });
});
