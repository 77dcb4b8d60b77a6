// The one interface between the engine and everything that hosts it (the Jupyter kernel, the
// command line, tests). Nothing outside engine/ imports engine internals except through this file.
import { profileFor, versionString } from './profiles/index.js';

/** A MIME bundle as Jupyter understands it: mime type -> data (a string, or a JSON value for the json types). */
export type MimeBundle = Record<string, unknown>;

/** What a cell asks its host to show, besides plain stdout/stderr text. */
export type DisplayRequest =
  | { kind: 'display'; data: MimeBundle; metadata: Record<string, unknown>; displayId?: string; update: boolean }
  | { kind: 'clear'; wait: boolean }
  /** `obj?` / `%magic?` / `help()`: text for the front end's pager. */
  | { kind: 'page'; data: MimeBundle };

/** Everything the engine needs from the outside world. All calls are synchronous: the engine runs
 *  in its own thread (or process) and may block on `input`. */
export interface EngineHost {
  stdout(text: string): void;
  stderr(text: string): void;
  display(request: DisplayRequest): void;
  /** Reads one line for `input()` / `getpass`; null means "no stdin here" (raises in the cell). */
  input(prompt: string, password: boolean): string | null;
  /** Optional: how far a long piece of work got. Called often; the host decides what to show. */
  progress?(update: ProgressUpdate): void;
}

/** One step of long engine work: `done` of `total` `unit`s (`total` null when not known). */
export interface ProgressUpdate {
  task: string;
  done: number;
  total: number | null;
  unit: string;
}

export interface EngineOptions {
  /** Simulated CPython version, "3.11" by default. */
  python?: string;
  /** sys.argv for `exec`; ["" ] in a notebook as IPython does. */
  argv?: string[];
  /** PYTHONHASHSEED; 0 gives CPython's own hashes for str and bytes. */
  hashSeed?: number;
  /** A shared flag the host sets to 1 to interrupt: the engine raises KeyboardInterrupt. */
  interruptFlag?: Int32Array;
  /** Name of the main module's source for tracebacks ("<stdin>", a file path, or a cell name). */
  host: EngineHost;
}

/** A Python exception that reached the top of a cell, already formatted. */
export interface PythonError {
  ename: string;
  evalue: string;
  /** CPython's own text of the traceback (what `python3 file.py` prints on stderr), line by line. */
  traceback: string[];
}

export type ExecuteOutcome =
  | { status: 'ok'; result?: MimeBundle }
  | { status: 'error'; error: PythonError };

export interface ExecuteOptions {
  /** 'exec' runs a file (no displayhook); 'cell' runs a notebook cell: the value of a final bare
   *  expression statement is shown and returned as `result`, as IPython does. */
  mode: 'exec' | 'cell';
  /** File name shown in tracebacks and used for linecache (`<ipython-input-3-...>` style or a path). */
  filename: string;
  /** Optional (added for the kernel): IPython's history names for a notebook cell. The engine
   *  stores `input` as `In[count]` (and `_i`, `_ii`, `_iii`, `_i<count>`), and a shown value as
   *  `Out[count]` (and `_`, `__`, `___`, `_<count>`). Absent: no history names are touched. */
  history?: { count: number; input: string };
}

export type IsCompleteStatus =
  | { status: 'complete' }
  | { status: 'incomplete'; indent: string }
  | { status: 'invalid' };

export interface Completion {
  matches: string[];
  /** Code point offsets into the code, not UTF-16 units. */
  cursorStart: number;
  cursorEnd: number;
  /** Python type name per match, in match order. */
  types: string[];
}

export interface Inspection {
  found: boolean;
  /** text/plain (and optionally text/html) describing the object under the cursor. */
  data: MimeBundle;
}

/** A name bound in the user's main namespace, for `%who` / `%whos`. */
export interface UserVariable {
  name: string;
  /** `type(value).__name__` */
  type: string;
  /** `%whos`'s Data/Info column: the repr, or for sized containers `n: <len>` as IPython prints. */
  summary: string;
}

