// Chapter 07, using less RAM: what a collection of many numbers costs as a list, an array.array
// and bytes, the cost of strings by their widest character, and a Bloom filter measured.
// Run: node scripts/chapters/07-using-less-ram.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated, versionOutput } from './chapter.mjs';

// The note's numbers came from CPython 3.7: the engine's 3.7 profile and a real 3.7.16 agree on them.
const sizes37 = versionOutput(`
  import sys
  print("int 0:", sys.getsizeof(0), " int 1:", sys.getsizeof(1), " b'':", sys.getsizeof(b""), " []:", sys.getsizeof([]))
`, '3.7.16').trim();

await buildChapter('07-using-less-ram.ipynb', [
  md(`
    # Using less RAM

    A Python program that holds a million numbers rarely holds a million *numbers*: it holds a
    million objects, each with a header, and a million pointers to them. This chapter measures
    what that costs, and what it costs instead when the numbers are packed into an
    \`array.array\` or \`bytes\`, when text is stored as \`str\`, and when a set is replaced by a
    probabilistic structure, a Bloom filter, that gives up certainty to use a few bits per item.

    Cells that start with \`# confirmed\` print on the real CPython 3.11 exactly what is stored
    here (the project's tests re-run them on \`python3\`). Cells that start with \`# simulated\` show
    what only the simulated interpreter can show: its heap, or its resident memory.
  `),
  md(`
    ## What one number costs

    An \`int\` is an object: a reference count, a pointer to its type, a length, then its digits,
    30 bits each. Zero has no digits in 3.11 but still reserves one; every digit past the first
    adds 4 bytes:
  `),
  confirmed(`
    import sys
    for value in (0, 1, 2**30 - 1, 2**30, 2**60, 2**90):
        print(f"{value:>28}  {sys.getsizeof(value)} bytes")
  `),
  md(`
    The note says an int costs 24 bytes, an empty \`bytes\` 33 and an empty list 64, "plus 8 bytes for
    each item". Those are CPython 3.7's numbers: 24 was the size of *zero*, which then had no digit
    at all (every other small int took 28), and a 3.7 list carried a header for the garbage
    collector whose size depended on the platform's alignment: 24 bytes where the note was
    measured, 32 on 64-bit Linux. 3.8 shrank that header to 16 bytes everywhere. On Linux, 3.7
    prints this (the engine's 3.7 profile and a real 3.7.16 print the same line):

    \`\`\`text
    ${sizes37}
    \`\`\`

    In 3.11 the same objects:
  `),
  confirmed(`
    import sys
    print("int 0:", sys.getsizeof(0), " int 1:", sys.getsizeof(1), " b'':", sys.getsizeof(b""), " []:", sys.getsizeof([]))
  `),
  md(`
    ## A list of numbers

    A list stores pointers, 8 bytes each on a 64-bit machine, and \`sys.getsizeof\` counts only
    those. The int objects they point to are separate, 28 bytes each for numbers below 2**30
    (pymalloc rounds each up to a 32-byte block). Only -5..256 are shared, cached by the
    interpreter; every other value is an object of its own:
  `),
  confirmed(`
    import sys
    n = 100_000
    numbers = list(range(n))
    pointers = sys.getsizeof(numbers)
    objects = sum(sys.getsizeof(x) for x in numbers)
    print(f"list:        {pointers:>9,} bytes  ({pointers / n:.2f} per item)")
    print(f"int objects: {objects:>9,} bytes  ({objects / n:.2f} per item)")
    print(f"total:       {pointers + objects:>9,} bytes  ({(pointers + objects) / n:.2f} per item)")
  `),
  md(`
    So 36 bytes per number, of which 8 at most hold the value. The \`%getsizeof --deep\` magic walks
    what the list references, as the simulated heap holds it, counts each object once, and draws
    the list's layout:
  `),
  simulated("the simulated heap's objects reachable from the list", `
    %getsizeof numbers --deep
  `),
  md(`
    ## array.array: the values themselves, packed

    The \`array\` module stores machine values in one block, like a C array: no object per item,
    no pointer. Each type code fixes the width of an item and the range it can hold:
  `),
  confirmed(`
    import array, sys
    for code in "bBhHiIlLqQfd":
        a = array.array(code, [1] * 1000)
        print(f"{code!r}: {a.itemsize} byte(s) an item, 1000 items take {sys.getsizeof(a):>5} bytes")
  `),
  md(`
    The same hundred thousand numbers, as 8-byte \`'l'\` items and as 4-byte \`'i'\` items (they all
    fit in 32 bits):
  `),
  confirmed(`
    import array, sys
    as_long = array.array("l", range(n))
    as_int = array.array("i", range(n))
    for name, a in (("array 'l'", as_long), ("array 'i'", as_int)):
        print(f"{name}: {sys.getsizeof(a):>9,} bytes  ({sys.getsizeof(a) / n:.2f} per item)")
    packed = array.array("i", as_int)  # a copy sized exactly
    print(f"exact copy: {sys.getsizeof(packed):>8,} bytes")
  `),
  md(`
    Built from an iterator, whose length the array cannot know in advance, the array grows as
    a list does, with some spare room at the end (the 8.17 and 4.08 bytes per item); a copy from
    another array is allocated at its exact size. Appending shows the growth steps:
  `),
  confirmed(`
    import array, sys
    a = array.array("l")
    last = sys.getsizeof(a)
    steps = [(0, last)]
    for i in range(1, 100):
        a.append(i)
        if sys.getsizeof(a) != last:
            last = sys.getsizeof(a)
            steps.append((i, last))
    print(steps)
  `),
  md(`
    The price of packing: a value outside the type's range cannot be stored, and every read
    builds a new int object from the stored bytes, so the array saves memory while it holds the
    numbers, not while you compute with them.
  `),
  confirmed(`
    import array
    try:
        array.array("b", [100, 200])
    except OverflowError as error:
        print("OverflowError:", error)
    a = array.array("l", [1000, 2000])
    print(a[0] is a[0], type(a[0]))
  `),
  md(`
    For numbers from 0 to 255, \`bytes\` (immutable) and \`bytearray\` (mutable) are arrays of one
    byte per item too, with 33 bytes of header for \`bytes\` (the value ends with a hidden zero
    byte, as C strings do) and 56 for a \`bytearray\`, whose items live in a separate block:
  `),
  confirmed(`
    import sys
    small = [i % 256 for i in range(n)]
    print(f"list:      {sys.getsizeof(small):>9,} bytes (the ints are the shared cached ones)")
    print(f"bytes:     {sys.getsizeof(bytes(small)):>9,} bytes")
    print(f"bytearray: {sys.getsizeof(bytearray(small)):>9,} bytes")
  `),
  md(`
    ## How much the process grows

    \`sys.getsizeof\` counts objects; the operating system counts pages. \`%memit\` reports, as
    memory_profiler does, the peak resident set size of the (simulated) process while a statement
    runs, and the increment over the size before it. A million numbers as a list, then as an array:
  `),
  simulated("the simulated process's resident memory", `
    %memit million = list(range(1_000_000))
  `),
  simulated("the simulated process's resident memory", `
    del million
    %memit million = array.array("l", range(1_000_000))
  `),
  md(`
    The list adds about 38 MiB: 8 MB of pointers and 32 MB of 32-byte int blocks. The array adds
    about a third of that. Its final 8 MB are not the whole story: built from an iterator, it grows
    step by step, and each step may copy the items into a larger block while the old one is
    still held, so the peak is higher than what stays.

    ## Strings are arrays too

    A \`str\` stores its characters in one of three widths, chosen by its *widest* character:
    1 byte for ASCII and Latin-1, 2 bytes up to U+FFFF, 4 bytes beyond. The header is 40 bytes
    for ASCII, 56 otherwise (it keeps room for a UTF-8 copy), plus a terminating character:
  `),
  confirmed(`
    import sys
    print("empty:", sys.getsizeof(""), "bytes")
    for char in ("a", "é", "€", "😀"):
        per_char = sys.getsizeof(char * 100) - sys.getsizeof(char * 99)
        print(f"{char!r}: {sys.getsizeof(char):>3} bytes alone, {per_char} more for each further one")
  `),
  md(`
    One wide character widens all of them. A thousand ASCII letters take 1049 bytes. Appending
    "é" keeps one byte a character (it is Latin-1) but moves to the larger header; a euro sign
    doubles the size, an emoji quadruples it:
  `),
  confirmed(`
    import sys
    text = "x" * 1000
    print(sys.getsizeof(text), sys.getsizeof(text + "é"), sys.getsizeof(text + "€"), sys.getsizeof(text + "😀"))
  `),
  md(`
    Many short strings cost their headers: a word of five letters is a 54-byte object. Keeping
    a large vocabulary as one long string and positions into it, or as encoded \`bytes\`, is the
    same trade as the array of numbers.

    ## Bloom filters: a set that may say "maybe"

    To answer "have I seen this key?" a \`set\` keeps every key. A **Bloom filter** keeps only an
    array of *m* bits. Adding a key sets *k* bits, chosen by *k* hash functions; a lookup checks
    those *k* bits. If any is clear, the key was never added. If all are set, the key was
    *probably* added: other keys may have set those bits. There are no false negatives, and the
    rate of false positives is chosen in advance.

    For *n* keys and a false-positive rate *p*, the best sizes are

    $$m = -\\frac{n \\ln p}{(\\ln 2)^2}, \\qquad k = \\frac{m}{n} \\ln 2,$$

    which the note writes as \`num_bits = int((-capacity * math.log(error)) // math.log(2) ** 2 + 1)\`
    and \`num_hashes = int((num_bits * math.log(2)) // capacity + 1)\`. For 1% that is about 9.6 bits
    and 7 hashes per key, whatever the keys are.

    The filter below derives its *k* positions from two CRC-32 checksums of the key (the
    "double hashing" trick: position *i* is \`h1 + i*h2\`), so that its results do not depend on
    Python's randomised string hashes and are the same on every run:
  `),
  confirmed(`
    import binascii, math, sys

    class BloomFilter:
        """Answers "no" or "probably" for membership, in a fixed number of bits."""

        def __init__(self, capacity, error_rate=0.01):
            self.num_bits = int(-capacity * math.log(error_rate) / math.log(2) ** 2) + 1
            self.num_hashes = int(self.num_bits * math.log(2) / capacity) + 1
            self.bits = bytearray((self.num_bits + 7) // 8)

        def _positions(self, key):
            data = key.encode()
            first = binascii.crc32(data)
            step = binascii.crc32(data, 0x9E3779B9) | 1  # odd, so the k positions differ
            return [(first + i * step) % self.num_bits for i in range(self.num_hashes)]

        def add(self, key):
            for p in self._positions(key):
                self.bits[p >> 3] |= 1 << (p & 7)

        def __contains__(self, key):
            return all(self.bits[p >> 3] & (1 << (p & 7)) for p in self._positions(key))

    keys = [f"user-{i}" for i in range(10_000)]
    seen = BloomFilter(capacity=len(keys), error_rate=0.01)
    for key in keys:
        seen.add(key)
    print(f"{seen.num_bits} bits, {seen.num_hashes} hashes, {sys.getsizeof(seen.bits):,} bytes of bytearray")
  `),
  md(`
    Every added key is found, and keys never added are reported present about 1% of the time:
  `),
  confirmed(`
    print("all added keys found:", all(key in seen for key in keys))
    strangers = [f"guest-{i}" for i in range(10_000)]
    false_positives = sum(key in seen for key in strangers)
    print(f"false positives: {false_positives} of {len(strangers)} ({false_positives / len(strangers):.2%})")
  `),
  md(`
    The same keys in a set: the table alone takes forty times the filter's bytes, and the strings
    it points to as much again.
  `),
  confirmed(`
    import sys
    as_set = set(keys)
    for what, size in (("set table", sys.getsizeof(as_set)),
                       ("strings", sum(sys.getsizeof(key) for key in keys)),
                       ("filter", sys.getsizeof(seen.bits))):
        print(f"{what:>9}: {size:>9,} bytes, {8 * size / len(keys):6.1f} bits per key")
  `),
  md(`
    A filter cannot list its keys, nor remove one (clearing a bit might remove others too), and
    once more keys are added than it was sized for, its false-positive rate climbs quickly. Add
    20,000 more and measure again:
  `),
  confirmed(`
    for i in range(10_000, 30_000):
        seen.add(f"user-{i}")
    false_positives = sum(key in seen for key in strangers)
    print(f"false positives at 3x capacity: {false_positives / len(strangers):.2%}")
  `),
  md(`
    ## In short

    | holding 100,000 numbers below 2**31 | bytes per number (3.11) |
    |---|---|
    | list of ints | about 36 (8 pointer + 28 object) |
    | \`array.array('l')\` / \`('i')\` | 8 / 4 |
    | \`bytes\` (values 0..255 only) | 1 |
    | Bloom filter, 1% errors (membership only) | about 1.2 |

    The sizes of objects are confirmed by CPython 3.11; the resident-memory increments of
    \`%memit\` and the deep walk of \`%getsizeof\` are the simulation's.
  `),
]);
