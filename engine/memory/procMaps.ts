// /proc/PID/maps as Linux prints it: one line per VMA, where adjacent anonymous mappings with the
// same permissions are one VMA (the kernel merges them: pymalloc's arenas and malloc's mmapped
// chunks usually show as a single region), and file mappings carry a device and inode.

import type { Mapping } from './addressSpace.js';
import type { PageCounts, PageTable } from './pageTable.js';
import { mappingPages } from './procStats.js';

export interface Vma extends Mapping {
  /** Resident pages by smaps category. */
  pages: PageCounts;
}

/** The process's VMAs in address order, with their page counts (the rows of /proc/PID/smaps). */
export function vmas(mappings: readonly Mapping[], pages: PageTable): Vma[] {
  const merged: Mapping[] = [];
  for (const m of mappings) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'anon' && m.kind === 'anon' && last.end === m.start && last.perms === m.perms) {
      last.end = m.end;
    } else {
      merged.push({ ...m });
    }
  }
  return merged.map((m) => ({ ...m, pages: mappingPages(m, pages) }));
}

/** Text of /proc/PID/maps. */
export function formatMaps(list: readonly Mapping[]): string {
  return list.map((m) => {
    // Shared anonymous memory lives in the kernel's shmem file system (device 00:01).
    const dev = m.kind === 'file' ? 'fe:00' : m.kind === 'shared' ? '00:01' : '00:00';
    const head = `${hex(m.start)}-${hex(m.end)} ${m.perms} ${hex(m.offset).padStart(8, '0')} ` +
      `${dev} ${dev === '00:00' ? 0 : inode(m.name)} `;
    return m.name ? `${head.padEnd(73)}${m.name}\n` : `${head}\n`;
  }).join('');
}

function hex(n: number): string {
  return n.toString(16);
}

/** A stable made-up inode number per file name. */
function inode(name: string): number {
  let h = 17;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return 10_000 + (h % 390_000);
}
