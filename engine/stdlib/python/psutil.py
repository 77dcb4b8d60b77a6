"""A subset of psutil for the simulated Linux machine: the memory of a process and of the
machine, computed from /proc the way psutil computes it on Linux."""

from collections import namedtuple
import _procfs

PAGESIZE = 4096

pmem = namedtuple('pmem', ['rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty'])
pfullmem = namedtuple('pfullmem', pmem._fields + ('uss', 'pss', 'swap'))
svmem = namedtuple('svmem', ['total', 'available', 'percent', 'used', 'free', 'active', 'inactive',
                             'buffers', 'cached', 'shared', 'slab'])


class Error(Exception):
    pass


class NoSuchProcess(Error):
    def __init__(self, pid, name=None, msg=None):
        self.pid = pid
        self.name = name
        self.msg = msg or 'process no longer exists'
        Error.__init__(self, '%s (pid=%s)' % (self.msg, pid))


def _kb_fields(text):
    """The 'Name:   N kB' lines of a /proc file as a dict of byte counts."""
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].endswith(':') and parts[2] == 'kB':
            out[parts[0][:-1]] = int(parts[1]) * 1024
    return out


class Process:
    def __init__(self, pid=None):
        self._pid = _procfs.getpid() if pid is None else pid
        self._read('statm')

    @property
    def pid(self):
        return self._pid

    def _read(self, name):
        try:
            return _procfs.read('/proc/%d/%s' % (self._pid, name))
        except FileNotFoundError:
            raise NoSuchProcess(self._pid) from None

    def memory_info(self):
        size, resident, shared, text, lib, data, dirty = [int(x) * PAGESIZE for x in self._read('statm').split()]
        return pmem(resident, size, shared, text, lib, data, dirty)

    def memory_full_info(self):
        smaps = _kb_fields(self._read('smaps_rollup'))
        uss = smaps['Private_Clean'] + smaps['Private_Dirty'] + smaps['Private_Hugetlb']
        return pfullmem(*self.memory_info(), uss, smaps['Pss'], smaps['Swap'])

    def memory_percent(self, memtype='rss'):
        info = self.memory_full_info() if memtype in ('uss', 'pss', 'swap') else self.memory_info()
        return getattr(info, memtype) / virtual_memory().total * 100

    def __repr__(self):
        return "psutil.Process(pid=%d, name='python3', status='running')" % self._pid


def virtual_memory():
    m = _kb_fields(_procfs.read('/proc/meminfo'))
    total = m['MemTotal']
    free = m['MemFree']
    cached = m['Cached'] + m['SReclaimable']
    used = total - free - m['Buffers'] - cached
    available = m['MemAvailable']
    percent = round((total - available) / total * 100, 1)
    return svmem(total, available, percent, used, free, m['Active'], m['Inactive'], m['Buffers'], cached,
                 m['Shmem'], m['Slab'])