export interface EngineSession {
  /** Simulated CPython version, e.g. "3.11.7". */
  readonly version: string;
  execute(code: string, options: ExecuteOptions): ExecuteOutcome;
  /** Evaluates one expression in the user namespace, for user_expressions. */
  evaluate(expression: string): ExecuteOutcome;
  isComplete(code: string): IsCompleteStatus;
  complete(code: string, cursorPos: number): Completion;
  inspect(code: string, cursorPos: number, detailLevel: 0 | 1): Inspection;
  /** Optional (added for the kernel): the names the user bound in the main namespace, in binding
   *  order, leaving out names starting with `_`, builtins, and the history names (`In`, `Out`). */
  userVariables?(): UserVariable[];
  /** Shuts the interpreter down as CPython does when a program ends (after its traceback, if
   *  any, has been printed): modules are released, a last collection runs, remaining globals
   *  are cleared, so the last __del__ methods and weakref callbacks run. The session is not
   *  usable afterwards. */
  finalize?(): void;
  /** Exit status when the code called sys.exit / raised SystemExit, for `exec`. */
  readonly exitRequested: number | null;
  /** Optional (added for the memory magics): the simulated memory, as data. */
  readonly memory?: MemoryIntrospection;
}

/** Added for the kernel: the version ("3.11.7") the engine simulates for a requested "X.Y"
 *  (default "3.11"), known without starting an interpreter, so a host can describe the engine
 *  (kernel_info, kernelspec install) before loading it. Throws for a version with no profile. */
export function simulatedVersion(python?: string): string {
  return versionString(profileFor(python));
}

/** Added for the memory magics: what a host may ask the engine about its simulated memory.
 *  Plain data only (sizes in bytes, addresses as numbers); the host draws it. Every expression is
 *  evaluated in the user namespace; a Python exception comes back as an error. */
export type Introspected<T> = { status: 'ok'; value: T } | { status: 'error'; error: PythonError };

/** A host value made from a Python one: None, bool, int (number, or a decimal string past 2**53),
 *  float, str, and lists for lists/tuples, objects for dicts with str keys; anything else its repr. */
export type HostData = null | boolean | number | string | HostData[] | { [key: string]: HostData };

/** One object as a picture names it. */
export interface ObjectSummary {
  type: string;
  address: number;
  /** sys.getsizeof */
  size: number;
  repr: string;
}

export interface SizePart {
  /** CPython's field or region name (`PyGC_Head`, `ob_refcnt, ob_type`, `ob_item[]`...). */
  name: string;
  bytes: number;
  kind: 'gc' | 'header' | 'fields' | 'items' | 'slack' | 'other';
  /** True when the part is a separate block (a list's item array, a dict's keys object). */
  separate: boolean;
  /** Address of that separate block, or of the object's own block. */
  address: number;
}

export interface SizeReport {
  object: ObjectSummary;
  /** Parts in memory order; their bytes add up to `object.size`. */
  parts: SizePart[];
  /** The allocator's view of the object's own block: usable size and where it lives. */
  block: { address: number; usable: number; allocator: string; sizeClass: number | null };
  deep?: { size: number; objects: number; byType: { type: string; count: number; bytes: number }[] };
}

export interface RefsReport {
  object: ObjectSummary;
  /** What sys.getrefcount(obj) prints in the cell (its argument's reference included). */
  refcount: number;
  /** Tracked objects (and the user namespace) holding a reference, with how they hold it. */
  referrers: (ObjectSummary & { via: string })[];
  /** What tp_traverse visits, with the attribute, index or key that holds each. */
  referents: (ObjectSummary & { via: string })[];
}

export interface GcCollection {
  generation: number;
  collected: number;
  uncollectable: number;
}

export interface GcReport {
  enabled: boolean;
  thresholds: number[];
  counts: number[];
  /** Tracked objects per generation, and the permanent generation of gc.freeze(). */
  tracked: number[];
  frozen: number;
  debug: number;
  stats: { collections: number; collected: number; uncollectable: number }[];
  /** The collections this session saw, most recent last (at most 50). */
  recent: GcCollection[];
}

export interface HeapPool {
  address: number;
  sizeClass: number;
  blockSize: number;
  used: number;
  capacity: number;
}

