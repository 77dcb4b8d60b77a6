// One process's page table: for every 4 KiB page of its address space, the physical frame behind
// it (0 when the page is not resident). Addresses live in three zones laid out like an x86-64
// Linux process without address randomization: the executable and its brk heap growing up from
// 0x555555554000, shared libraries and anonymous mmaps growing down from 0x7ffff8000000, and the
// stack just under 0x7ffffffff000. Page numbers inside a zone are counted from the zone's edge, so
// each zone is one dense typed array no larger than what was ever mapped there.

import { FrameTable, PAGE_SIZE } from './frames.js';

export const LOW_ZONE_BASE = 0x555555554000;
export const MMAP_ZONE_TOP = 0x7ffff8000000;
export const STACK_ZONE_TOP = 0x7ffffffff000;

/** Page counts (not bytes) in the categories of /proc/PID/smaps_rollup. */
export interface PageCounts {
  rss: number;
  /** Proportional set size in pages (fractional: a page mapped n times counts 1/n). */
  pss: number;
  /** The dirty pages' share of pss. */
  pssDirty: number;
  sharedClean: number;
  sharedDirty: number;
  privateClean: number;
  privateDirty: number;
}

class Zone {
  frames: Int32Array;
  constructor(readonly edge: number, readonly down: boolean, capacity = 256) {
    this.frames = new Int32Array(capacity);
  }

  /** Page number inside the zone of the page holding addr. */
  index(addr: number): number {
    return this.down ? Math.floor((this.edge - 1 - addr) / PAGE_SIZE) : Math.floor((addr - this.edge) / PAGE_SIZE);
  }

  ensure(index: number): void {
    if (index < this.frames.length) return;
    let n = this.frames.length * 2;
    while (n <= index) n *= 2;
    const grown = new Int32Array(n);
    grown.set(this.frames);
    this.frames = grown;
  }

  clone(): Zone {
    const z = new Zone(this.edge, this.down, 0);
    z.frames = this.frames.slice();
    return z;
  }
}

export class PageTable {
  /** True once this process shares frames with another (after fork): writes then check for copy-on-write. */
  tracking = false;
  /** Resident pages now, and the most there ever were (VmRSS, VmHWM). */
  resident = 0;
  residentPeak = 0;
  /** The page last written: known to be resident, dirty and private to this process. */
  private privateStart = 0;
  private privateEnd = 0;
  private readonly zones: [Zone, Zone, Zone];

  constructor(readonly physical: FrameTable, zones?: [Zone, Zone, Zone]) {
    this.zones = zones ?? [
      new Zone(LOW_ZONE_BASE, false),
      new Zone(MMAP_ZONE_TOP, true),
      new Zone(STACK_ZONE_TOP, true),
    ];
  }

  private zoneOf(addr: number): Zone {
    if (addr >= MMAP_ZONE_TOP) return this.zones[2];
    return addr >= 0x700000000000 ? this.zones[1] : this.zones[0];
  }

  /** Records a read (write=false) or write of [addr, addr+len). Free unless a fork made pages shared. */
  touch(addr: number, len: number, write: boolean): void {
    if (!this.tracking) return;
    if (write) this.write(addr, len);
  }

  /** Makes the pages of [addr, addr+len) resident and dirty in this process, copying shared ones. */
  write(addr: number, len: number): void {
    // Repeated writes to one page (an object's refcount, its neighbours'): nothing to do while it
    // stays this process's private page, that is until the next fork or unmap.
    if (addr >= this.privateStart && addr + len <= this.privateEnd) return;
    const zone = this.zoneOf(addr);
    const last = addr + (len > 1 ? len - 1 : 0);
    // Page numbers fit in 31 bits, so `| 0` floors them.
    const lo = zone.down ? ((zone.edge - 1 - last) / PAGE_SIZE) | 0 : ((addr - zone.edge) / PAGE_SIZE) | 0;
    const hi = zone.down ? ((zone.edge - 1 - addr) / PAGE_SIZE) | 0 : ((last - zone.edge) / PAGE_SIZE) | 0;
    // Below the executable there is nothing mapped, hence no page to account.
    if (lo < 0) return;
    if (hi >= zone.frames.length) zone.ensure(hi);
    const frames = zone.frames;
    const phys = this.physical;
    for (let i = lo; i <= hi; i++) {
      const f = frames[i];
      if (f === 0) {
        frames[i] = phys.allocate(true);
        if (++this.resident > this.residentPeak) this.residentPeak = this.resident;
      } else if (this.tracking) {
        if (phys.mapCount(f) > 1) {
          phys.release(f);
          frames[i] = phys.allocate(true);
        } else {
          phys.markDirty(f);
        }
      }
    }
    if (lo === hi) {
      this.privateStart = zone.down ? zone.edge - (lo + 1) * PAGE_SIZE : zone.edge + lo * PAGE_SIZE;
      this.privateEnd = this.privateStart + PAGE_SIZE;
    }
  }

