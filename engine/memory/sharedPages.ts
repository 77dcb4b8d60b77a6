// The pages of a MAP_SHARED mapping (mmap.mmap(-1, n), multiprocessing's shared memory): one set
// of frames seen by every process that maps it, inherited across fork without copy-on-write, so a
// write by any of them is visible to all and is never copied. smaps counts its pages as Shared
// once two processes map it.

import { PAGE_SIZE, type FrameTable } from './frames.js';
import type { PageCounts } from './pageTable.js';

export class SharedPages {
  readonly frames: Int32Array;
  /** Processes mapping these pages. */
  mappers = 1;
  /** Run before the pages are counted: the owner of the bytes marks the pages written by means
   *  this model does not see (stores through a memoryview). */
  beforeCount: (() => void) | null = null;

  constructor(private readonly physical: FrameTable, length: number) {
    this.frames = new Int32Array(Math.ceil(length / PAGE_SIZE));
  }

  /** A write at [offset, offset+len) of the mapping: its pages become resident and dirty. */
  write(offset: number, len: number): void {
    const last = Math.min(this.frames.length - 1, Math.floor((offset + Math.max(len, 1) - 1) / PAGE_SIZE));
    for (let i = Math.floor(offset / PAGE_SIZE); i <= last; i++) {
      if (this.frames[i] === 0) this.frames[i] = this.physical.allocate(true);
    }
  }

  map(): void {
    this.mappers++;
  }

  unmap(): void {
    if (--this.mappers > 0) return;
    for (let i = 0; i < this.frames.length; i++) {
      if (this.frames[i] !== 0) this.physical.release(this.frames[i]);
      this.frames[i] = 0;
    }
  }

  count(): PageCounts {
    this.beforeCount?.();
    let rss = 0;
    for (const f of this.frames) if (f !== 0) rss++;
    const shared = this.mappers > 1;
    return {
      rss, pss: rss / this.mappers, pssDirty: rss / this.mappers,
      sharedClean: 0, sharedDirty: shared ? rss : 0, privateClean: 0, privateDirty: shared ? 0 : rss,
    };
  }
}
