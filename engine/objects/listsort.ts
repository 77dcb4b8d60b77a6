// list.sort's algorithm (Objects/listobject.c listsort, CPython 3.11): timsort with binary
// insertion for short runs, galloping merges, and 3.11's powersort rule for choosing merges.
// The order and number of comparisons follow CPython's, which a __lt__ with side effects shows.
import { PyObject } from './object.js';
import { CompareOp } from './type.js';
import { richCompareBool } from './abstract.js';
import { allocBuffer, freeBuffer } from './heap.js';

const MIN_GALLOP = 7;

const islt = (a: PyObject, b: PyObject): boolean => richCompareBool(a, b, CompareOp.LT);

/** A sortslice: keys (and the values that move with them) from index i of their arrays. */
interface Run {
  keys: PyObject[];
  values: PyObject[] | null;
  i: number;
}

interface Pending {
  base: Run;
  len: number;
  power: number;
}

function at(r: Run, k: number): Run {
  return { keys: r.keys, values: r.values, i: r.i + k };
}

/** sortslice_memmove / memcpy: n entries from src (at sOff) to dst (at dOff), overlap-safe. */
function move(dst: Run, dOff: number, src: Run, sOff: number, n: number): void {
  moveItems(dst.keys, dst.i + dOff, src.keys, src.i + sOff, n);
  if (dst.values && src.values) moveItems(dst.values, dst.i + dOff, src.values, src.i + sOff, n);
}

function moveItems(dst: PyObject[], d: number, src: PyObject[], s: number, n: number): void {
  if (dst === src) dst.copyWithin(d, s, s + n);
  else for (let k = 0; k < n; k++) dst[d + k] = src[s + k]!;
}

function copyOne(dst: Run, dOff: number, src: Run, sOff: number): void {
  dst.keys[dst.i + dOff] = src.keys[src.i + sOff]!;
  if (dst.values && src.values) dst.values[dst.i + dOff] = src.values[src.i + sOff]!;
}

/** reverse_sortslice */
function reverseRun(r: Run, n: number): void {
  reverseRange(r.keys, r.i, r.i + n);
  if (r.values) reverseRange(r.values, r.i, r.i + n);
}

export function reverseRange(a: PyObject[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo]!;
    a[lo] = a[hi]!;
    a[hi] = t;
  }
}

