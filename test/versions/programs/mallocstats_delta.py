# What sys._debugmallocstats() reports about a program's own blocks: the change in blocks in use
# of each size class after a program allocates a few thousand objects of chosen sizes, and after
# it frees them. (The absolute numbers hold the interpreter's start-up heap as well.)
import os
import sys


def report():
    # Through a pipe: file objects would leave blocks of their own between two reports.
    r, w = os.pipe()
    saved = os.dup(2)
    os.dup2(w, 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(w)
    text = os.read(r, 1 << 20)
    os.close(r)
    return text


def parse(text):
    """Blocks in use and available per size class, and the bytes in allocated blocks."""
    classes = {}
    allocated = None
    for line in text.decode().splitlines():
        cols = line.split()
        if len(cols) == 5 and all(c.isdigit() for c in cols):
            classes[int(cols[1])] = (int(cols[3]), int(cols[4]))
        elif line.startswith('# bytes in allocated blocks'):
            allocated = int(line.split('=')[1].replace(',', ''))
    return classes, allocated


# The reports are parsed at the end, so that nothing but the program's own blocks changes between
# them (a report's text is too big for pymalloc).
header = sys.getsizeof(b'')
sizes = (208, 304, 400, 496)
blocks = [None] * (2000 * len(sizes))
texts = [report(), None, None, None]
i = 0
for size in sizes:
    for _ in range(2000):
        blocks[i] = bytes(size - header)
        i += 1
texts[1] = report()
for i in range(0, len(blocks), 2):
    blocks[i] = None
texts[2] = report()
del blocks
texts[3] = report()
first, second, third, fourth = map(parse, texts)
for name, (before, bytes_before), (after, bytes_after) in (
        ('allocated', first, second), ('half freed', second, third), ('all freed', second, fourth)):
    used = [(size, after.get(size, (0, 0))[0] - before.get(size, (0, 0))[0]) for size in sizes]
    print(name, used, bytes_after - bytes_before)
print('available after half freed', [third[0][size][1] - second[0][size][1] for size in sizes])
