// The memory behind an mmap object (the mmap(2) half of Modules/mmapmodule.c): where its bytes
// live and which simulated pages they occupy. A MAP_SHARED mapping's bytes sit in a
// SharedArrayBuffer, which process worlds never save or restore (os/world.ts), so every process
// that inherited the mapping sees every write; a file's shared mapping uses the file's own
// storage, so the file and the mapping agree without a flush. A MAP_PRIVATE mapping is an
// ordinary buffer that each process's world keeps by value: after fork each side has its copy.
// A private file mapping reads the file's storage until the process first writes to it or lends
// its buffer; then it gets its own copy (the whole mapping at once, where Linux copies a page).
// Pages: shared mappings are the memory model's shared frames (never copied on write, Shared
// in smaps once two processes map them); private ones are anonymous pages of the process.
import type { ProcessMemory } from '../memory/processMemory.js';
import { PAGE_SIZE } from '../memory/frames.js';
import { runningMemory } from '../memory/running.js';
import { FileNode } from '../os/vfsNodes.js';

export interface Mapping {
  bytes: Uint8Array;
  /** Simulated address of the first byte. */
  addr: number;
  shared: boolean;
  /** The mapped file (null for anonymous memory) and where the mapping starts in it. */
  file: FileNode | null;
  offset: number;
  /** A private mapping still reading its file's bytes (not yet copied). */
  readsFile: boolean;
}

/** The file's bytes moved into shared storage (once), so mappings can view them in place. */
function sharedFileStorage(node: FileNode, atLeast: number): Uint8Array {
  if (node.data.buffer instanceof SharedArrayBuffer && node.data.length >= atLeast) return node.data;
  const shared = new Uint8Array(new SharedArrayBuffer(Math.max(atLeast, node.data.length)));
  shared.set(node.data.subarray(0, node.length));
  node.data = shared;
  return shared;
}

/** Maps `len` bytes: anonymous (zeros) or from `file` at `offset`. 0 as address: no memory left. */
export function mapMemory(len: number, shared: boolean, file: FileNode | null, offset: number, name: string): Mapping | null {
  const mem = runningMemory();
  const addr = shared ? mem.mmapShared(len, name) : mem.space.mmap(len);
  if (addr === 0) return null;
  const bytes = file
    ? new Uint8Array(sharedFileStorage(file, offset + len).buffer, offset, len)
    : new Uint8Array(shared ? new SharedArrayBuffer(len) : new ArrayBuffer(len));
  const m: Mapping = { bytes, addr, shared, file, offset, readsFile: !shared && file !== null };
  if (shared && (!file || name.startsWith(SHM_DIR))) watchStores(m, mem);
  return m;
}

/** POSIX shared memory: a tmpfs whose files are memory like anonymous shared mappings. */
const SHM_DIR = '/dev/shm/';

/**
 * Stores through a lent buffer (a memoryview, struct.pack_into, a ctypes object) reach the
 * bytes without passing here. Memory that starts as zeros shows them by content: when the pages
 * are counted, a page holding a non-zero byte is resident (a page that was only ever written
 * with zeros is missed).
 */
function watchStores(m: Mapping, mem: ProcessMemory): void {
  const pages = mem.space.sharedAt(m.addr)?.shared;
  if (!pages) return;
  const bytes = m.bytes;
  pages.beforeCount = () => {
    for (let at = 0; at < bytes.length; at += PAGE_SIZE) {
      const page = bytes.subarray(at, Math.min(bytes.length, at + PAGE_SIZE));
      if (pages.frames[at / PAGE_SIZE] === 0 && page.some((b) => b !== 0)) pages.write(at, 1);
    }
  };
}

/** The bytes a write may change: a private file mapping takes its own copy first. */
export function ownBytes(m: Mapping): Uint8Array {
  if (m.readsFile) {
    m.bytes = m.bytes.slice();
    m.readsFile = false;
  }
  return m.bytes;
}

export function unmapMemory(m: Mapping): void {
  const mem = runningMemory();
  if (m.shared) mem.munmapShared(m.addr, m.bytes.length);
  else mem.space.munmap(m.addr, m.bytes.length);
}

/** A write to [at, at+len) of the mapping: its pages become resident and dirty. */
export function touchWritten(m: Mapping, at: number, len: number, mem: ProcessMemory = runningMemory()): void {
  if (len <= 0) return;
  if (m.shared) mem.writeShared(m.addr + at, len);
  else mem.pages.write(m.addr + at, len);
}

/** msync: a shared file mapping writes its bytes back when the file's storage was replaced
 *  since (the file grew past what was shared); otherwise they are the file's already. */
export function syncToFile(m: Mapping): void {
  const file = m.file;
  if (!file || !m.shared || file.data.buffer === m.bytes.buffer) return;
  const n = Math.min(m.bytes.length, file.length - m.offset);
  if (n > 0) file.writeAt(m.offset, m.bytes.subarray(0, n));
}
