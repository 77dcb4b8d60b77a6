// %dict: a dict's compact table (indices and entries), the probe sequence of a key, and the
// table sizes an insert-one-key-at-a-time dict goes through (Objects/dictobject.c insertion_resize).
import type { DictReport } from '../api.js';
import type { PyObject } from '../objects/object.js';
import { PyDict, dictKeyProbe, dictLayout } from '../objects/dict.js';
import { DKIX_EMPTY, PyDict_LOG_MINSIZE, calculateLog2Keysize, usableFraction } from '../objects/dictkeys.js';
import { shortRepr, summarize } from './summary.js';

const ENTRY_REPR = 30;

/** insert_to_emptydict makes a minimum table; each later resize sizes it for GROWTH_RATE = used*3. */
function growthPath(used: number): DictReport['growth'] {
  const steps: DictReport['growth'] = [];
  let slots = 2 ** PyDict_LOG_MINSIZE;
  if (used > 0) steps.push({ afterInsert: 1, slots, usable: usableFraction(slots) });
  let filled = usableFraction(slots);
  while (filled < used) {
    slots = 2 ** calculateLog2Keysize(filled * 3);
    steps.push({ afterInsert: filled + 1, slots, usable: usableFraction(slots) });
    filled = usableFraction(slots);
  }
  return steps;
}

export function dictReport(d: PyDict, probeKey: PyObject | null): DictReport {
  const layout = dictLayout(d);
  const report: DictReport = {
    object: summarize(d),
    kind: layout.kind,
    slots: 2 ** layout.log2Size,
    indexWidth: layout.indexWidth,
    usable: layout.usable,
    nentries: layout.nentries,
    used: layout.used,
    keysAddress: layout.keysAddr,
    keysBytes: layout.keysBytes,
    indices: layout.indices,
    entries: layout.entries.map((e) => ({
      index: e.index,
      key: e.key ? shortRepr(e.key, ENTRY_REPR) : null,
      value: e.value ? shortRepr(e.value, ENTRY_REPR) : null,
      hash: e.hash === null ? null : e.hash.toString(),
    })),
    growth: growthPath(layout.used),
  };
  if (probeKey) {
    const slots = dictKeyProbe(d, probeKey);
    const last = slots.at(-1);
    report.probe = { key: shortRepr(probeKey, ENTRY_REPR), slots, found: last !== undefined && layout.indices[last] !== DKIX_EMPTY };
  }
  return report;
}