export interface HeapReport {
  alignment: number;
  poolSize: number;
  arenaSize: number;
  arenas: { index: number; address: number; totalPools: number; freePools: number; pools: HeapPool[] }[];
  sizeClasses: { sizeClass: number; blockSize: number; pools: number; blocksInUse: number; blocksFree: number }[];
  allocatedBlocks: number;
  /** sys._debugmallocstats() text */
  debugText: string;
}

export interface DictReport {
  object: ObjectSummary;
  kind: 'general' | 'unicode' | 'split';
  slots: number;
  indexWidth: number;
  usable: number;
  nentries: number;
  used: number;
  keysAddress: number;
  keysBytes: number;
  /** dk_indices: entry index, -1 empty, -2 dummy. */
  indices: number[];
  entries: { index: number; key: string | null; value: string | null; hash: string | null }[];
  probe?: { key: string; slots: number[]; found: boolean };
  /** The table sizes a dict grows through when its keys are inserted one by one (GROWTH_RATE). */
  growth: { afterInsert: number; slots: number; usable: number }[];
}

export interface MemoryviewReport {
  object: ObjectSummary;
  base: ObjectSummary;
  /** Address range the view covers and the exporter's whole buffer. */
  viewStart: number;
  viewBytes: number;
  bufferStart: number;
  bufferBytes: number;
  format: string;
  itemsize: number;
  ndim: number;
  shape: number[];
  strides: number[];
  readonly: boolean;
  /** Views currently registered on the exporter's managed buffer, and the exporter's own count. */
  exports: number;
  baseExports: number | null;
}

/** A function's source as linecache holds it, with where its statements start (for %mprun). */
export interface FunctionSource {
  name: string;
  filename: string;
  firstLine: number;
  lines: string[];
  /** Line and column (0-based, in characters) of every statement that begins its own line;
   *  `loopHeader` on the first statement of a for/while body is the loop's line, which CPython
   *  reports again (a line event) each time the loop goes round. */
  statements: { line: number; col: number; loopHeader?: number }[];
}

/** For %%fork: a forked process's writable pages against its parent's, taken while it runs. */
export interface PageCopyReport {
  pid: number;
  parentPid: number;
  pageSize: number;
  /** Start addresses of the parent's resident writable pages, ascending. */
  parentPages: number[];
  /** Those of them the child now holds as a private copy (ascending). */
  copied: number[];
  /** Private pages of the child at addresses the parent has no page at (its own new memory). */
  ownPages: number;
  /** The text of the child's /proc/PID/smaps_rollup, taken with the pages. */
  smapsRollup: string;
}

export interface MemoryIntrospection {
  sizeOf(expression: string, deep: boolean): Introspected<SizeReport>;
  refs(expression: string): Introspected<RefsReport>;
  gc(): GcReport;
  heap(): HeapReport;
  dict(expression: string, probeKey?: string): Introspected<DictReport>;
  memoryview(expression: string): Introspected<MemoryviewReport>;
  /** Evaluates an expression and converts its value (see HostData). */
  data(expression: string): Introspected<HostData>;
  functionSource(expression: string): Introspected<FunctionSource>;
  /** A line (1-based) of a file or cell the engine compiled, without its newline, or null. */
  sourceLine(filename: string, line: number): string | null;
  /** CLOCK_MONOTONIC of the simulated machine in nanoseconds (engine/os/clock.ts): it moves
   *  with the bytecode executed, the same on every host. */
  monotonicNs(): number;
  /** Resident set size of the simulated process, bytes (what /proc/PID/status's VmRSS says). */
  rss(): number;
  /** Receives every `_pymemlab.mark(line)` call with the RSS at that moment (bytes), as it
   *  happens, until replaced (null: marks are ignored). */
  onMark(listener: ((line: number, rss: number) => void) | null): void;
  /** Runs `body` and reports the RSS before, at its peak during, and after it (bytes). The
   *  process's own high-water mark (VmHWM) is left as the run made it. */
  measure<T>(body: () => T): { value: T; startRss: number; peakRss: number; endRss: number };
  /** The running process's page copies against its parent (pages.ts), null in the first process. */
  pageCopies(): PageCopyReport | null;
}
