// Which pages a forked process holds as its own copies: for the running process, each writable
// page its parent has resident, and whether the child still shares that page's frame or now has
// a private one (a write by either side copied it), with its smaps_rollup at the same moment. Read-only pages are left out, since no write
// can ever copy them, and so are MAP_SHARED mappings, whose frames are common by design.
import type { PageCopyReport } from '../api.js';
import type { AddressSpace } from '../memory/addressSpace.js';
import type { PageTable } from '../memory/pageTable.js';
import { PAGE_SIZE } from '../memory/frames.js';
import { smapsRollupText } from '../memory/procFiles.js';
import { currentProcess } from '../os/processSwitch.js';

/** Start addresses of the resident pages of the space's writable private mappings. */
function writablePages(space: AddressSpace, pages: PageTable): number[] {
  const out: number[] = [];
  for (const m of space.mappings) {
    if (m.kind === 'shared' || !m.perms.includes('w')) continue;
    for (let a = m.start; a < m.end; a += PAGE_SIZE) if (pages.isResident(a)) out.push(a);
  }
  return out;
}

function isPrivate(pages: PageTable, addr: number): boolean {
  const c = pages.count(addr, addr + PAGE_SIZE);
  return c.privateClean + c.privateDirty === 1;
}

/** The running process's pages against its parent's; null for a process with no simulated
 *  parent (the session's first process). */
export function pageCopyReport(): PageCopyReport | null {
  const child = currentProcess();
  const parent = child.parent;
  if (!parent) return null;
  const mine = child.memory.pages;
  const parentPages = writablePages(parent.memory.space, parent.memory.pages);
  const inParent = new Set(parentPages);
  const copied = parentPages.filter((a) => mine.isResident(a) && isPrivate(mine, a));
  const own = writablePages(child.memory.space, mine).filter((a) => !inParent.has(a) && isPrivate(mine, a));
  return { pid: child.pid, parentPid: parent.pid, pageSize: PAGE_SIZE, parentPages, copied, ownPages: own.length, smapsRollup: smapsRollupText(child.memory) };
}
