// The text of the /proc files a program reads to measure its own memory (status, statm,
// smaps_rollup, maps, and the machine's meminfo), laid out as Linux 6.x prints them, from the
// simulated memory.
// The future virtual file system serves them; until then `readProcFile` answers for /proc paths.
import { PAGE_SIZE } from './frames.js';
import { formatMaps } from './procMaps.js';
import type { ProcessMemory } from './processMemory.js';
import { running } from './running.js';

/** What /proc knows about a process besides its memory. */
export interface ProcIdentity {
  pid: number;
  ppid: number;
  /** The command name (comm): "python3". */
  name: string;
}

const kb = (label: string, value: number): string => `${`${label}:`.padEnd(16)}${String(Math.round(value)).padStart(8)} kB\n`;
const tabKb = (label: string, value: number): string => `${label}:\t${String(Math.round(value)).padStart(8)} kB\n`;

/** /proc/PID/status: identity lines, then the Vm and Rss lines in kB. */
export function statusText(mem: ProcessMemory, who: ProcIdentity): string {
  const s = mem.status();
  const head = [
    `Name:\t${who.name}`, 'Umask:\t0022', 'State:\tR (running)', `Tgid:\t${who.pid}`, 'Ngid:\t0', `Pid:\t${who.pid}`,
    `PPid:\t${who.ppid}`, 'TracerPid:\t0', 'Uid:\t0\t0\t0\t0', 'Gid:\t0\t0\t0\t0', 'FDSize:\t64', 'Groups:\t ',
    `NStgid:\t${who.pid}`, `NSpid:\t${who.pid}`, `NSpgid:\t${who.pid}`, `NSsid:\t${who.pid}`, 'Kthread:\t0',
  ].map((l) => `${l}\n`).join('');
  const vm = ([
    ['VmPeak', s.VmPeak], ['VmSize', s.VmSize], ['VmLck', 0], ['VmPin', 0], ['VmHWM', s.VmHWM], ['VmRSS', s.VmRSS],
    ['RssAnon', s.RssAnon], ['RssFile', s.RssFile], ['RssShmem', s.RssShmem], ['VmData', s.VmData], ['VmStk', s.VmStk],
    ['VmExe', s.VmExe], ['VmLib', s.VmLib], ['VmPTE', s.VmPTE], ['VmSwap', s.VmSwap], ['HugetlbPages', 0],
  ] as const).map(([k, v]) => tabKb(k, v)).join('');
  return `${head}${vm}CoreDumping:\t0\nTHP_enabled:\t1\nThreads:\t1\n`;
}

/** /proc/PID/statm: sizes in pages (size resident shared text lib data dt). */
export function statmText(mem: ProcessMemory): string {
  const s = mem.status();
  const pages = (k: number): number => Math.round((k * 1024) / PAGE_SIZE);
  return `${[s.VmSize, s.VmRSS, s.RssFile + s.RssShmem, s.VmExe, 0, s.VmData + s.VmStk, 0].map(pages).join(' ')}\n`;
}

/** /proc/PID/smaps_rollup: the totals over every mapping under one "[rollup]" header. */
export function smapsRollupText(mem: ProcessMemory): string {
  const maps = mem.vmas();
  const first = maps[0]!;
  const last = maps[maps.length - 1]!;
  const head = formatMaps([{ start: first.start, end: last.end, perms: '---p', kind: 'anon', name: '[rollup]', offset: 0 }]);
  const r = mem.smapsRollup();
  const lines = ([
    ['Rss', r.Rss], ['Pss', r.Pss], ['Pss_Dirty', r.Pss_Dirty], ['Pss_Anon', r.Pss_Anon], ['Pss_File', r.Pss_File],
    ['Pss_Shmem', 0], ['Shared_Clean', r.Shared_Clean], ['Shared_Dirty', r.Shared_Dirty],
    ['Private_Clean', r.Private_Clean], ['Private_Dirty', r.Private_Dirty], ['Referenced', r.Referenced],
    ['Anonymous', r.Anonymous], ['KSM', 0], ['LazyFree', 0], ['AnonHugePages', 0], ['ShmemPmdMapped', 0],
    ['FilePmdMapped', 0], ['Shared_Hugetlb', 0], ['Private_Hugetlb', 0], ['Swap', 0], ['SwapPss', 0], ['Locked', 0],
  ] as const).map(([k, v]) => kb(k, v));
  return head + lines.join('');
}

/** The simulated machine: its RAM, and what the rest of the system (kernel, other programs, page
 *  cache) holds of it, so that free memory moves only with the simulated processes. */
const MACHINE_KIB = 16 * 1024 * 1024;
const OTHERS_KIB = 1536 * 1024;
const CACHED_KIB = 2048 * 1024;
const BUFFERS_KIB = 128 * 1024;

/** /proc/meminfo: the machine's totals, with the simulated processes' pages in use. */
export function meminfoText(mem: ProcessMemory): string {
  const used = (mem.frames.inUse() * PAGE_SIZE) / 1024;
  const free = MACHINE_KIB - OTHERS_KIB - CACHED_KIB - BUFFERS_KIB - used;
  return ([
    ['MemTotal', MACHINE_KIB], ['MemFree', free], ['MemAvailable', free + CACHED_KIB + BUFFERS_KIB],
    ['Buffers', BUFFERS_KIB], ['Cached', CACHED_KIB], ['SwapCached', 0], ['Active', used + CACHED_KIB / 2],
    ['Inactive', CACHED_KIB / 2 + BUFFERS_KIB], ['SwapTotal', 0], ['SwapFree', 0], ['Shmem', 0],
    ['Slab', OTHERS_KIB / 8], ['SReclaimable', 0],
  ] as const).map(([k, v]) => kb(k, v)).join('');
}

const GENERATORS: Record<string, (mem: ProcessMemory, who: ProcIdentity) => string> = {
  status: statusText,
  statm: (mem) => statmText(mem),
  smaps_rollup: (mem) => smapsRollupText(mem),
  maps: (mem) => mem.procMaps(),
};

/** The text of /proc/self/NAME or /proc/PID/NAME for the running process (or another live one),
 *  or null when the path is not one of the files simulated here. */
export function readProcFile(path: string, mem: ProcessMemory, who: ProcIdentity): string | null {
  if (path === '/proc/meminfo') return meminfoText(mem);
  const m = /^\/proc\/(self|\d+)\/([a-z_]+)$/.exec(path);
  if (!m) return null;
  const target = m[1] === 'self' || Number(m[1]) === who.pid
    ? { memory: mem, identity: who }
    : running.others().find((p) => p.identity.pid === Number(m[1]));
  const gen = GENERATORS[m[2]!];
  return gen !== undefined && target !== undefined ? gen(target.memory, target.identity) : null;
}
