// Physical page frames of the simulated machine, shared by every process forked from one another.
// A frame's reference count is the number of page tables mapping it (plus one for a file page that
// other programs on the machine map too); that count is what makes a page Shared rather than
// Private in smaps, and what copy-on-write breaks.

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

const FRAME_DIRTY = 1;

export class FrameTable {
  private refs = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private freeFrames: number[] = [];
  /** Frame 0 means "not resident" in page tables, so numbering starts at 1. */
  private next = 1;

  /** Returns a fresh resident frame mapped once. */
  allocate(dirty: boolean): number {
    let f = this.freeFrames.pop();
    if (f === undefined) {
      f = this.next++;
      if (f >= this.refs.length) this.grow();
    }
    this.refs[f] = 1;
    this.flags[f] = dirty ? FRAME_DIRTY : 0;
    return f;
  }

  share(frame: number): void {
    this.refs[frame]++;
  }

  release(frame: number): void {
    if (--this.refs[frame] === 0) this.freeFrames.push(frame);
  }

  /** Frames in use on the machine: resident pages of every process, shared ones once. */
  inUse(): number {
    return this.next - 1 - this.freeFrames.length;
  }

  mapCount(frame: number): number {
    return this.refs[frame];
  }

  isDirty(frame: number): boolean {
    return (this.flags[frame] & FRAME_DIRTY) !== 0;
  }

  markDirty(frame: number): void {
    this.flags[frame] |= FRAME_DIRTY;
  }

  private grow(): void {
    const refs = new Int32Array(this.refs.length * 2);
    refs.set(this.refs);
    this.refs = refs;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }
}
