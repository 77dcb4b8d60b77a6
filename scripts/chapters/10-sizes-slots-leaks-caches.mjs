// Chapter 10, object sizes, __slots__, leaks, singletons and LRU caches: the sys.getsizeof table
// of an older CPython against 3.11, what getsizeof leaves out, __slots__, two kinds of leaks, a
// singleton with its bugs and its fix, an OrderedDict LRU and functools.lru_cache's linked ring.
// Run: node scripts/chapters/10-sizes-slots-leaks-caches.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated, versionOutput } from './chapter.mjs';

// What a 3.7 of today prints for the containers of the note's table: pymemlab's 3.7 profile and
// the real 3.7.16 must agree before the numbers go into the text.
const containers37 = Object.fromEntries(versionOutput(`
  import sys
  class B: pass
  for name, obj in (("list", []), ("tuple", ()), ("set", set()), ("instance", B())):
      print(name, sys.getsizeof(obj))
`, '3.7.16').trim().split('\n').map((line) => line.split(' ')));

await buildChapter('10-sizes-slots-leaks-caches.ipynb', [
  md(`
    # Object sizes, \`__slots__\`, leaks and caches

    This chapter measures objects, makes them smaller, finds memory that a program holds by
    mistake, and takes apart two least-recently-used caches. As in chapter 09, the first line of
    every code cell says whether real CPython 3.11 prints the same (**confirmed**, checked by the
    project's tests on \`python3\`) or whether the numbers are the simulation's own (**simulated**).
  `),
  md(`
    ## What \`sys.getsizeof\` measures

    \`sys.getsizeof(obj)\` calls the object's \`__sizeof__\` and adds the collector's header for
    objects the cycle collector tracks. It is the memory of the object itself: the things it
    refers to are separate objects and are not counted. The note ran this loop on CPython 3.7;
    here it runs on 3.11:
  `),
  confirmed(`
    import sys

    class A(object):
        pass

    class B:
        pass

    for x in (None, 1, 1.2, "c", [], (), {}, set(), B, B(), A, A()):
        print("{0:20s}\\t{1:d}".format(type(x).__name__, sys.getsizeof(x)))
  `),
  md(`
    Side by side with the note's numbers:

    | object | the note (CPython 3.7) | CPython 3.11 | why it changed |
    |---|---|---|---|
    | \`None\`, \`1\`, \`1.2\`, \`"c"\` | 16, 28, 24, 50 | 16, 28, 24, 50 | no change |
    | \`[]\` | 64 | 56 | the collector's header shrank from 24 to 16 bytes in 3.8 |
    | \`()\` | 48 | 40 | the same header |
    | \`{}\` | 240 | 64 | since 3.8 an empty dict has no table of its own; 3.7 allocated 8 slots at once |
    | \`set()\` | 224 | 216 | the header again |
    | a class | 1056 | 1688 | a class counts the keys table its instances' dicts share; 3.11 makes it big from the start (768 of the 1688 bytes) |
    | an instance | 56 | 56 | 3.11 drops the instance's dict pointer but adds a 16-byte pre-header |

    The note's container sizes come from 3.7.0 to 3.7.3, whose collector header was 24 bytes.
    3.7.4 aligned memory on 16 bytes and made that header 32 bytes, so a 3.7 built today prints
    8 bytes more for each container: list ${containers37.list}, tuple ${containers37.tuple}, set ${containers37.set}, instance
    ${containers37.instance} (pymemlab's \`--python 3.7\` profile prints these same numbers, and so does a real
    3.7.16).

    The \`%python\` magic restarts the kernel's interpreter as another CPython version. The 3.7.3
    profile has that release's 24-byte header and 8-byte alignment, and gives back the note's
    numbers for these objects (no 3.7.3 is at hand to confirm them, so they are the simulation's):
  `),
  simulated("CPython 3.7.3's layouts, from the engine's 3.7.3 profile", `
    %python 3.7.3
    import sys

    class B:
        pass

    for x in (None, 1, 1.2, "c", [], (), set(), B()):
        print("{0:20s}\\t{1:d}".format(type(x).__name__, sys.getsizeof(x)))
  `),
  md(`
    Back to 3.11 for the rest of the chapter (a fresh interpreter again):
  `),
  simulated('switches the simulated version', `
    %python 3.11
  `),
  md(`
    In 3.11 an instance's attribute values do not live in a dict until someone asks for
    \`__dict__\`: they sit in a small array that \`getsizeof\` does not count. Asking for \`__dict__\`
    builds the dict:
  `),
  confirmed(`
    import sys

    class Point:
        def __init__(self, x, y):
            self.x = x
            self.y = y

    p = Point(1, 2)
    print(sys.getsizeof(p))
    d = p.__dict__
    print(sys.getsizeof(d), d)
  `),
  md(`
    ## Counting what an object holds

    \`getsizeof\` of a list counts its pointer array, not the items. To know what a whole structure
    costs, walk it and add up every object once (shared objects, such as the small integers, are
    counted only the first time they are met):
  `),
  confirmed(`
    import sys

    def total_size(obj, seen=None):
        """The size of obj and of everything it contains, each object counted once."""
        seen = set() if seen is None else seen
        if id(obj) in seen:
            return 0
        seen.add(id(obj))
        size = sys.getsizeof(obj)
        if isinstance(obj, dict):
            size += sum(total_size(k, seen) + total_size(v, seen) for k, v in obj.items())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            size += sum(total_size(item, seen) for item in obj)
        return size

    record = {"name": "Ada", "langs": ["en", "fr"], "born": 1815}
    print(sys.getsizeof(record), total_size(record))
    rows = [[1000 + i, 2000 + i] for i in range(100)]
    print(sys.getsizeof(rows), total_size(rows))
  `),
  md(`
    ## \`__slots__\`

    A class that lists its attributes in \`__slots__\` gets a fixed place for each of them inside
    the instance, and no \`__dict__\` at all. Instances are smaller, and assigning an attribute that
    is not listed fails:
  `),
  confirmed(`
    import sys

    class SlotPoint:
        __slots__ = ("x", "y")
        def __init__(self, x, y):
            self.x = x
            self.y = y

    s = SlotPoint(1, 2)
    print(sys.getsizeof(s), hasattr(s, "__dict__"))
    try:
        s.z = 3
    except AttributeError as error:
        print("AttributeError:", error)
  `),
  md(`
    \`getsizeof\` sees only 8 bytes of difference (56 against 48), which hides most of it: the
    ordinary instance also owns the array of its attribute values, and \`getsizeof\` does not
    count that array. \`tracemalloc\` sees every allocation, so building ten thousand of each
    tells the real cost per instance:
  `),
  confirmed(`
    import gc, tracemalloc

    def traced_bytes(make, n=10_000):
        gc.collect()
        tracemalloc.start()
        objects = [make(i) for i in range(n)]
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return size

    extra = traced_bytes(lambda i: Point(i, i)) - traced_bytes(lambda i: SlotPoint(i, i))
    print("an ordinary instance costs", extra // 10_000, "bytes more")
  `),
  md(`
    The note warns that attribute access gets slower with \`__slots__\` (a linear search instead of a
    dict lookup). That is not how slots work: each slot is a descriptor stored in the class, found
    by the same lookup as any class attribute, which then reads the value at a fixed offset inside
    the instance. Slot access is at least as fast as a dict attribute. The real costs are elsewhere:
    no new attributes at run time, no \`__dict__\` unless you list it, no weak references unless you
    list \`__weakref__\`, and every class in the hierarchy must declare slots for the saving to hold.

    (The note also compares \`__slots__\` with \`__all__\`, which has nothing to do with memory: a
    module's \`__all__\` only names what \`from module import *\` imports.)

    ## Leaks

    Python frees an object when nothing refers to it any more. A program "leaks" when something
    long-lived keeps referring to objects nobody needs. The first classic case is a module-level
    container that only grows, as in the note's example where an early \`return\` skips the
    clean-up:
  `),
  confirmed(`
    _cache = []

    class Obj:
        pass

    def func_to_leak():
        o = Obj()
        _cache.append(o)
        if True:
            return
        _cache.remove(o)   # never reached

    for _ in range(1000):
        func_to_leak()
    print(len(_cache), "objects kept alive by _cache")
  `),
  md(`
    Clean up in a \`finally\` clause, or, when the cache should only *know* the objects while someone
    else uses them, keep weak references: a \`weakref.WeakSet\` drops an entry when its object dies.
  `),
  confirmed(`
    import weakref

    _live = weakref.WeakSet()

    def tracked():
        o = Obj()
        _live.add(o)
        return o

    kept = [tracked() for _ in range(3)]
    for _ in range(1000):
        tracked()
    print(len(_live), "objects tracked, the ones still in use")
  `),
  md(`
    The second case is a reference cycle. The note's connection keeps a handler, and the handler
    keeps its connection. Reference counting cannot free them; they wait for the cycle collector,
    which may be a long time in a program that allocates few containers (or forever, with
    \`gc.disable()\`). Since Python 3.4 cycles whose objects have \`__del__\` are collected too (PEP
    442); before that they ended up in \`gc.garbage\`, which is what the note means by "a cycle with
    \`__del__\`".
  `),
  confirmed(`
    import gc

    class ConnectionHandler:
        def __init__(self, connection):
            self._conn = connection

    class Connection:
        def __init__(self):
            self._conn_handler = ConnectionHandler(self)
        def __del__(self):
            print("connection closed")

    gc.collect()
    c = Connection()
    del c
    print("after del: nothing freed yet")
    print("gc.collect() found", gc.collect())
  `),
  md(`
    Breaking the cycle with a weak reference from the child to its parent lets reference counting
    free both at once:
  `),
  confirmed(`
    import weakref

    class WeakHandler:
        def __init__(self, connection):
            self._conn = weakref.ref(connection)

    class WeakConnection(Connection):
        def __init__(self):
            self._conn_handler = WeakHandler(self)

    c = WeakConnection()
    del c
    print("after del")
  `),
  md(`
    ## A singleton, with its bugs

    A singleton class returns the same instance every time it is called. The note's version, as
    written, has three mistakes: the class attribute is spelled \`_instence\`, \`__new__\` reads a
    global \`_instance\` instead of \`cls._instance\`, and \`super(Foo)\` is an *unbound* super object
    whose \`__new__\` is \`super.__new__\`, which cannot build a \`Foo\`. The first call fails:
  `),
  confirmed(`
    class Foo(object):
        _instence = None
        def __new__(cls):
            if _instance == None:
                cls._instance = super(Foo).__new__(cls)
            return cls._instance

    Foo()
  `, ['raises-exception']),
  md(`
    With a global \`_instance\` defined (so that the lookup succeeds) the third mistake shows:
  `),
  confirmed(`
    _instance = None
    Foo()
  `, ['raises-exception']),
  md(`
    The fix reads and writes the attribute on the class, compares with \`is None\`, and calls
    \`super().__new__(cls)\`. Remember that \`__init__\`, if the class has one, still runs on every
    call:
  `),
  confirmed(`
    class Foo:
        _instance = None
        def __new__(cls):
            if cls._instance is None:
                cls._instance = super().__new__(cls)
            return cls._instance
        def __init__(self):
            print("__init__ runs again")

    a = Foo()
    b = Foo()
    print(a is b)
  `),
  md(`
    A singleton lives as long as its class: whatever it refers to is never freed, which is the
    global-cache leak above in disguise.

    ## An LRU cache with OrderedDict

    A least-recently-used cache keeps at most \`capacity\` entries; when it is full, the entry
    that was used longest ago goes. The bet is that what was not used recently will not be needed
    soon. An \`OrderedDict\` remembers insertion order and can move a key to the end, which is all
    an LRU needs. The note's version has two bugs:

    * \`if self.cache.get(key, None):\` treats a cached \`0\`, \`""\` or \`None\` as a miss;
    * \`set\` on an existing key pops the **old** value and puts it back, so the new value is lost.
  `),
  confirmed(`
    from collections import OrderedDict

    class NoteLRUCache(OrderedDict):
        def __init__(self, capacity):
            self.capacity = capacity
            self.cache = OrderedDict()

        def get(self, key):
            if self.cache.get(key, None):
                value = self.cache.pop(key)
                self.cache[key] = value
            else:
                value = None
            return value

        def set(self, key, value):
            if self.cache.get(key, None):
                value = self.cache.pop(key)
                self.cache[key] = value
            else:
                if len(self.cache) == self.capacity:
                    self.cache.popitem(last=False)
                self.cache[key] = value

    lru = NoteLRUCache(2)
    lru.set("a", 1)
    lru.set("a", 2)
    print(lru.get("a"))
    lru.set("zero", 0)
    print(lru.get("zero"), "zero" in lru.cache)
  `),
  md(`
    A corrected version tests membership with \`in\`, stores the new value, and lets \`OrderedDict\`
    do the moving (\`move_to_end\`) and the evicting (\`popitem(last=False)\` removes the oldest):
  `),
  confirmed(`
    from collections import OrderedDict

    class LRUCache:
        def __init__(self, capacity):
            self.capacity = capacity
            self.entries = OrderedDict()

        def get(self, key, default=None):
            if key not in self.entries:
                return default
            self.entries.move_to_end(key)
            return self.entries[key]

        def set(self, key, value):
            if key in self.entries:
                self.entries.move_to_end(key)
            elif len(self.entries) == self.capacity:
                self.entries.popitem(last=False)
            self.entries[key] = value

    lru = LRUCache(2)
    lru.set("a", 1)
    lru.set("a", 2)
    lru.set("zero", 0)
    print(lru.get("a"), lru.get("zero"))
    lru.get("a")              # "a" is now the most recent
    lru.set("b", 3)           # evicts "zero"
    print(list(lru.entries.items()))
  `),
  md(`
    ## Inside \`functools.lru_cache\`

    The standard library's decorator does the same job without an \`OrderedDict\`. Its pure Python
    version (the C version in \`_functools\` follows the same design) keeps:

    * a dict from a key built from the call's arguments to a **link**, a 4-item list
      \`[prev, next, key, result]\`;
    * a circular doubly linked list of those links, with a \`root\` link that holds no entry. The
      link just after \`root\` is the oldest, the one just before it the newest.

    A hit unlinks the entry's link and relinks it just before \`root\`: O(1), no searching. A miss
    on a full cache does not allocate anything: it writes the new key and result into the old
    \`root\` link, makes the oldest link the new \`root\`, empties it and deletes its key from the
    dict. A lock guards the list, because another thread may call the function while it runs.

    Here is that ring in a few lines, with a method that lists the keys from oldest to newest:
  `),
  confirmed(`
    PREV, NEXT, KEY, RESULT = 0, 1, 2, 3

    class Ring:
        def __init__(self, maxsize):
            self.maxsize = maxsize
            self.links = {}
            self.root = []
            self.root[:] = [self.root, self.root, None, None]

        def order(self):
            keys, link = [], self.root[NEXT]
            while link is not self.root:
                keys.append(link[KEY])
                link = link[NEXT]
            return keys

        def hit(self, key):
            link = self.links[key]
            link[PREV][NEXT], link[NEXT][PREV] = link[NEXT], link[PREV]   # unlink
            last = self.root[PREV]
            last[NEXT] = self.root[PREV] = link                            # relink before root
            link[PREV], link[NEXT] = last, self.root
            return link[RESULT]

        def add(self, key, result):
            if len(self.links) < self.maxsize:
                last = self.root[PREV]
                link = [last, self.root, key, result]
                last[NEXT] = self.root[PREV] = self.links[key] = link
                return
            old_root = self.root                 # reuse the root link for the new entry
            old_root[KEY], old_root[RESULT] = key, result
            self.root = old_root[NEXT]           # the oldest link becomes the root
            del self.links[self.root[KEY]]
            self.root[KEY] = self.root[RESULT] = None
            self.links[key] = old_root

    ring = Ring(3)
    for k in "abc":
        ring.add(k, k.upper())
    print(ring.order())
    print(ring.hit("a"), ring.order())
    ring.add("d", "D")
    print(ring.order(), sorted(ring.links))
  `),
  md(`
    The note's demonstration: a cache of five entries, the function called for 0 to 4 twice.
    The body runs only the first time; the second round is five hits. A sixth key evicts the
    oldest, 0, which then has to be computed again:
  `),
  confirmed(`
    from functools import lru_cache

    @lru_cache(5)
    def demo(i):
        print("demo", i)
        return i

    for i in range(5):
        demo(i)
    for i in range(5):
        demo(i)
    print(demo.cache_info())
    demo(5)
    demo(0)
    print(demo.cache_info())
  `),
  md(`
    \`%lru\` shows a cached function's statistics and what its cache holds, and with a statement
    to run, charts the hit rate call by call. Seven keys cycling through a cache of five: each
    key is evicted just before it comes back, so the LRU rule never hits.
  `),
  simulated('the cache as the simulated interpreter holds it', `
    from functools import lru_cache

    @lru_cache(5)
    def quiet(i):
        return i

    %lru quiet [quiet(i % 7) for i in range(21)]
  `),
  md(`
    The rest of the interface: \`typed=True\` caches \`f(3)\` and \`f(3.0)\` separately,
    \`maxsize=None\` turns the LRU logic off and lets the cache grow without bound (a plain dict,
    and a leak if the arguments never repeat), \`cache_clear()\` empties it and \`__wrapped__\` is the
    undecorated function. A cache holds strong references to every argument and result it keeps:
  `),
  confirmed(`
    from functools import lru_cache
    import weakref

    class Big:
        pass

    @lru_cache(maxsize=None)
    def load(name):
        return Big()

    alive = weakref.ref(load("report"))
    print(alive() is not None, load.cache_info().currsize)
    load.cache_clear()
    print(alive() is None, load.cache_info())

    @lru_cache(typed=True)
    def square(x):
        return x * x

    square(3), square(3.0), square(3)
    print(square.cache_info(), square.__wrapped__(4))
  `),
]);