  /** Maps clean, already resident file pages; `outsideMappers` other programs on the machine map them too. */
  mapResidentFile(addr: number, pages: number, outsideMappers: number): void {
    const zone = this.zoneOf(addr);
    for (let p = 0; p < pages; p++) {
      const i = zone.index(addr + p * PAGE_SIZE);
      zone.ensure(i);
      if (zone.frames[i] !== 0) continue;
      const f = this.physical.allocate(false);
      for (let k = 0; k < outsideMappers; k++) this.physical.share(f);
      zone.frames[i] = f;
      if (++this.resident > this.residentPeak) this.residentPeak = this.resident;
    }
  }

  /** Drops the pages of an unmapped range: their frames go back when no process maps them. */
  release(addr: number, len: number): void {
    this.privateStart = this.privateEnd = 0;
    const zone = this.zoneOf(addr);
    const a = zone.index(addr);
    const b = zone.index(addr + len - 1);
    const lo = Math.min(a, b);
    const hi = Math.min(Math.max(a, b), zone.frames.length - 1);
    for (let i = lo; i <= hi; i++) {
      const f = zone.frames[i];
      if (f !== 0) {
        this.physical.release(f);
        zone.frames[i] = 0;
        this.resident--;
      }
    }
  }

  isResident(addr: number): boolean {
    const zone = this.zoneOf(addr);
    const i = zone.index(addr);
    return i < zone.frames.length && zone.frames[i] !== 0;
  }

  /** The child's page table after fork: same frames, each now mapped once more. */
  fork(): PageTable {
    const zones = this.zones.map((z) => z.clone()) as [Zone, Zone, Zone];
    for (const z of zones) {
      for (const f of z.frames) if (f !== 0) this.physical.share(f);
    }
    this.tracking = true;
    this.privateStart = this.privateEnd = 0;
    const child = new PageTable(this.physical, zones);
    child.tracking = true;
    child.resident = child.residentPeak = this.resident;
    return child;
  }

  /** Releases every frame (process exit). */
  destroy(): void {
    this.privateStart = this.privateEnd = 0;
    for (const z of this.zones) {
      for (let i = 0; i < z.frames.length; i++) {
        if (z.frames[i] !== 0) this.physical.release(z.frames[i]);
      }
      z.frames = new Int32Array(0);
    }
    this.resident = 0;
  }

  /** Counts the resident pages of [start, end) by smaps category; the range lies in one zone. */
  count(start: number, end: number): PageCounts {
    const c: PageCounts = { rss: 0, pss: 0, pssDirty: 0, sharedClean: 0, sharedDirty: 0, privateClean: 0, privateDirty: 0 };
    if (end <= start) return c;
    const zone = this.zoneOf(start);
    const a = zone.index(start);
    const b = zone.index(end - 1);
    const frames = zone.frames;
    const hi = Math.min(Math.max(a, b), frames.length - 1);
    const phys = this.physical;
    for (let i = Math.min(a, b); i <= hi; i++) {
      const f = frames[i];
      if (f === 0) continue;
      const n = phys.mapCount(f);
      const dirty = phys.isDirty(f);
      c.rss++;
      c.pss += 1 / n;
      if (dirty) c.pssDirty += 1 / n;
      if (n > 1) {
        if (dirty) c.sharedDirty++;
        else c.sharedClean++;
      } else if (dirty) c.privateDirty++;
      else c.privateClean++;
    }
    return c;
  }
}
