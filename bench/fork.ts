// What simulated processes cost the host: the case, a parent holding a million objects
// that forks 8 children which each read them all, beside CPython 3.11 (`python3`, real os.fork)
// running the same program in the same run; then the fork and wait of a child that exits at once
// with only `os` imported, median of many. The host is shared, so CPU time is reported beside the
// wall time. Memory: the engine's host RSS growth (one host process simulates all nine); for
// CPython the parent's peak RSS growth plus every child's private pages, which is what the nine
// real processes add to the machine. The program also prints the simulated children's
// Private_Dirty, read from their /proc/self/smaps_rollup, for comparison.
// Run after building: node dist/bench/fork.js [objects]
import { execFileSync } from 'node:child_process';
import { createSession } from '../engine/index.js';
import type { EngineSession } from '../engine/api.js';

const OBJECTS = Number(process.argv[2] ?? 1_000_000);
const CHILDREN = 8;
const SMALL_ROUNDS = 15;

/** The program: children report their private pages through a pipe. */
const bigProgram = `import os
data = [(i, i + 1) for i in range(${OBJECTS})]
r, w = os.pipe()
pids = []
for _ in range(${CHILDREN}):
    pid = os.fork()
    if pid == 0:
        s = 0
        for a, b in data:
            s += a
        with open('/proc/self/smaps_rollup') as f:
            kb = [line.split()[1] for line in f if line.startswith('Private_Dirty:')][0]
        os.write(w, ('%s %d\\n' % (kb, s == ${(OBJECTS * (OBJECTS - 1)) / 2})).encode())
        os._exit(0)
    pids.append(pid)
statuses = [os.waitpid(p, 0)[1] for p in pids]
os.close(w)
got = b''
while True:
    chunk = os.read(r, 4096)
    if not chunk:
        break
    got += chunk
lines = got.decode().split()
print(sum(int(kb) for kb in lines[0::2]), all(ok == '1' for ok in lines[1::2]), statuses.count(0))
`;

const smallCell = `pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
`;

interface Measure {
  wallS: number;
  cpuS: number;
  out: string;
}

function newSession(out: (t: string) => void): EngineSession {
  return createSession({ host: { stdout: out, stderr: (t) => process.stderr.write(t), display: () => {}, input: () => null } });
}

function engineRun(s: EngineSession, source: string, mode: 'exec' | 'cell'): Omit<Measure, 'out'> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = s.execute(source, { mode, filename: '<bench>' });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  if (r.status === 'error') throw new Error(`${r.error.ename}: ${r.error.evalue}`);
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

function engineBig(): Measure & { rssMb: number } {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let out = '';
  const m = engineRun(newSession((t) => { out += t; }), bigProgram, 'exec');
  const peak = process.resourceUsage().maxRSS * 1024;
  return { ...m, out: out.trim(), rssMb: (peak - rss0) / 2 ** 20 };
}

/** Runs `program` under python3 with a harness that times it (wall and CPU, children included)
 *  and measures the parent's peak RSS growth; the program's own output comes first. */
function cpython(program: string, rounds: number): string {
  const harness = `import os, time, resource
def rss_kb():
    with open('/proc/self/status') as f:
        return int([l.split()[1] for l in f if l.startswith('VmRSS:')][0])
src = compile(${JSON.stringify(program)}, '<bench>', 'exec')
walls = []
rss0 = rss_kb()
c0 = os.times()
for _ in range(${rounds}):
    t0 = time.perf_counter()
    exec(src, {'__name__': '__main__'})
    walls.append(time.perf_counter() - t0)
c1 = os.times()
cpu = sum(c1[:4]) - sum(c0[:4])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(sorted(walls)[len(walls) // 2], cpu / ${rounds}, (peak - rss0) / 1024)
`;
  return execFileSync('python3', ['-c', harness], { encoding: 'utf8' }).trim();
}

function ratio(a: number, b: number): string {
  return (a / b).toFixed(1).padStart(8);
}

function row(name: string, engine: number, py: number, digits: number): void {
  console.log(name.padEnd(34), engine.toFixed(digits).padStart(10), py.toFixed(digits).padStart(10), ratio(engine, py));
}

console.log(`${CHILDREN} children each reading ${OBJECTS.toLocaleString('en')} tuples, parent waits for all`);
const py = cpython(bigProgram, 1).split('\n');
const [pyWall, pyCpu, pyParentMb] = py[1]!.split(' ').map(Number) as [number, number, number];
const [pyChildKb] = py[0]!.split(' ').map(Number) as [number];
const eng = engineBig();
console.log(''.padEnd(34), 'engine'.padStart(10), 'CPython'.padStart(10), 'ratio'.padStart(8));
row('wall time, s', eng.wallS, pyWall, 2);
row('CPU time, s', eng.cpuS, pyCpu, 2);
row('host memory added, MiB', eng.rssMb, pyParentMb + pyChildKb / 1024, 0);
console.log(`program output: engine "${eng.out}", CPython "${py[0]}" (children's Private_Dirty kB, all sums right, exits 0)`);

console.log(`\nfork + waitpid of a child that exits at once, only os imported, median of ${SMALL_ROUNDS}`);
const session = newSession(() => {});
session.execute('import os\n', { mode: 'cell', filename: '<bench>' });
const walls: number[] = [];
const cpus: number[] = [];
for (let i = 0; i < SMALL_ROUNDS; i++) {
  const m = engineRun(session, smallCell, 'cell');
  walls.push(m.wallS);
  cpus.push(m.cpuS);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const [pySmallWall, pySmallCpu] = cpython(`import os\n${smallCell}`, SMALL_ROUNDS).split(' ').map(Number) as [number, number];
console.log(''.padEnd(34), 'engine'.padStart(10), 'CPython'.padStart(10), 'ratio'.padStart(8));
row('wall time, ms', median(walls) * 1e3, pySmallWall * 1e3, 2);
row('CPU time, ms', median(cpus) * 1e3, pySmallCpu * 1e3, 2);
