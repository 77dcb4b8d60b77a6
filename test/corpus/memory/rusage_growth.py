# The peak resident size grows by what a large list's item array takes, in MiB.
import resource

def maxrss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

print(resource.getpagesize())
print(type(resource.getrusage(resource.RUSAGE_SELF)).__name__)
print(resource.getrusage(resource.RUSAGE_SELF)._fields if hasattr(resource.struct_rusage, '_fields') else len(resource.getrusage(resource.RUSAGE_SELF)))
before = maxrss()
big = [None] * 5_000_000
after = maxrss()
print((after - before) // 1024)
del big
print(maxrss() >= after)
more = [0] * 10_000_000
print((maxrss() - after) // 1024)
try:
    resource.getrusage(7)
except ValueError as e:
    print(e)
