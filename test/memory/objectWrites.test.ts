// Refcount and GC header writes as pages see them: nothing before a fork, copied pages after it,
// immortal objects left shared in 3.12.
import { describe, expect, it } from 'vitest';
import '../../engine/objects/index.js';
import { ProcessMemory } from '../../engine/memory/index.js';
import { runInProcess } from '../../engine/memory/objectWrites.js';
import { profileFor } from '../../engine/profiles/index.js';
import { applyLayouts } from '../../engine/objects/define.js';
import { decref, incref, type PyObject } from '../../engine/objects/object.js';
import { newList } from '../../engine/objects/list.js';
import { None } from '../../engine/objects/singletons.js';
import { collect } from '../../engine/gc/collector.js';
import { startCollector } from '../../engine/stdlib/gc.js';

function setUp(version: string): { parent: ProcessMemory; lists: PyObject[] } {
  const profile = profileFor(version);
  const parent = new ProcessMemory({ profile: profile.name });
  runInProcess(parent, profile);
  applyLayouts(profile);
  startCollector(profile);
  // Enough lists to fill many pages of their pool.
  const lists = Array.from({ length: 2000 }, () => newList([]));
  return { parent, lists };
}

function privateDirtyKib(m: ProcessMemory): number {
  return m.smapsRollup().Private_Dirty;
}

describe('object writes and pages', () => {
  it('records nothing while no fork shares pages', () => {
    const { parent, lists } = setUp('3.11');
    const before = parent.smapsRollup();
    for (const l of lists) {
      incref(l);
      decref(l);
    }
    expect(parent.smapsRollup()).toEqual(before);
  });

  it('copies the pages of objects whose refcounts a forked child changes', () => {
    const { parent, lists } = setUp('3.11');
    const child = parent.fork();
    runInProcess(child, profileFor('3.11'));
    const idle = privateDirtyKib(child);
    for (const l of lists) {
      incref(l);
      decref(l);
    }
    const afterReads = privateDirtyKib(child);
    // 2000 lists of 56 bytes (GC header included) span about 28 pages (112 kB).
    expect(afterReads - idle).toBeGreaterThanOrEqual(96);
    runInProcess(parent, profileFor('3.11'));
  });

  it('copies the pages of tracked objects a collection in the child examines', () => {
    const { parent } = setUp('3.11');
    const child = parent.fork();
    runInProcess(child, profileFor('3.11'));
    const idle = privateDirtyKib(child);
    collect(2);
    expect(privateDirtyKib(child) - idle).toBeGreaterThanOrEqual(96);
    runInProcess(parent, profileFor('3.11'));
  });

  it('leaves immortal objects\' pages shared in 3.12', () => {
    for (const [version, copies] of [['3.11', true], ['3.12', false]] as const) {
      const { parent } = setUp(version);
      const child = parent.fork();
      runInProcess(child, profileFor(version));
      const idle = privateDirtyKib(child);
      incref(None);
      decref(None);
      expect(privateDirtyKib(child) > idle, version).toBe(copies);
      runInProcess(parent, profileFor(version));
    }
  });
});
