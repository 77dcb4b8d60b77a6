// The writes objects make to their own memory, as pages see them: every refcount change writes
// the object's first word, and a collection writes the GC header of each object it examines.
// Until a fork shares pages these writes change nothing the process can observe, so the hooks
// stay off (one boolean test per write); from the fork on, they dirty and copy pages, which is
// how merely reading objects in a child makes its memory private (copy-on-read).
import type { Profile } from '../profiles/index.js';
import { bindProcess } from '../objects/heap.js';
import { trackRefcountWrites, type PyGCObject, type PyObject } from '../objects/object.js';
import { trackGCHeaderWrites } from '../gc/collector.js';
import type { ProcessMemory } from './processMemory.js';
import { isStaticAddress } from './staticData.js';
import { running } from './running.js';

/** Refcounts at or above this mark the engine's immortal objects (static ones, interned strings). */
const IMMORTAL_REFCNT = 1 << 20;
const REFCNT_SIZE = 8;

/** Makes `mem` the memory objects are allocated in and written to (session start, fork, switching
 *  to another simulated process). */
export function runInProcess(mem: ProcessMemory, profile: Profile): void {
  running.memory = mem;
  bindProcess(mem, profile);
  accountObjectWrites(mem, profile);
}

/** Turns the write hooks on while `mem` shares pages with another process, off otherwise. */
export function accountObjectWrites(mem: ProcessMemory, profile: Profile): void {
  const pages = mem.pages;
  if (!pages.tracking) {
    trackRefcountWrites(null);
    trackGCHeaderWrites(null);
    return;
  }
  // PEP 683 (3.12+): an immortal object's refcount is never written, so its page stays shared.
  const refcountWrite = profile.immortalObjects
    ? (o: PyObject): void => {
      if (o.refcnt < IMMORTAL_REFCNT && !isStaticAddress(o.addr)) pages.write(o.addr, REFCNT_SIZE);
    }
    : (o: PyObject): void => pages.write(o.addr, REFCNT_SIZE);
  trackRefcountWrites(refcountWrite);
  const header = profile.gcHeaderSize;
  trackGCHeaderWrites((o: PyGCObject) => pages.write(o.addr - header, header));
}