/** merge_compute_minrun */
function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** binarysort: [lo, start) is sorted; insert start .. hi-1 into it. */
function binarysort(lo: Run, hi: number, start: number): void {
  const keys = lo.keys;
  if (lo.i === start) start++;
  for (; start < hi; start++) {
    let l = lo.i;
    let r = start;
    const pivot = keys[r]!;
    do {
      const p = l + ((r - l) >> 1);
      if (islt(pivot, keys[p]!)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) keys[p] = keys[p - 1]!;
    keys[l] = pivot;
    if (lo.values) {
      const vals = lo.values;
      const vp = vals[start]!;
      for (let p = start; p > l; p--) vals[p] = vals[p - 1]!;
      vals[l] = vp;
    }
  }
}

/** count_run: the length of the run at lo, and whether it is strictly descending. */
function countRun(keys: PyObject[], lo: number, hi: number): [number, boolean] {
  lo++;
  if (lo === hi) return [1, false];
  let n = 2;
  if (islt(keys[lo]!, keys[lo - 1]!)) {
    for (lo++; lo < hi; lo++, n++) if (!islt(keys[lo]!, keys[lo - 1]!)) break;
    return [n, true];
  }
  for (lo++; lo < hi; lo++, n++) if (islt(keys[lo]!, keys[lo - 1]!)) break;
  return [n, false];
}

/** gallop_left: where key goes in sorted a[base..base+n), leftmost among equals. */
function gallopLeft(key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  let lastofs = 0;
  let ofs = 1;
  const h = base + hint;
  if (islt(a[h]!, key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (islt(a[h + ofs]!, key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (islt(a[h - ofs]!, key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (islt(a[base + m]!, key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** gallop_right: where key goes in sorted a[base..base+n), rightmost among equals. */
function gallopRight(key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  let lastofs = 0;
  let ofs = 1;
  const h = base + hint;
  if (islt(key, a[h]!)) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (islt(key, a[h - ofs]!)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (islt(key, a[h + ofs]!)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (islt(key, a[base + m]!)) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

/** MERGESTATE_TEMP_SIZE: pointers of scratch space inside the MergeState (on the C stack). */
export const MERGESTATE_TEMP_SIZE = 256;

class MergeState {
  minGallop = MIN_GALLOP;
  pending: Pending[] = [];
  /** ms->alloced and the PyMem scratch buffer that replaces the inline one when a merge needs more */
  private alloced = MERGESTATE_TEMP_SIZE;
  private buf = 0;
  constructor(readonly basekeys: number, readonly listlen: number, readonly hasValues: boolean) {}

  /** ms->a after merge_getmem(need): a scratch run holding n entries. */
  temp(n: number): Run {
    if (n > this.alloced) {
      freeBuffer(this.buf);
      this.buf = allocBuffer((this.hasValues ? 2 : 1) * n * 8);
      this.alloced = n;
    }
    return { keys: new Array<PyObject>(n), values: this.hasValues ? new Array<PyObject>(n) : null, i: 0 };
  }

  /** merge_freemem */
  freemem(): void {
    freeBuffer(this.buf);
    this.buf = 0;
  }

  /** merge_lo: na <= nb; A is copied out and merged left to right. */
  mergeLo(ssa: Run, na: number, ssb: Run, nb: number): void {
    const tmp = this.temp(na);
    move(tmp, 0, ssa, 0, na);
    const dest: Run = { ...ssa };
    ssa = tmp;
    ssb = { ...ssb };
    const step = (r: Run): void => {
      copyOne(dest, 0, r, 0);
      dest.i++;
      r.i++;
    };
    let copyB = false;
    try {
      step(ssb);
      nb--;
      if (nb === 0) return;
      if (na === 1) {
        copyB = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (islt(ssb.keys[ssb.i]!, ssa.keys[ssa.i]!)) {
            step(ssb);
            bcount++;
            acount = 0;
            nb--;
            if (nb === 0) return;
            if (bcount >= minGallop) break;
          } else {
            step(ssa);
            acount++;
            bcount = 0;
            na--;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (acount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = gallopRight(ssb.keys[ssb.i]!, ssa.keys, ssa.i, na, 0);
          acount = k;
          if (k) {
            move(dest, 0, ssa, 0, k);
            dest.i += k;
            ssa.i += k;
            na -= k;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (na === 0) return;
          }
          step(ssb);
          nb--;
          if (nb === 0) return;
          k = gallopLeft(ssa.keys[ssa.i]!, ssb.keys, ssb.i, nb, 0);
          bcount = k;
          if (k) {
            move(dest, 0, ssb, 0, k);
            dest.i += k;
            ssb.i += k;
            nb -= k;
            if (nb === 0) return;
          }
          step(ssa);
          na--;
          if (na === 1) {
            copyB = true;
            return;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyB) {
        move(dest, 0, ssb, 0, nb);
        copyOne(dest, nb, ssa, 0);
      } else if (na) {
        move(dest, 0, ssa, 0, na);
      }
    }
  }

  /** merge_hi: na > nb; B is copied out and merged right to left. */
  mergeHi(ssa: Run, na: number, ssb: Run, nb: number): void {
    const tmp = this.temp(nb);
    const dest: Run = at(ssb, nb - 1);
    move(tmp, 0, ssb, 0, nb);
    const basea: Run = { ...ssa };
    const baseb = tmp;
    ssb = at(tmp, nb - 1);
    ssa = at(ssa, na - 1);
    const stepBack = (r: Run): void => {
      copyOne(dest, 0, r, 0);
      dest.i--;
      r.i--;
    };
    let copyA = false;
    try {
      stepBack(ssa);
      na--;
      if (na === 0) return;
      if (nb === 1) {
        copyA = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (islt(ssb.keys[ssb.i]!, ssa.keys[ssa.i]!)) {
            stepBack(ssa);
            acount++;
            bcount = 0;
            na--;
            if (na === 0) return;
            if (acount >= minGallop) break;
          } else {
            stepBack(ssb);
            bcount++;
            acount = 0;
            nb--;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (bcount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = gallopRight(ssb.keys[ssb.i]!, basea.keys, basea.i, na, na - 1);
          k = na - k;
          acount = k;
          if (k) {
            dest.i -= k;
            ssa.i -= k;
            move(dest, 1, ssa, 1, k);
            na -= k;
            if (na === 0) return;
          }
          stepBack(ssb);
          nb--;
          if (nb === 1) {
            copyA = true;
            return;
          }
          k = gallopLeft(ssa.keys[ssa.i]!, baseb.keys, baseb.i, nb, nb - 1);
          k = nb - k;
          bcount = k;
          if (k) {
            dest.i -= k;
            ssb.i -= k;
            move(dest, 1, ssb, 1, k);
            nb -= k;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (nb === 0) return;
          }
          stepBack(ssa);
          na--;
          if (na === 0) return;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyA) {
        move(dest, 1 - na, ssa, 1 - na, na);
        dest.i -= na;
        ssa.i -= na;
        copyOne(dest, 0, ssb, 0);
      } else if (nb) {
        move(dest, -(nb - 1), baseb, 0, nb);
      }
    }
  }

  /** merge_at: merge pending runs i and i+1. */
  mergeAt(i: number): void {
    const p = this.pending;
    let ssa = p[i]!.base;
    let na = p[i]!.len;
    const ssb = p[i + 1]!.base;
    let nb = p[i + 1]!.len;
    p[i]!.len = na + nb;
    p.splice(i + 1, 1);
    const k = gallopRight(ssb.keys[ssb.i]!, ssa.keys, ssa.i, na, 0);
    ssa = at(ssa, k);
    na -= k;
    if (na === 0) return;
    nb = gallopLeft(ssa.keys[ssa.i + na - 1]!, ssb.keys, ssb.i, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(ssa, na, ssb, nb);
    else this.mergeHi(ssa, na, ssb, nb);
  }

  /** found_new_run: powersort's rule, merging runs of greater power. */
  foundNewRun(n2: number): void {
    const p = this.pending;
    if (p.length === 0) return;
    const top = p[p.length - 1]!;
    const power = powerloop(top.base.i - this.basekeys, top.len, n2, this.listlen);
    while (p.length > 1 && p[p.length - 2]!.power > power) this.mergeAt(p.length - 2);
    p[p.length - 1]!.power = power;
  }

  /** merge_force_collapse */
  forceCollapse(): void {
    const p = this.pending;
    while (p.length > 1) {
      let n = p.length - 2;
      if (n > 0 && p[n - 1]!.len < p[n + 1]!.len) n--;
      this.mergeAt(n);
    }
  }
}

/** powerloop: the depth of the boundary between two adjacent runs in powersort's tree. */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/** Sorts; returns what a comparison raised (or null) and merge_freemem, which list.sort calls
 *  after releasing its keys, as CPython does. */
export function timsort(keys: PyObject[], values: PyObject[] | null): { error: unknown; freemem: () => void } {
  const nremaining = keys.length;
  const ms = new MergeState(0, nremaining, values !== null);
  let error: unknown = null;
  try {
    if (nremaining >= 2) sortRuns(ms, { keys, values, i: 0 }, nremaining, computeMinrun(nremaining), keys);
  } catch (e) {
    error = e;
  }
  return { error, freemem: () => ms.freemem() };
}

/** The sorting loop of list_sort_impl over keys, moving values (the items) along when keys
 *  came from a key function. The merge state's scratch memory stays until the caller frees it. */
function sortRuns(ms: MergeState, lo: Run, nremaining: number, minrun: number, keys: PyObject[]): void {
  do {
    let [n, descending] = countRun(keys, lo.i, lo.i + nremaining);
    if (descending) reverseRun(lo, n);
    if (n < minrun) {
      const force = nremaining <= minrun ? nremaining : minrun;
      binarysort(lo, lo.i + force, lo.i + n);
      n = force;
    }
    ms.foundNewRun(n);
    ms.pending.push({ base: lo, len: n, power: 0 });
    lo = at(lo, n);
    nremaining -= n;
  } while (nremaining);
  ms.forceCollapse();
}
