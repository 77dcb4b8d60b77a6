# /proc read through open(): the files a program measures itself with exist and have Linux's
# shape (the numbers themselves belong to the machine, so only the layout is printed).
import os

with open('/proc/self/status') as f:
    lines = f.read().splitlines()
keys = [line.split(':')[0] for line in lines]
print(keys[0], 'Pid' in keys, 'PPid' in keys, 'VmRSS' in keys, 'VmSize' in keys)
fields = dict(line.split(':', 1) for line in lines)
print(fields['VmRSS'].strip().endswith('kB'), int(fields['Pid']) == os.getpid())
with open('/proc/self/statm') as f:
    statm = f.read().split()
print(len(statm), all(x.isdigit() for x in statm))
with open('/proc/self/smaps_rollup') as f:
    rollup = f.read()
print('[rollup]' in rollup.splitlines()[0], 'Private_Dirty:' in rollup, 'Pss:' in rollup)
with open('/proc/meminfo') as f:
    first = f.readline()
print(first.startswith('MemTotal:'), first.rstrip().endswith('kB'))
print(os.path.isdir('/proc/self'), os.path.exists(f'/proc/{os.getpid()}/status'), os.stat('/proc/self/status').st_size)
w = open('/proc/self/status', 'w')
try:
    w.write('x')
    w.flush()
except OSError as e:
    print(type(e).__name__, e)
try:
    w.close()
except OSError as e:
    print('close:', e)
print(w.closed)
try:
    open('/proc/self/no_such_file')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
