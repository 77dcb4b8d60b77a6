# Where pymalloc puts blocks: for a few size classes, allocate many bytes objects of exactly that
# block size and find, from their ids alone, the pool size (the largest power of two modulo which
# every id sits on the class's grid), the offset of a pool's first block and of its last one.
def geometry(size):
    objs = [bytes(size - 33) for _ in range(3000)]  # sizeof(bytes) is 33 + len
    ids = [id(o) for o in objs]
    found = None
    for bits in range(10, 22):
        pool = 1 << bits
        offsets = {i % pool for i in ids}
        first = min(offsets)
        if all((o - first) % size == 0 for o in offsets):
            found = (pool, first, max(offsets))
    pool, first, last = found
    align = min(i & -i for i in ids)
    print(f"block {size}: pool {pool}, first block at {first}, last block at {last}, alignment {align}")


for size in (48, 144, 208, 480):
    geometry(size)
