// The interpreter's own image at start-up: executable, libpython, libc, libm, the dynamic loader,
// locale data and the stack, at the addresses and with the resident page counts a CPython 3.11
// build (shared libpython) shows in /proc/PID/smaps on x86-64 Linux with address randomization
// off. Pages the simulated allocators create (arenas, malloc heap, mmaps) are not part of it: they
// come from the simulation itself. The same image serves every profile; only the names carry the
// version.

import { PAGE_SIZE } from './frames.js';
import type { AddressSpace, MappingKind } from './addressSpace.js';

interface Segment {
  start: number;
  kib: number;
  /** Resident KiB at start-up, counted from the segment's start. */
  rssKib: number;
  perms: string;
  kind: MappingKind;
  name: string;
  offset: number;
  /** How resident pages look: file pages untouched by this process (clean) or written (dirty). */
  pages: 'clean' | 'dirty';
  /** Other programs on the machine mapping the same clean file pages (libc, ld.so: shared). */
  outside: number;
}

/** Where the executable ends: the brk heap starts here. */
export const HEAP_START = 0x555555559000;
/** Start of libpython's writable data, where statically allocated objects live. */
export const LIBPYTHON_DATA = 0x7ffff7e44000;
export const LIBPYTHON_DATA_KIB = 1232;

const LIBC = '/usr/lib/x86_64-linux-gnu/libc.so.6';
const LIBM = '/usr/lib/x86_64-linux-gnu/libm.so.6';
const LD = '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2';
const SHARED = 6;

function segments(version: string): Segment[] {
  const exe = `/usr/local/bin/python${version}`;
  const lib = `/usr/local/lib/libpython${version}.so.1.0`;
  const seg = (start: number, kib: number, rssKib: number, perms: string, kind: MappingKind, name: string,
    offset: number, pages: 'clean' | 'dirty', outside = 0): Segment =>
    ({ start, kib, rssKib, perms, kind, name, offset, pages, outside });
  return [
    seg(0x555555554000, 4, 4, 'r--p', 'file', exe, 0x0, 'clean'),
    seg(0x555555555000, 4, 4, 'r-xp', 'file', exe, 0x1000, 'clean'),
    seg(0x555555556000, 4, 0, 'r--p', 'file', exe, 0x2000, 'clean'),
    seg(0x555555557000, 4, 4, 'r--p', 'file', exe, 0x2000, 'dirty'),
    seg(0x555555558000, 4, 4, 'rw-p', 'file', exe, 0x3000, 'dirty'),
    seg(0x7ffff76dd000, 348, 128, 'r--p', 'file', '/usr/lib/locale/C.utf8/LC_CTYPE', 0, 'clean', SHARED),
    seg(0x7ffff7734000, 64, 60, 'r--p', 'file', LIBM, 0x0, 'clean', SHARED),
    seg(0x7ffff7744000, 464, 304, 'r-xp', 'file', LIBM, 0x10000, 'clean', SHARED),
    seg(0x7ffff77b8000, 360, 224, 'r--p', 'file', LIBM, 0x84000, 'clean'),
    seg(0x7ffff7812000, 4, 4, 'r--p', 'file', LIBM, 0xdd000, 'dirty'),
    seg(0x7ffff7813000, 4, 4, 'rw-p', 'file', LIBM, 0xde000, 'dirty'),
    seg(0x7ffff7814000, 152, 148, 'r--p', 'file', LIBC, 0x0, 'clean', SHARED),
    seg(0x7ffff783a000, 1368, 984, 'r-xp', 'file', LIBC, 0x26000, 'clean', SHARED),
    seg(0x7ffff7990000, 332, 192, 'r--p', 'file', LIBC, 0x17c000, 'clean', SHARED),
    seg(0x7ffff79e3000, 16, 16, 'r--p', 'file', LIBC, 0x1cf000, 'dirty'),
    seg(0x7ffff79e7000, 8, 8, 'rw-p', 'file', LIBC, 0x1d3000, 'dirty'),
    seg(0x7ffff79e9000, 52, 20, 'rw-p', 'anon', '', 0, 'dirty'),
    seg(0x7ffff79f9000, 28, 28, 'r--s', 'file', '/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache', 0, 'clean', SHARED),
    seg(0x7ffff7a00000, 980, 980, 'r--p', 'file', lib, 0x0, 'clean'),
    seg(0x7ffff7af5000, 2288, 2288, 'r-xp', 'file', lib, 0xf5000, 'clean'),
    seg(0x7ffff7d31000, 912, 636, 'r--p', 'file', lib, 0x331000, 'clean'),
    seg(0x7ffff7e15000, 188, 92, 'r--p', 'file', lib, 0x414000, 'dirty'),
    seg(LIBPYTHON_DATA, LIBPYTHON_DATA_KIB, 1232, 'rw-p', 'file', lib, 0x443000, 'dirty'),
    seg(0x7ffff7f78000, 280, 24, 'rw-p', 'anon', '', 0, 'dirty'),
    seg(0x7ffff7fbe000, 16, 16, 'rw-p', 'anon', '', 0, 'dirty'),
    seg(0x7ffff7fc2000, 16, 0, 'r--p', 'special', '[vvar]', 0, 'clean'),
    seg(0x7ffff7fc6000, 8, 0, 'r--p', 'special', '[vvar_vclock]', 0, 'clean'),
    seg(0x7ffff7fc8000, 8, 4, 'r-xp', 'special', '[vdso]', 0, 'clean', SHARED),
    seg(0x7ffff7fca000, 4, 4, 'r--p', 'file', LD, 0x0, 'clean', SHARED),
    seg(0x7ffff7fcb000, 152, 148, 'r-xp', 'file', LD, 0x1000, 'clean', SHARED),
    seg(0x7ffff7ff1000, 40, 40, 'r--p', 'file', LD, 0x27000, 'clean', SHARED),
    seg(0x7ffff7ffb000, 8, 8, 'r--p', 'file', LD, 0x31000, 'dirty'),
    seg(0x7ffff7ffd000, 8, 8, 'rw-p', 'file', LD, 0x33000, 'dirty'),
    seg(0x7ffffffde000, 132, 32, 'rw-p', 'stack', '[stack]', 0, 'dirty'),
  ];
}

/** Maps the interpreter's image into a fresh address space and makes its start-up pages resident. */
export function mapInterpreterImage(space: AddressSpace, version: string): void {
  let lowestLibrary = Number.MAX_SAFE_INTEGER;
  for (const s of segments(version)) {
    const end = s.start + s.kib * 1024;
    space.add({ start: s.start, end, perms: s.perms, kind: s.kind, name: s.name, offset: s.offset });
    if (s.start > HEAP_START && s.kind !== 'stack') lowestLibrary = Math.min(lowestLibrary, s.start);
    const pages = (s.rssKib * 1024) / PAGE_SIZE;
    // The stack and the tail of the stack zone grow down: their resident pages are the top ones.
    const first = s.kind === 'stack' ? end - s.rssKib * 1024 : s.start;
    if (s.pages === 'dirty') {
      if (pages > 0) space.pages.write(first, pages * PAGE_SIZE);
    } else {
      space.pages.mapResidentFile(first, pages, s.outside);
    }
  }
  space.mmapBase = lowestLibrary;
  space.initHeap(HEAP_START);
}
