# tracemalloc attributes each block to the line its frame is running when it is allocated: the
# line of the expression inside a multi-line statement, the comprehension's own line, the line
# of a for loop's header for the values its iterator makes.
import os
import tracemalloc


def where(frame):
    return f'{os.path.basename(frame.filename)}:{frame.lineno}'


def repeated(n):
    return [b'x' * (n + k) for k in range(3)]


tracemalloc.start()
data = [
    bytes(1000 + i)
    for i in range(5)
]
text = ''.join(
    str(i) * 300
    for i in range(4)
)
big = bytearray(
    20000,
)
parts = repeated(
    5000)
pairs = {
    i: bytes(
        2000 + i)
    for i in range(3)
}
numbers = []
for n in range(10**6, 10**6 + 400):
    numbers.append(n)
mixed = (bytes(3000), bytearray(
    4000), 'y' * 5000)
snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
# Blocks of 100 bytes and more, and the loop's ints (32 bytes each): small containers can come
# from free lists the interpreter's start-up filled, which tracemalloc does not see again.
lines = {}
for trace in snapshot.traces:
    if trace.size >= 100 or trace.size == 32:
        total = lines.setdefault(where(trace.traceback[0]), [0, 0])
        total[0] += trace.size
        total[1] += 1
for line, (size, count) in sorted(lines.items(), key=lambda item: (-item[1][0], item[0])):
    print(line, size, count)
tracemalloc.stop()
