// Chapter 09, CPython's memory manager: allocator layers, size classes, arenas / pools / blocks,
// small ints, interning, names versus objects, reference counts and `del`, cycles, mark and sweep,
// generations, copy versus deepcopy, gc debugging and thresholds.
// Run: node scripts/chapters/09-memory-manager.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

await buildChapter('09-memory-manager.ipynb', [
  md(`
    # CPython's memory manager

    When a Python program runs, who decides where each object lives, and when its memory is given
    back? This chapter follows a small object from the allocator that hands out its bytes to the
    collector that finally frees it.

    Two kinds of code cells appear below, and the first line of each says which it is:

    * **confirmed** cells print exactly what the real CPython 3.11 prints. The project's tests run
      them on \`python3\` and compare the outputs character by character.
    * **simulated** cells show what the real interpreter does not let you see, such as the pool a
      block came from, or numbers that depend on everything the interpreter did since it started.
      The simulation computes them by following CPython's source code.
  `),
  md(`
    ## The layers of allocators

    A CPython process gets its memory through a stack of allocators. Each layer asks the one below
    it for bigger pieces and cuts them up for the layer above:

    | layer | who | what it does |
    |---|---|---|
    | +3 | object-specific allocators | free lists kept by \`float\`, \`tuple\`, \`list\`, \`dict\`: a dead object's memory waits there for the next object of the same type |
    | +2 | Python's object allocator (*pymalloc*) | small requests, up to 512 bytes, served from pools of equal-sized blocks |
    | +1 | Python's raw allocator (\`PyMem_\` functions) | larger requests and internal buffers, passed on to \`malloc\` |
    | 0 | the C library's \`malloc\` | the process's heap and big \`mmap\` regions |
    | -1 | the operating system's virtual memory manager | pages, mapped on demand |
    | -2 | physical memory and swap | where the pages really are |

    Everything above layer 0 belongs to the interpreter. Seen from the operating system, the
    process has its program text, its initialised and zeroed data (\`data\`, \`bss\`), a heap that
    \`malloc\` grows, mapped regions (pymalloc's arenas are among them) and the C stack. A Python name is not memory at all: the
    running function's frame (the interpreter's *stack* of calls) holds references, and the objects
    they refer to live on the *heap* that these allocators manage.
  `),
  md(`
    ## Small and large requests

    pymalloc draws a line at **512 bytes**. A larger request goes straight to \`malloc\`. A smaller
    one is rounded up to a *size class*, and every block of a class has the same size. In CPython
    3.11 the classes are 16 bytes apart, so there are 32 of them: 16, 32, 48, ... up to 512.

    The note this chapter follows shows a table with classes 8 bytes apart (1-8, 9-16, ..., 505-512,
    64 classes, index 0 to 63). That was the layout of older interpreters (Python 2 and early 3.x
    releases aligned blocks on 8 bytes); CPython moved to 16-byte alignment so that every block
    suits any C type, and 3.6, 3.7 and 3.8 releases already report 32 classes.

    The size class of an object is its size rounded up to 16, minus one step:
  `),
  confirmed(`
    import sys

    def size_class(nbytes):
        """pymalloc's class index for a request of nbytes (CPython 3.8 and later)."""
        return (nbytes - 1) // 16

    for obj in (1.5, 10**20, "python", (1, 2), [], {}, set()):
        size = sys.getsizeof(obj)
        kind = f"class {size_class(size):2}, {16 * (size_class(size) + 1):3}-byte block" if size <= 512 else "malloc"
        print(f"{type(obj).__name__:6} {size:4} bytes -> {kind}")
  `),
  md(`
    \`sys.getsizeof\` already includes the 16-byte header the cycle collector puts in front of
    containers (lists, dicts, sets, tuples), so its number is the size of the request pymalloc sees.
    A \`set\` with its initial table of 8 slots is 216 bytes; an empty \`dict\` is 64 bytes because
    its table is not allocated until the first key arrives.

    ## Arenas, pools and blocks

    pymalloc asks the system for **arenas**, 1 MiB each in CPython 3.11 (256 KiB before 3.10). An
    arena is cut into **pools** of 16 KiB (4 KiB before 3.10), each aligned on its own size. A pool
    serves one size class at a time: after a 48-byte header it is an array of equal blocks.

    * pools that have some blocks in use and some free sit in \`usedpools\`, one list per size
      class, so finding a block for a request is one array lookup;
    * the free blocks of a pool form a singly linked list threaded through the blocks themselves;
      a pool also has a *virgin* tail that has never been handed out;
    * a pool whose blocks are all free again goes to its arena's list of free pools, and may next
      serve a different size class;
    * an arena whose pools are all free is given back to the operating system.

    Because pools are aligned, an object's address says where it sits in its pool. A float is 24
    bytes and lives in a 32-byte block, so every float's address, taken modulo 16384, is the
    48-byte pool header plus a whole number of 32-byte blocks. That holds on any machine:
  `),
  confirmed(`
    POOL_SIZE, POOL_HEADER, BLOCK = 16 * 1024, 48, 32
    floats = [float(i) + 0.5 for i in range(1000)]
    print(all((id(f) % POOL_SIZE - POOL_HEADER) % BLOCK == 0 for f in floats))
  `),
  md(`
    The \`%heap\` magic maps the simulated process's arenas and pools, coloured by size class, with
    the table of classes in use. Like the report below, it shows everything allocated so far, so
    the project's checks run it without comparing its output.
  `),
  simulated("the simulated process's arenas and pools", `
    %heap
  `, ['nbval-ignore-output']),
  md(`
    Which pool, and which block in it, depends on everything the interpreter allocated before, so
    the real addresses differ from run to run and machine to machine. The simulation follows
    \`Objects/obmalloc.c\` step by step and gives the same layout every time. Here are eight bytes
    objects of 260 bytes each: 293 bytes with their header, so they need 304-byte blocks. Nothing
    in this process used that size class yet, so pymalloc takes a fresh pool and hands out its
    blocks one after the other:
  `),
  simulated('which pool and block each object got', `
    import sys
    chunks = [bytes([i]) * 260 for i in range(8)]
    first_pool = id(chunks[0]) // POOL_SIZE
    print(sys.getsizeof(chunks[0]), "bytes each")
    for chunk in chunks:
        offset = id(chunk) % POOL_SIZE
        print(f"pool {id(chunk) // POOL_SIZE - first_pool:+d}  offset {offset:5}  block {(offset - POOL_HEADER) // 304}")
  `),
  md(`
    \`sys._debugmallocstats()\` prints pymalloc's own report: for each size class in use, how many
    pools serve it and how many blocks are taken or free, then the arenas and the free lists of
    layer +3. The real CPython prints the same report, with its own numbers (it writes it to the C
    library's standard error). The report covers everything the process allocated so far, so it
    changes with every cell you run before it; the project's checks run this cell without
    comparing its numbers.
  `),
  simulated("pymalloc's report on this kernel's process", `
    import sys
    sys._debugmallocstats()
  `, ['nbval-ignore-output']),
  md(`
    A freed block goes back to the front of its pool's free list, so the next request of the same
    class gets the very same address. That is why two objects that never live at the same time
    can have the same \`id\`:
  `),
  confirmed(`
    print(id([]) == id([]))
    print(id(object()) == id(object()))
  `),
  md(`
    ## Small integers are made once

    Names do not hold values, they refer to objects, and \`is\` asks whether two references are the
    same object. CPython creates the integers from -5 to 256 when it starts and hands out those
    same objects whenever such a value is needed. Any other integer is a new object each time one
    is computed:
  `),
  confirmed(`
    a = 256
    b = int("256")
    print(a is b)
    c = 257
    d = int("257")
    print(c is d, c == d)
  `),
  md(`
    The note shows an interactive session where \`a = 1000\` and \`b = 1000\`, typed as two
    separate inputs, give \`a is b == False\`. Each input is compiled on its own, and each
    compilation makes its own constant \`1000\`:
  `),
  confirmed(`
    a = 1000
  `),
  confirmed(`
    b = 1000
    print(a is b)
  `),
  md(`
    Inside one cell (or one module, or one function) the compiler keeps a single copy of each
    equal constant, so the same two assignments give one object:
  `),
  confirmed(`
    a = 1000
    b = 1000
    print(a is b)
  `),
  md(`
    Never rely on either answer: compare numbers with \`==\`. The note also says a small int costs
    28 bytes; it still does in 3.11, and each 30-bit digit more adds 4. (The note's remark that
    integer blocks are never given back to the system describes Python 2's separate int allocator;
    in Python 3 an int is an ordinary pymalloc block, returned like any other.)
  `),
  confirmed(`
    import sys
    for n in (0, 1, 2**30 - 1, 2**30, 2**60, 2**90):
        print(f"{n:>28} {sys.getsizeof(n)}")
  `),
  md(`
    ## Strings: single characters and interning

    Strings get similar treatment. The empty string and every one-character Latin-1 string are
    made once. String constants that look like identifiers (letters, digits, underscores) are
    *interned*: the compiler stores them in one table, so the same text is the same object
    everywhere. A string built while the program runs is a new object, unless you intern it
    yourself with \`sys.intern\`:
  `),
  confirmed(`
    import sys
    a = "n"
    b = "".join(["n"])
    print(a is b)
    a = "python"
    b = "".join(["py", "thon"])
    print(a == b, a is b, sys.intern(b) is a)
    a = "hello world"
    b = "hello world"
    print(a is b)
  `),
  md(`
    \`"hello world"\` contains a space, so it is not interned, but both constants come from the
    same cell and are shared like the 1000 above. Interning helps dictionaries: attribute names
    and keyword arguments are interned, so looking one up can stop at an identity test.

    The note quotes 38 bytes for a one-character string: that is Python 2. In CPython 3.11 an
    ASCII string has a 48-byte header (length, hash, flags) plus one byte per character and a
    terminating zero, so 50 bytes for one character:
  `),
  confirmed(`
    import sys
    for s in ("", "n", "python", "é", "中", "🐍"):
        print(repr(s), sys.getsizeof(s))
  `),
  md(`
    ## Names are references

    *Python has names, not variables.* An assignment binds a name to an object; it copies
    nothing. Passing an argument binds the parameter to the same object, and binding a name again
    leaves the other names alone:
  `),
  confirmed(`
    def same_object(var, original):
        return id(var) == id(original)

    a = b = "nima"
    print(same_object(a, a), a is b)
    b = "hehe"
    print(a is b, a, b)
  `),
  md(`
    ## Reference counts

    Every object counts the references to it. \`sys.getrefcount(x)\` reports that count, plus one
    for its own argument. The note's example: \`x = 300\`, \`y = x\`, \`z = [x, y]\` gives the object
    four references (two names and two list slots). The first cell binds \`x\`; its compiled code,
    which also held the constant, is gone once the cell has run:
  `),
  confirmed(`
    x = 300
  `),
  confirmed(`
    import sys
    print(sys.getrefcount(x) - 1)
    y = x
    z = [x, y]
    print(sys.getrefcount(x) - 1)
  `),
  md(`
    \`%refs\` draws who refers to the object: the module's namespace (through the names \`x\` and
    \`y\`) and the list \`z\` (through both of its slots). Its count of 5 includes the magic's own
    reference, as \`getrefcount\`'s includes its argument.
  `),
  simulated('a picture of the references the simulated interpreter holds', `
    %refs x
  `),
  md(`
    A count goes down when a reference goes away: a function returns and its local names vanish,
    \`del\` removes a name, a name is bound to something else, a container lets go of an item.
  `),
  confirmed(`
    import sys
    del y
    print(sys.getrefcount(x) - 1)
    z[0] = None
    print(sys.getrefcount(x) - 1)
    z = None
    print(sys.getrefcount(x) - 1)
  `),
  md(`
    ## What \`del\` does

    \`del x\` does not delete an object. It removes the name \`x\`, and so one reference. The object
    is freed when its **last** reference goes, at that very moment, not at some later sweep. A
    \`__del__\` method makes the moment visible:
  `),
  confirmed(`
    class Noisy:
        def __init__(self, name):
            self.name = name
        def __del__(self):
            print("freeing", self.name)

    x = Noisy("first")
    y = x
    del x
    print("x is gone, the object is not")
    del y
    print("after del y")

    def go():
        w = Noisy("local")
        print("inside go")

    go()
    print("after go()")
    a = Noisy("rebound")
    a = None
    print("after a = None")
  `),
  md(`
    ## Cycles

    Reference counting has one blind spot. The note builds three nodes: \`mid\` points to \`left\`,
    \`left\` to \`right\` and \`right\` back to \`left\`. Deleting the name \`mid\` frees \`mid\` at once.
    But \`left\` and \`right\` keep each other's count above zero, so they stay, unreachable from the
    program, until the cycle collector finds them:
  `),
  confirmed(`
    import gc

    class Node:
        def __init__(self, value):
            self.value = value
            self.next = None
        def link(self, other):
            self.next = other
        def __del__(self):
            print("freeing", self.value)

    gc.collect()
    mid, left, right = Node("mid"), Node("left"), Node("right")
    mid.link(left)
    left.link(right)
    right.link(left)
    del mid
    del left, right
    print("names gone")
    print("collected", gc.collect(), "objects")
  `),
  md(`
    \`gc.collect()\` returns the number of unreachable objects it found: the two nodes. In CPython
    3.11 their attribute dictionaries are not separate objects (they live inside the instances
    until someone asks for \`__dict__\`), so the count is 2, not 4.

    ## Mark and sweep

    A tracing collector starts from the *roots* (module globals, the frames of running functions)
    and marks everything it can reach; whatever stays unmarked is garbage. CPython reaches the same
    verdict from the other side, without knowing its roots. It only looks at *container* objects,
    the ones that can refer to others (lists, dicts, instances, ...), all linked in the collector's
    lists through that 16-byte header:

    1. copy every container's reference count into a scratch field;
    2. for each container, subtract one from the scratch count of every container it refers to;
    3. a container whose scratch count is still above zero is referred to from outside the group:
       it is reachable, and so is everything it refers to;
    4. the rest is unreachable. Finalizers run, then the references inside the cycles are cleared,
       and ordinary reference counting frees the objects.

    Strings and numbers hold no references, so they cannot form cycles and are never examined.
    \`gc.is_tracked\` tells which objects the collector watches. A tuple or dict holding only
    atomic values is untracked by the collector when it sees that.
  `),
  confirmed(`
    import gc

    class Plain:
        pass

    print(gc.is_tracked(300), gc.is_tracked("text"), gc.is_tracked([]), gc.is_tracked(Plain()))
    pair = (1, 2)
    print(gc.is_tracked(pair), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
  `),
  md(`
    ## Generations

    Examining every container on each collection would be slow, and most objects die young. So
    the collector keeps three **generations**. New containers join generation 0. A collection of
    a generation moves its survivors into the next one. Generation 0 is collected when the number
    of container allocations minus deallocations since its last collection passes the first
    threshold (700); generation 1 after 10 collections of generation 0, generation 2 after 10 of
    generation 1 (and, to keep full collections rare, only when enough new long-lived objects have
    piled up).
  `),
  confirmed(`
    import gc
    print(gc.get_threshold())
    survivor = Node("survivor")
    def generation_of(obj):
        return [g for g in range(3) if any(o is obj for o in gc.get_objects(generation=g))]
    print(generation_of(survivor))
    gc.collect(0)
    print(generation_of(survivor))
    gc.collect(1)
    print(generation_of(survivor))
  `),
  md(`
    \`gc.callbacks\` lets us watch collections start. Building 5000 self-referencing objects
    triggers generation 0 seven times with the default threshold, and not at all with a threshold
    of 10000:
  `),
  confirmed(`
    import gc

    class Loop:
        def __init__(self):
            self.me = self

    def automatic_collections(count):
        started = []
        def watch(phase, info):
            if phase == "start":
                started.append(info["generation"])
        gc.collect()
        gc.callbacks.append(watch)
        for _ in range(count):
            Loop()
        gc.callbacks.remove(watch)
        return started

    print(automatic_collections(5000))
    gc.set_threshold(10000)
    print(automatic_collections(5000))
    gc.set_threshold(700, 10, 10)
  `),
  md(`
    \`gc.get_count()\` shows the three counters. Right after a full collection they are zero; a
    hundred new lists, the list that holds them and the function object the comprehension runs
    in make 102 container allocations:
  `),
  confirmed(`
    import gc
    gc.collect()
    before = gc.get_count()
    keep = [[] for _ in range(100)]
    print(before, gc.get_count())
  `),
  md(`
    ## Mutable and immutable objects

    Strings, numbers and tuples are immutable: an operation that seems to change one builds a new
    object and binds the name to it. Lists, dicts and sets change in place, so every name that
    refers to one sees the change:
  `),
  confirmed(`
    s = "text"
    before = id(s)
    s += "!"
    print("str  same object:", id(s) == before)
    items = [10, 10, 11]
    before = id(items)
    alias = items
    items += [12]
    print("list same object:", id(items) == before, alias)
  `),
  md(`
    A container holds references, not values. In \`[10, 10, 11]\` both first slots refer to the
    one object \`10\`:
  `),
  confirmed(`
    a = [10, 10, 11]
    b = a
    print(a[0] is a[1], b is a)
  `),
  md(`
    ## copy versus deepcopy

    \`copy.copy\` builds a new outer container whose slots refer to the same objects as the
    original's. \`copy.deepcopy\` copies the containers inside too, recursively, and keeps sharing
    only immutable atoms such as the small integers:
  `),
  confirmed(`
    import copy
    a = [10, 10, [10, 11]]
    shallow = copy.copy(a)
    deep = copy.deepcopy(a)
    print(shallow is a, shallow[2] is a[2], shallow[0] is a[0])
    print(deep is a, deep[2] is a[2], deep[2][0] is a[2][0])
    a[2].append(12)
    print(shallow[2], deep[2])
  `),
  md(`
    ## Watching the collector

    The note's experiment: two lists, one inside the other. \`a\` has two references (the name and
    \`getrefcount\`'s argument), \`b\` three (its name, the slot in \`a\`, the argument). There is no
    cycle, so \`del\` frees both and the collector finds nothing:
  `),
  confirmed(`
    import gc, sys
    a = []
    b = []
    a.append(b)
    print("a refcount:", sys.getrefcount(a))
    print("b refcount:", sys.getrefcount(b))
    del a
    del b
    print(gc.collect())
  `),
  md(`
    Make it a cycle and the collector has work. \`gc.DEBUG_LEAK\` prints each object it collects and
    keeps them in \`gc.garbage\` instead of freeing them, which is how one hunts a leak:
  `),
  confirmed(`
    import gc
    gc.set_debug(gc.DEBUG_LEAK)
    a = []
    b = []
    a.append(b)
    b.append(a)
    del a, b
    print(gc.collect())
    gc.set_debug(0)
    print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
    gc.garbage.clear()
  `),
  md(`
    \`gc.DEBUG_STATS\` adds a summary of every collection. Its first line counts the objects in
    each generation. Real CPython starts with thousands of objects in its oldest generation (the
    modules and functions loaded at start-up), the simulated interpreter with far fewer, so this
    line is the simulation's own (and, like the allocator's report, not compared by the project's
    checks):
  `),
  simulated('the oldest generation holds what start-up created', `
    import gc
    gc.set_debug(gc.DEBUG_STATS)
    a = []
    a.append(a)
    del a
    gc.collect()
    gc.set_debug(0)
  `, ['nbval-ignore-output']),
  md(`
    ## Tuning the collector

    The thresholds trade time for memory:

    * a **memory-bound** program can lower the thresholds: collections run more often, cycles are
      freed sooner, and the program spends more time collecting;
    * a **CPU-bound** program can raise them (or call \`gc.disable()\` and collect at moments it
      chooses, say between two requests in a worker): fewer pauses, more memory held by garbage.

    Every collection stops the program while it runs (*stop the world*), and its cost grows with
    the number of tracked objects. Reference counting itself is no atomic operation: the global
    interpreter lock is what makes two threads' increments safe. Chapter 11 shows what reference
    counts do to memory shared between processes, and \`gc.freeze()\`.
  `),
  confirmed(`
    import gc
    gc.disable()
    print(gc.isenabled(), automatic_collections(5000))
    gc.enable()
    print(gc.isenabled(), gc.collect())
  `),
]);
