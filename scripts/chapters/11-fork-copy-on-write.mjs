// Chapter 11, fork, copy-on-write and copy-on-read: RSS against VSZ, a forked child that only
// reads its parent's objects and still dirties their pages through reference counts, the
// collector doing the same, gc.freeze, and 3.12's immortal objects.
// Run: node scripts/chapters/11-fork-copy-on-write.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated, versionOutput } from './chapter.mjs';

const PAGES = "the simulated process's pages, from its /proc files";

const immortal312 = versionOutput(`
  import sys
  print(sys.getrefcount(None), sys.getrefcount(0), sys.getrefcount(()))
`, '3.12.1').trim();

await buildChapter('11-fork-copy-on-write.ipynb', [
  md(`
    # Fork, copy-on-write and copy-on-read

    On Linux, \`os.fork()\` makes a child process that starts as an exact copy of its parent. The
    kernel does not copy the parent's memory for that: parent and child share the same physical
    pages, marked read-only, and a page is copied only when one of them *writes* to it
    (**copy-on-write**). A server that loads a large read-only data set once and then forks
    workers should therefore pay for that data once.

    In CPython it does not quite work that way, because reading an object writes to it: every
    new reference increments the object's reference count, which lives in the object's header,
    on the same page as the object. This chapter measures that *copy-on-read*, the garbage
    collector's own writes, and the remedies (\`gc.freeze\` since 3.7, immortal objects since 3.12).

    All page counts here are the simulation's: the kernel runs a simulated Linux process whose
    \`/proc\` files report the pages its simulated objects occupy. Cells that start with
    \`# confirmed\` print what real CPython 3.11 prints.
  `),
  md(`
    ## RSS and VSZ

    Two numbers describe a process's memory. **VSZ** (\`VmSize\` in \`/proc/<pid>/status\`) is the
    size of its address space: everything mapped, whether or not it was ever touched. **RSS**
    (\`VmRSS\`) is what is resident in RAM now. Allocating a large object grows both, the RSS by the
    pages actually written:
  `),
  simulated(PAGES, `
    import os

    def status(field):
        """A field of /proc/self/status, in kB."""
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])

    def report(label):
        print(f"{label:<24} VSZ {status('VmSize'):>7} kB   RSS {status('VmRSS'):>7} kB")

    report("at start")
    data = [[i] for i in range(100_000)]
    report("after 100,000 lists")
  `),
  md(`
    ## A child that only reads

    \`/proc/<pid>/smaps_rollup\` splits a process's resident pages into *shared* ones (still the
    same physical page as in the parent) and *private dirty* ones (pages this process wrote to,
    which the kernel had to copy). A freshly forked child has almost nothing private. Here the
    child reads every item of \`data\`, changing nothing in Python's eyes:
  `),
  simulated(PAGES, `
    import gc

    def private_dirty_kb():
        with open(f"/proc/{os.getpid()}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Private_Dirty:"):
                    return int(line.split()[1])

    def in_child(work, label):
        """Forks, runs work() in the child, and prints how many pages the child made private."""
        pid = os.fork()
        if pid == 0:
            before = private_dirty_kb()
            work()
            print(f"{label:<28} private dirty {before:>6} kB -> {private_dirty_kb():>6} kB")
            os._exit(0)
        os.waitpid(pid, 0)

    def read_everything():
        total = 0
        for item in data:
            total += item[0]

    in_child(lambda: None, "nothing")
    in_child(read_everything, "reading every item")
  `),
  md(`
    Reading the lists copied megabytes of pages. The loop variable \`item\` holds a reference to
    each list in turn, and taking and dropping a reference writes the list's reference count:
  `),
  confirmed(`
    import sys
    item = [1]
    before = sys.getrefcount(item)
    alias = item
    print(sys.getrefcount(item) - before)   # one more reference: one write into the object's header
    del alias
    print(sys.getrefcount(item) - before)
  `),
  md(`
    A write is a write for the page it lands on, even when the count goes back to where it was.

    ## The collector writes too

    A collection walks every tracked container and stores temporary counts in each object's
    GC header, right before the object. In a child that collects, every page holding a
    container becomes private:
  `),
  simulated(PAGES, `
    in_child(gc.collect, "gc.collect()")
  `),
  md(`
    This is what Instagram's engineers found in 2017 in their Django workers, forked from a
    parent that had loaded the application: shared memory fell steadily as the workers ran. They
    first turned the collector off (\`gc.disable()\`, later a threshold of 0), and then proposed
    \`gc.freeze()\`, which came in Python 3.7: it moves every tracked object into a permanent
    generation that collections ignore. Freezing in the parent just before forking keeps the
    children's collections away from the parent's objects:
  `),
  simulated(PAGES, `
    gc.freeze()
    in_child(gc.collect, "gc.collect() after freeze")
    gc.unfreeze()
  `),
  md(`
    What \`freeze\` does is visible on any CPython: the frozen objects leave the generations and
    come back with \`unfreeze\`:
  `),
  confirmed(`
    import gc
    gc.collect()
    gc.freeze()
    print(gc.get_freeze_count() > 0, gc.get_count())
    gc.unfreeze()
    print(gc.get_freeze_count())
  `),
  md(`
    Freezing does nothing against reference counts: reading still dirties pages, so data meant
    to be shared is better kept in few large objects (an \`array.array\`, \`bytes\`, an \`mmap\`)
    than in many small ones. That also means fewer headers to write.

    ## Immortal objects (3.12)

    Python 3.12 (PEP 683) made some objects *immortal*: \`None\`, \`True\`, small ints, the empty
    tuple, interned strings and others carry a reference count that is never changed, so using
    them writes nothing. Their count reads as a fixed large value. The engine's 3.12 profile and a
    real CPython 3.12.1 print the same:

    \`\`\`text
    ${immortal312}
    \`\`\`

    while in 3.11 they count like everything else:
  `),
  confirmed(`
    import sys
    before = sys.getrefcount(None)
    refs = [None] * 1000
    print(sys.getrefcount(None) - before)
  `),
  md(`
    Immortality covers the interpreter's own shared objects, not your data: a list you build is
    still counted, and still copied on read in a forked child.

    ## In short

    - VSZ is address space, RSS what is resident; forked children share the parent's pages until
      someone writes.
    - In CPython, reading writes: reference counts dirty the pages of the objects a child reads,
      and a collection dirties the pages of every container it visits.
    - \`gc.freeze()\` before forking spares the parent's objects from the children's collections;
      3.12's immortal objects spare the interpreter's shared singletons from reference counting.
    - Page counts here are the simulation's; reference counts and \`gc\` behaviour are confirmed by
      CPython 3.11, and the 3.12 numbers by a real 3.12.1.
  `),
]);
