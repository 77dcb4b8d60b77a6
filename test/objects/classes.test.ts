// Classes built through type(name, bases, dict) on the object model alone (no compiler): slot
// dispatch, instance attributes, reference counts and what the cycle collector finds.
import { beforeAll, describe, expect, it } from 'vitest';
import '../../engine/objects/index.js';
import { ProcessMemory } from '../../engine/memory/index.js';
import { bindProcess } from '../../engine/objects/heap.js';
import { profileFor } from '../../engine/profiles/index.js';
import { typeType } from '../../engine/objects/typeobject.js';
import { PyType } from '../../engine/objects/type.js';
import { newStr, internStr } from '../../engine/objects/str.js';
import { newTuple } from '../../engine/objects/tuple.js';
import { newDict, dictSetItem } from '../../engine/objects/dict.js';
import { newInt, PyInt } from '../../engine/objects/int.js';
import { PyObject, decref } from '../../engine/objects/object.js';
import { call, getAttr, setAttr, binaryOp, BinaryOp, reprString } from '../../engine/objects/abstract.js';
import { newCFunction } from '../../engine/objects/descr.js';
import { collect, resetCollector } from '../../engine/gc/collector.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';

function makeClass(name: string, attrs: Record<string, PyObject> = {}, bases: PyType[] = []): PyType {
  const ns = newDict();
  for (const [k, v] of Object.entries(attrs)) {
    const key = internStr(k);
    dictSetItem(ns, key, v);
    decref(key);
  }
  const module = internStr('__module__');
  const main = newStr('__main__');
  dictSetItem(ns, module, main);
  decref(module);
  decref(main);
  for (const b of bases) b.refcnt++;
  const cls = call(typeType, [newStr(name), newTuple(bases.slice()), ns]);
  return cls as PyType;
}

beforeAll(() => {
  bindProcess(new ProcessMemory({ profile: '3.11' }), profileFor('3.11'));
  resetCollector([700, 10, 10], {
    isWeakref: () => false, clearWeakref: () => {}, weakrefsTo: () => [], weakrefCallback: () => null,
    callWeakrefCallback: () => {}, maybeUntrackTuple: () => {}, maybeUntrackDict: () => {},
    writeStderr: () => {}, appendGarbage: () => {}, invokeCallbacks: () => {}, monotonic: () => 0,
    clearFreeLists: () => {}, incref: (o) => { o.refcnt++; }, decref,
  });
});

describe('classes on the object model', () => {
  it('creates a class whose repr, mro and instances follow CPython', () => {
    const A = makeClass('A');
    expect(reprString(A)).toBe("<class '__main__.A'>");
    expect(A.mro.map((t) => t.name)).toEqual(['A', 'object']);
    const a = call(A, []);
    expect(a.type).toBe(A);
    expect(reprString(a)).toBe(`<__main__.A object at 0x${a.addr.toString(16)}>`);
    expect(a.addr % 16).toBe(0);
    expect(() => call(A, [newInt(1)])).toThrow(PyBaseException);
  });

  it('stores attributes inline and counts references exactly', () => {
    const A = makeClass('B');
    const a = call(A, []);
    const v = newInt(12345);
    setAttr(a, 'x', v);
    expect(v.refcnt).toBe(2);
    const got = getAttr(a, 'x') as PyInt;
    expect(got).toBe(v);
    expect(v.refcnt).toBe(3);
    decref(got);
    decref(a);
    expect(v.refcnt).toBe(1);
  });

  // A builtin function is not a descriptor: found on the class it is called without self,
  // as CPython's `class C: __add__ = len`-style attributes are.
  it('dispatches + to a native __add__ defined on the class', () => {
    const add = newCFunction({ name: '__add__', code: { kind: 'fast', fn: (_s, args) => newStr(`added ${args.length}`) } }, null, null);
    const A = makeClass('C', { __add__: add });
    const a = call(A, []);
    const r = binaryOp(a, newInt(1), BinaryOp.ADD);
    expect(reprString(r)).toBe("'added 1'");
  });

  it('finds a cycle of two instances unreachable, as gc.collect() returns 2', () => {
    collect();
    const Node = makeClass('Node');
    const a = call(Node, []);
    const b = call(Node, []);
    setAttr(a, 'peer', b);
    setAttr(b, 'peer', a);
    const freedBefore = a.addr;
    decref(a);
    decref(b);
    expect(freedBefore).not.toBe(0);
    expect(collect()).toBe(2);
    expect(a.addr).toBe(0);
    expect(collect()).toBe(0);
  });
});
