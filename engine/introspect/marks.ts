// `_pymemlab`, a hidden native module for the kernel's instrumented code: `mark(n)` hands the
// host a number (for %mprun, which line of which profiled function, or its call or return) with
// the process's RSS at that moment, without allocating a Python object the measurement would
// then include.
import type { NativeModuleDef } from '../stdlib/moduledef.js';
import { newref } from '../objects/object.js';
import { None } from '../objects/singletons.js';
import { asIndex } from '../objects/abstract.js';
import { runningMemory } from '../memory/running.js';
import { PAGE_SIZE } from '../memory/frames.js';

/** Who hears the marks: a host profiling a run aggregates them as they come, so a long loop
 *  costs no memory per mark. */
let listener: ((line: number, rss: number) => void) | null = null;

/** Resident set size of the running simulated process, bytes. */
export function residentBytes(): number {
  return runningMemory().status().VmRSS * 1024;
}

/** The peak RSS during `body`: the page table's high-water mark is lowered to the current
 *  count for the run (as writing 5 to /proc/PID/clear_refs does) and raised back after it. */
export function measure<T>(body: () => T): { value: T; startRss: number; peakRss: number; endRss: number } {
  const pages = runningMemory().pages;
  const savedPeak = pages.residentPeak;
  const startRss = residentBytes();
  const startPages = pages.resident;
  pages.residentPeak = pages.resident;
  try {
    const value = body();
    const endRss = residentBytes();
    // RSS beyond the page table's resident pages (shared memory) is counted as it stands at the end.
    const peakRss = Math.max(startRss, endRss, (pages.residentPeak - startPages) * PAGE_SIZE + startRss);
    return { value, startRss, peakRss, endRss };
  } finally {
    pages.residentPeak = Math.max(savedPeak, pages.residentPeak);
  }
}

export function onMark(next: typeof listener): void {
  listener = next;
}

export const pymemlabModule: NativeModuleDef = {
  name: '_pymemlab',
  functions: [
    {
      name: 'mark',
      code: {
        kind: 'o',
        fn: (_m, line) => {
          const at = asIndex(line);
          listener?.(at, residentBytes());
          return newref(None);
        },
      },
      doc: 'mark(line, /)\n--\n\nRecord the resident set size at a line of an instrumented function.',
    },
  ],
  attributes: () => ({}),
};
