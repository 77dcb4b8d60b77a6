// Chapter 02, dicts and sets: hash tables and their probing, resizing of dicts and sets, what
// makes a type hashable, and the namespaces Python looks names up in.
// Run: node scripts/chapters/02-dicts-and-sets.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

await buildChapter('02-dicts-and-sets.ipynb', [
  md(`
    # Dicts and sets

    A list finds an item by its position. A dict finds a value by its *key*, and a set answers
    "is this in here?", both in about the same time whatever their size. Both are **hash
    tables**: the key's hash picks a slot, and only the few keys that land on the same slots
    are ever compared.

    Every code cell of this chapter starts with \`# confirmed\`: real CPython 3.11 prints the same
    output, and the project's tests run each of these cells on \`python3\` to make sure.
  `),
  md(`
    ## Finding a slot: open addressing

    A table has a power-of-two number of slots, so the low bits of the hash (\`hash & mask\`) give
    the first slot to try. If that slot holds another key, CPython does not chain entries: it
    tries another slot of the same table (*open addressing*). The next slot comes from a
    recurrence that mixes in the higher bits of the hash, five at a time, so that keys whose low
    bits agree soon go different ways:

    \`\`\`text
    perturb = hash
    i = (i * 5 + perturb + 1) & mask      after  perturb >>= 5
    \`\`\`

    Written as a generator, the slots a key visits in a table of 8:
  `),
  confirmed(`
    def probe_sequence(key, mask=0b111, perturb_shift=5):
        """The slots a dict or set of 8 slots tries for key, in order."""
        perturb = hash(key) & 0xFFFF_FFFF_FFFF_FFFF   # the hash as an unsigned 64-bit number
        i = perturb & mask
        while True:
            yield i
            perturb >>= perturb_shift
            i = (i * 5 + perturb + 1) & mask

    from itertools import islice
    for key in (1, 9, 33, 1025, 12345678, -1):
        print(f"{key:>9} hash {hash(key):>9}  slots {list(islice(probe_sequence(key), 6))}")
  `),
  md(`
    1, 9, 33 and 1025 all start at slot 1, because their low three bits agree. 1 and 9 differ
    only in a bit that the mask hides and the first shift drops, so they follow the same path;
    33 and 1025 have higher bits set, and those bits send them elsewhere from the second try on.
    The note this chapter follows wrote this loop as \`index_sequence\`; its \`perturb = hash(key) 1\`
    lost a character (it reads the hash). The small integers hash to themselves, except -1, which
    is reserved for "error" in C and hashes to -2.

    The \`%dict\` magic draws a dict's table as the simulated interpreter holds it: the sparse
    indices, the dense entries in insertion order, and the slots a lookup visits. Real CPython
    keeps this table out of sight, but builds it the same way. Looking up 33 in a table that
    already holds 1 and 9 has to step past their slot:
  `),
  simulated('CPython does not show its tables; the simulation draws its own', `
    table = {1: "one", 9: "nine", 33: "thirty-three"}
    %dict table --probe 33
  `),
  md(`
    Collisions cost comparisons. A key type whose \`__hash__\` is the same for every object puts
    all keys on one probe sequence, and each insertion compares the new key with every key
    already met on the way. Counting the calls to \`__eq__\` shows it:
  `),
  confirmed(`
    class Key:
        comparisons = 0
        def __init__(self, value, spread=True):
            self.value = value
            self.spread = spread
        def __hash__(self):
            return hash(self.value) if self.spread else 42
        def __eq__(self, other):
            Key.comparisons += 1
            return self.value == other.value

    for spread in (True, False):
        Key.comparisons = 0
        table = {Key(i, spread): i for i in range(100)}
        print("distinct hashes" if spread else "one hash       ", Key.comparisons, "comparisons")
  `),
  md(`
    With distinct hashes no key is ever compared: a slot holding another key whose stored hash
    differs is passed over without calling \`__eq__\`. With one shared hash, each insertion compares
    the new key with every key already there: at least 0 + 1 + ... + 99 = 4950 comparisons, a few
    more because the early steps of a probe sequence can visit a slot twice. Building such a dict
    takes quadratic time.

    ## How a dict grows

    Since 3.6 a dict is two arrays: a sparse table of small *indices* (one byte each while the
    table has at most 128 slots) and a dense array of *entries* (hash, key, value) in insertion
    order, which is why dicts keep that order. A table of \`n\` slots accepts \`2n/3\` entries. The
    next insertion rebuilds it with room for three times the number of items, rounded up to a
    power of two. An empty dict shares a static empty table and costs 64 bytes:
  `),
  confirmed(`
    import sys

    def print_growth(container, add, count=2000):
        """Adds count items one by one, printing the size each time it changes."""
        last = sys.getsizeof(container)
        print(f"{0:>5} items {last:>6} bytes")
        for n in range(1, count):
            add(container, n)
            size = sys.getsizeof(container)
            if size != last:
                print(f"{n:>5} items {size:>6} bytes")
                last = size

    print_growth({}, lambda d, n: d.__setitem__(n, None))
  `),
  md(`
    The table holds 8 slots (5 usable), then 16 (10), 32 (21), 64 (42), 128 (85), 256 (170) and
    so on; each step is taken when the previous table is full. The book the note follows gives the
    sizes at which older dicts resized, \`8; 18; 39; 81; 165; 333; 669; ...\`, from the rule "grow by
    3x when more than two-thirds full" with an older notion of fullness (deleted slots counted too).

    Deleting keys never shrinks a dict: the table is only rebuilt by an insertion that finds it full,
    and \`copy()\` or \`dict(d)\` builds a fresh one that fits:
  `),
  confirmed(`
    import sys
    d = {n: None for n in range(1000)}
    for n in range(995):
        del d[n]
    print(len(d), sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
  `),
  md(`
    ## Sets

    A set is a hash table without values: each slot holds a key and its hash, and the table is
    the object's own memory. It starts with 8 slots kept inside the set object, and grows when more
    than three fifths of the slots are filled, to four times the number of items (twice, past
    50000), rounded up to a power of two:
  `),
  confirmed(`
    print_growth(set(), set.add)
  `),
  md(`
    ## What can be a key

    A dict or set needs two things from a key: a hash that never changes while the key is in the
    table, and an equality test consistent with it (objects that compare equal must hash equal).
    In Python 3 that means \`__hash__\` together with \`__eq__\` (the note's \`__cmp__\` is Python 2's).

    * numbers, strings, bytes, \`None\` and tuples of hashable items are hashable;
    * lists, dicts and sets are not: they can change, and a changed key would sit in the wrong slot;
    * instances of your classes hash by identity, until you define \`__eq__\`: then Python sets
      \`__hash__\` to \`None\`, and you must write a \`__hash__\` that agrees with your \`__eq__\`.
  `),
  confirmed(`
    for value in (1, 1.0, "a", (1, 2), (1, [2]), [1, 2], {1: 2}, frozenset({1})):
        try:
            hash(value)
            print(f"{value!r:12} hashable")
        except TypeError as error:
            print(f"{value!r:12} TypeError: {error}")
    print(hash(1) == hash(1.0) == hash(True), len({1, 1.0, True}))
  `),
  confirmed(`
    class Point:
        def __init__(self, x, y):
            self.x, self.y = x, y
        def __eq__(self, other):
            return (self.x, self.y) == (other.x, other.y)

    print(Point.__hash__)
    try:
        {Point(1, 2)}
    except TypeError as error:
        print("TypeError:", error)

    class HashablePoint(Point):
        def __hash__(self):
            return hash((self.x, self.y))

    print(len({HashablePoint(1, 2), HashablePoint(1, 2), HashablePoint(2, 1)}))
  `),
  md(`
    ## Namespaces are dicts

    When a function uses a name, Python looks in three places, in order: the function's own
    **locals**, the module's **globals**, then the **builtins**. Globals and builtins are plain
    dicts (\`globals()\`, \`builtins.__dict__\`), so each lookup there is a hash-table lookup. Locals
    are different: the compiler numbers a function's local variables and keeps them in an array
    of the frame, so reading one is an index, with no hashing at all.

    The compiler decides which kind each name is. A code object lists its local names in
    \`co_varnames\` and the names it will look up by hashing in \`co_names\`:
  `),
  confirmed(`
    import math

    def global_lookup(x):
        return math.sin(x)          # global "math", then attribute "sin"

    def imported_name(x):
        return sin(x)               # one global lookup

    def local_name(x, sin=math.sin):
        return sin(x)               # a local variable: no dict at all

    from math import sin
    for f in (global_lookup, imported_name, local_name):
        print(f"{f.__name__:14} locals {f.__code__.co_varnames}  looked up by name {f.__code__.co_names}")
  `),
  md(`
    The chain in action: a global shadows a builtin, a local shadows both, and deleting the global
    brings the builtin back:
  `),
  confirmed(`
    import builtins

    def show():
        return len("abc")

    print(show())
    len = lambda obj: "the global len"
    print(show())

    def shadowed():
        len = lambda obj: "the local len"
        return len("abc")

    print(shadowed())
    del len
    print(show(), "len" in builtins.__dict__, "len" in globals())
  `),
  md(`
    That is why a hot loop sometimes binds a global function to a local name first: each call
    saves a dict lookup or two (one in globals, and for \`math.sin\` one more in the module's own
    dict). CPython 3.11 caches global lookups inside the bytecode and the saving is smaller than it
    was, but a local name is still the cheapest to read.
  `),
]);
