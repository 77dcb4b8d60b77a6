// How containers over-allocate, per CPython version: the rules of list_resize and the list
// constructor (Objects/listobject.c) and the fill limit of a set's hash table
// (Objects/setobject.c). The object modules apply them; the sizes follow from the rules.
import type { Profile } from './index.js';

export interface GrowthRules {
  /** list_resize from 3.9 (bpo-38373): newsize + newsize/8 + 6 rounded down to a multiple of 4,
   *  or newsize rounded up to 4 when the jump is bigger than that over-allocation; before,
   *  newsize + newsize/8 + 3 (under 9 items) or + 6, never rounded. */
  listResizeRoundsToFour: boolean;
  /** list(x) allocates exactly len(x) slots before extending (3.8+, bpo-33234). */
  listInitPreallocates: boolean;
  /** From 3.10 extending an empty list allocates exactly the new length too, and every exact
   *  preallocation is rounded up to an even number of slots. */
  listExtendPreallocates: boolean;
  /** A set's table is resized once fill reaches this fraction of its mask: 3/5 from 3.7, 2/3 before. */
  setMaxFill: readonly [numerator: number, denominator: number];
}

const GROWTH_311: GrowthRules = {
  listResizeRoundsToFour: true, listInitPreallocates: true, listExtendPreallocates: true, setMaxFill: [3, 5],
};
const GROWTH_38: GrowthRules = { ...GROWTH_311, listResizeRoundsToFour: false, listExtendPreallocates: false };
const GROWTH_37: GrowthRules = { ...GROWTH_38, listInitPreallocates: false };
const GROWTH_36: GrowthRules = { ...GROWTH_37, setMaxFill: [2, 3] };

export function growthRules(p: Profile | null | undefined): GrowthRules {
  if (!p || p.major !== 3 || p.minor >= 11) return GROWTH_311;
  if (p.minor === 8) return GROWTH_38;
  return p.minor === 7 ? GROWTH_37 : GROWTH_36;
}
