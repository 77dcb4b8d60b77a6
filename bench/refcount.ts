// What page accounting of refcount writes costs: Py_INCREF/Py_DECREF pairs with the hook off
// (no fork: one boolean test), on in a forked child (pages private after the first write), and
// the bare field updates the hooks are compared with.
// `node dist/bench/refcount.js` (after `npm run build`).
import '../engine/objects/index.js';
import { ProcessMemory } from '../engine/memory/index.js';
import { runInProcess } from '../engine/memory/objectWrites.js';
import { PyObject, decref, incref } from '../engine/objects/object.js';
import { objectType } from '../engine/objects/typeobject.js';
import { profileFor } from '../engine/profiles/index.js';
import { timeNs } from './memory.js';

const OBJECTS = 10_000;
const ROUNDS = 1_000;

/** Best of five, in ns per incref+decref pair. */
function perPair(objs: PyObject[], pair: (o: PyObject) => void): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const ns = timeNs(() => {
      for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < objs.length; i++) pair(objs[i]!);
    });
    best = Math.min(best, ns / (objs.length * ROUNDS));
  }
  return best;
}

function objects(mem: ProcessMemory): PyObject[] {
  return Array.from({ length: OBJECTS }, () => {
    const o = new PyObject(objectType);
    o.addr = mem.objectMalloc(16);
    return o;
  });
}

export function runRefcountBench(): Record<string, number> {
  const profile = profileFor('3.11');
  const mem = new ProcessMemory({ profile: '3.11' });
  runInProcess(mem, profile);
  const objs = objects(mem);
  // Hook off first: the call site of `pair` is still monomorphic for it.
  const off = perPair(objs, (o) => {
    incref(o);
    decref(o);
  });
  const bare = perPair(objs, (o) => {
    o.refcnt++;
    o.refcnt--;
  });
  const child = mem.fork();
  runInProcess(child, profile);
  const on = perPair(objs, (o) => {
    incref(o);
    decref(o);
  });
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    'bare refcnt++/refcnt-- pair, ns': round(bare),
    'incref+decref, no fork (hook off), ns': round(off),
    'incref+decref in a forked child, ns': round(on),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(runRefcountBench())) console.log(`${k.padEnd(44)} ${v}`);
}
