// %refs: who holds an object and what it holds, found the way gc.get_referrers and
// gc.get_referents find them (tp_traverse over the tracked objects), with the slot of each link.
import type { ObjectSummary, RefsReport } from '../api.js';
import type { PyObject } from '../objects/object.js';
import { PyDict, dictItems } from '../objects/dict.js';
import { PyList } from '../objects/list.js';
import { PyTuple } from '../objects/tuple.js';
import { PyCell } from '../objects/cell.js';
import { PyStr } from '../objects/str.js';
import { heap } from '../objects/heap.js';
import { objectsOf } from '../gc/collector.js';
import { generations } from '../gc/track.js';
import { shortRepr, summarize } from './summary.js';

/** At most this many referrers and referents are listed. */
const LIMIT = 40;
/** The permanent generation of gc.freeze(). */
const PERMANENT = 3;

function keyText(k: PyObject): string {
  return k instanceof PyStr ? k.value : shortRepr(k, 24);
}

/** How `holder` refers to `target`: the dict key, the index, or the holder's type. */
function linkName(holder: PyObject, target: PyObject, namespace: PyDict): string {
  if (holder instanceof PyDict) {
    const links: string[] = [];
    for (const [k, v] of dictItems(holder)) {
      if (v === target) links.push(holder === namespace ? `name ${keyText(k)}` : `[${shortRepr(k, 24)}]`);
      if (k === target) links.push('a key');
    }
    if (links.length) return links.join(', ');
  }
  if (holder instanceof PyList || holder instanceof PyTuple) {
    const indices = holder.items.flatMap((x, i) => (x === target ? [`[${i}]`] : []));
    if (indices.length) return indices.join('');
  }
  if (holder instanceof PyCell) return 'cell_contents';
  return holder.type.name;
}

function permanentObjects(): PyObject[] {
  const head = generations[PERMANENT]!.head;
  const out: PyObject[] = [];
  for (let g = head.gcNext!; g !== head; g = g.gcNext!) out.push(g);
  return out;
}

function visits(holder: PyObject, target: PyObject): boolean {
  let found = false;
  holder.type.tp_traverse?.(holder, (child) => {
    if (child === target) found = true;
  });
  return found;
}

/** `target` is the evaluated object; `held` counts the references the caller holds on it. */
export function refsReport(target: PyObject, namespace: PyDict, held: number): RefsReport {
  const referrers: (ObjectSummary & { via: string })[] = [];
  for (const holder of [...objectsOf(null), ...permanentObjects()]) {
    if (referrers.length >= LIMIT) break;
    if (holder !== target && visits(holder, target)) referrers.push({ ...summarize(holder), via: linkName(holder, target, namespace) });
  }
  const referents: (ObjectSummary & { via: string })[] = [];
  target.type.tp_traverse?.(target, (child) => {
    if (referents.length < LIMIT) referents.push({ ...summarize(child), via: linkName(target, child, namespace) });
  });
  const p = heap.profile;
  const immortal = p.immortalObjects && target.refcnt >= 1 << 20;
  // What sys.getrefcount(obj) prints in the cell: its argument's reference stands for ours.
  const refcount = immortal ? p.immortalRefcount : target.refcnt - held + 1;
  return { object: summarize(target), refcount, referrers, referents };
}
