// The numbers Linux reports about a process's memory in /proc/PID/smaps_rollup and
// /proc/PID/status, computed from its mappings and page table.

import type { AddressSpace, Mapping } from './addressSpace.js';
import { PAGE_SIZE } from './frames.js';
import type { PageCounts, PageTable } from './pageTable.js';

/** The fields of /proc/PID/smaps_rollup, in kB. */
export interface SmapsRollup {
  Rss: number;
  Pss: number;
  Pss_Dirty: number;
  Pss_Anon: number;
  Pss_File: number;
  Shared_Clean: number;
  Shared_Dirty: number;
  Private_Clean: number;
  Private_Dirty: number;
  Referenced: number;
  Anonymous: number;
}

/** The memory lines of /proc/PID/status, in kB. */
export interface ProcStatus {
  VmPeak: number;
  VmSize: number;
  VmHWM: number;
  VmRSS: number;
  RssAnon: number;
  RssFile: number;
  RssShmem: number;
  VmData: number;
  VmStk: number;
  VmExe: number;
  VmLib: number;
  VmPTE: number;
  VmSwap: number;
}

function isAnonymous(m: Mapping): boolean {
  return m.kind === 'anon' || m.kind === 'heap' || m.kind === 'stack';
}

/** Anonymous pages of a mapping: all of an anonymous one; the written (copied) pages of a
 *  private file mapping; none of a shared one (those are shmem). */
function anonymousPages(m: Mapping, c: PageCounts): number {
  if (m.shared) return 0;
  return isAnonymous(m) ? c.rss : c.sharedDirty + c.privateDirty;
}

/** Resident pages of one mapping by smaps category. */
export function mappingPages(m: Mapping, pages: PageTable): PageCounts {
  return m.shared ? m.shared.count() : pages.count(m.start, m.end);
}

export function smapsRollup(space: AddressSpace): SmapsRollup {
  const pages = space.pages;
  const r: SmapsRollup = {
    Rss: 0, Pss: 0, Pss_Dirty: 0, Pss_Anon: 0, Pss_File: 0, Shared_Clean: 0, Shared_Dirty: 0,
    Private_Clean: 0, Private_Dirty: 0, Referenced: 0, Anonymous: 0,
  };
  let pss = 0;
  let pssDirty = 0;
  let pssAnon = 0;
  for (const m of space.mappings) {
    const c = mappingPages(m, pages);
    r.Rss += c.rss;
    r.Shared_Clean += c.sharedClean;
    r.Shared_Dirty += c.sharedDirty;
    r.Private_Clean += c.privateClean;
    r.Private_Dirty += c.privateDirty;
    pss += c.pss;
    pssDirty += c.pssDirty;
    r.Anonymous += anonymousPages(m, c);
    pssAnon += isAnonymous(m) ? c.pss : c.pssDirty;
  }
  const kb = PAGE_SIZE / 1024;
  for (const k of ['Rss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Anonymous'] as const) r[k] *= kb;
  r.Referenced = r.Rss;
  r.Pss = Math.floor(pss * kb);
  r.Pss_Dirty = Math.floor(pssDirty * kb);
  r.Pss_Anon = Math.floor(pssAnon * kb);
  r.Pss_File = Math.floor((pss - pssAnon) * kb);
  return r;
}

export function procStatus(space: AddressSpace): ProcStatus {
  const pages = space.pages;
  const kb = PAGE_SIZE / 1024;
  let data = 0, stack = 0, exe = 0, lib = 0, anonRss = 0, shmemRss = 0;
  const executable = space.mappings.find((x) => x.kind === 'file' && x.perms[2] === 'x');
  for (const m of space.mappings) {
    const size = (m.end - m.start) / 1024;
    if (m.kind === 'stack') stack += size;
    else if (m.perms[1] === 'w' && m.perms[3] === 'p') data += size;
    if (m.perms[2] === 'x' && m.kind === 'file') {
      if (m === executable) exe += size;
      else lib += size;
    }
    const c = mappingPages(m, pages);
    anonRss += anonymousPages(m, c);
    if (m.shared) shmemRss += c.rss;
  }
  const size = space.mappedBytes() / 1024;
  const rss = (pages.resident + shmemRss) * kb;
  return {
    VmPeak: Math.max(space.mappedPeak / 1024, size), VmSize: size,
    VmHWM: pages.residentPeak * kb, VmRSS: rss,
    RssAnon: anonRss * kb, RssFile: rss - (anonRss + shmemRss) * kb, RssShmem: shmemRss * kb,
    VmData: data, VmStk: stack, VmExe: exe, VmLib: lib,
    // One 4 KiB page-table page per 2 MiB mapped, plus the upper levels.
    VmPTE: Math.ceil(size / 2048) * 4 + 12, VmSwap: 0,
  };
}
