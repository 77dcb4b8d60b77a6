# glibc's dynamic mmap threshold, seen from Python: a 200 kB bytes object is first mmapped (above
# the 128 KiB M_MMAP_THRESHOLD); freeing it raises the threshold to its size, so the next one of
# the same size comes from the brk heap; a much bigger one is mmapped again.
first = bytes(200_000)
print("first 200 kB block mmapped:", id(first) > 0x700000000000)
del first
second = bytes(200_000)
print("after its free, the next one on the heap:", id(second) < 0x700000000000)
third = bytes(2_000_000)
print("a 2 MB block mmapped:", id(third) > 0x700000000000)
