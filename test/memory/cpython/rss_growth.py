# Resident memory growth, in kB of VmRSS, of two allocations: an 8 MB list of None (its item
# array is one mmapped malloc chunk, made resident by filling it) and then a million 64-byte
# bytes objects (pymalloc blocks of the 64-byte class, 255 per 16 KiB pool).
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])


before = rss()
x = [None] * 10**6
mid = rss()
for i in range(10**6):
    x[i] = bytes(31)
after = rss()
print(mid - before, after - mid)
