"""Trace memory blocks allocated by Python: snapshots of the traces that _tracemalloc keeps,
grouped into statistics by line, file or whole traceback, and compared between snapshots."""

from _tracemalloc import (start, stop, is_tracing, clear_traces, get_traced_memory, reset_peak,
                          get_tracemalloc_memory, get_traceback_limit)
import _tracemalloc


def _format_size(size, sign):
    for unit in ('B', 'KiB', 'MiB', 'GiB', 'TiB'):
        if abs(size) < 100 and unit != 'B':
            return ('%+.1f %s' if sign else '%.1f %s') % (size, unit)
        if abs(size) < 10 * 1024 or unit == 'TiB':
            return ('%+.0f %s' if sign else '%.0f %s') % (size, unit)
        size /= 1024


class Frame:
    """One frame of a traceback: a file name and a line number."""
    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        return isinstance(other, Frame) and self._frame == other._frame

    def __lt__(self, other):
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return '%s:%s' % (self.filename, self.lineno)

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self.filename, self.lineno)


class Traceback:
    """The frames of an allocation, from the oldest call to the most recent one."""
    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(f) for f in self._frames[index])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        return isinstance(other, Traceback) and self._frames == other._frames

    def __lt__(self, other):
        return self._frames < other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        frames = '(%s)' % ', '.join(repr(Frame(f)) for f in self._frames)
        if self._total_nframe is None:
            return '<Traceback %s>' % frames
        return '<Traceback %s total_nframe=%s>' % (frames, self._total_nframe)

    def format(self, limit=None, most_recent_first=False):
        frames = [Frame(f) for f in self._frames]
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:-limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
        return lines


def get_object_traceback(obj):
    frames = _tracemalloc._get_object_traceback(obj)
    return None if frames is None else Traceback(frames)


class Trace:
    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        return isinstance(other, Trace) and self._trace == other._trace

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (self.domain, _format_size(self.size, False), self.traceback)


class Statistic:
    """Blocks grouped under one traceback: their total size and how many there are."""
    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __eq__(self, other):
        return isinstance(other, Statistic) and (self.traceback, self.size, self.count) == (other.traceback, other.size, other.count)

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __str__(self):
        text = '%s: size=%s, count=%i' % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """A statistic of a new snapshot beside the same traceback's in an old one."""
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __eq__(self, other):
        return isinstance(other, StatisticDiff) and self._key() == other._key()

    def _key(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __str__(self):
        text = '%s: size=%s (%s), count=%i (%+i)' % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % self._key()

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive


class Filter(BaseFilter):
    """Keeps (inclusive) or drops the traces whose frames match a file pattern and line."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        BaseFilter.__init__(self, inclusive)
        self.filename_pattern = filename_pattern
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    def _match_frame(self, filename, lineno):
        pattern = self.filename_pattern
        if pattern.endswith('*'):
            matched = filename.startswith(pattern[:-1])
        else:
            matched = filename == pattern
        if matched and self.lineno is not None:
            matched = lineno == self.lineno
        return matched == self.inclusive

    def _match(self, trace):
        domain, size, frames = trace[0], trace[1], trace[2]
        if self.domain is not None and domain != self.domain:
            return not self.inclusive
        if self.all_frames:
            hits = [self._match_frame(f[0], f[1]) for f in frames]
            return any(hits) if self.inclusive else all(hits)
        return self._match_frame(frames[0][0], frames[0][1])


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        BaseFilter.__init__(self, inclusive)
        self.domain = domain

    def _match(self, trace):
        return (trace[0] == self.domain) == self.inclusive


class Snapshot:
    """The traces at one moment, with the traceback limit they were taken with."""

    def __init__(self, traces, traceback_limit):
        self._raw = traces
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """Write the snapshot to a file with pickle."""
        import pickle
        with open(filename, 'wb') as fp:
            pickle.dump(self, fp, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def load(filename):
        """Read a snapshot that dump() wrote."""
        import pickle
        with open(filename, 'rb') as fp:
            return pickle.load(fp)

    @property
    def traces(self):
        return [Trace(t) for t in self._raw]

    def filter_traces(self, filters):
        include = [f for f in filters if f.inclusive]
        exclude = [f for f in filters if not f.inclusive]
        kept = []
        for t in self._raw:
            if include and not any(f._match(t) for f in include):
                continue
            if any(not f._match(t) for f in exclude):
                continue
            kept.append(t)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError('unknown key_type: %r' % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError('cumulative mode cannot by used with key type %r' % key_type)
        # Group tracebacks carry no total_nframe, and in cumulative mode a frame counts once for
        # every time it appears in a trace's traceback, as in CPython.
        groups = {}
        for domain, size, frames, total in self._raw:
            if key_type == 'traceback':
                keys = (Traceback(frames),)
            else:
                chosen = frames if cumulative else frames[:1]
                keys = [Traceback(((filename, lineno if key_type == 'lineno' else 0),))
                        for filename, lineno in chosen]
            for key in keys:
                stat = groups.get(key)
                if stat is None:
                    groups[key] = [size, 1]
                else:
                    stat[0] += size
                    stat[1] += 1
        return groups

    def statistics(self, key_type, cumulative=False):
        groups = self._group_by(key_type, cumulative)
        stats = [Statistic(tb, size, count) for tb, (size, count) in groups.items()]
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for tb, (size, count) in new.items():
            before = old.pop(tb, None)
            if before is None:
                diffs.append(StatisticDiff(tb, size, size, count, count))
            else:
                diffs.append(StatisticDiff(tb, size, size - before[0], count, count - before[1]))
        for tb, (size, count) in old.items():
            diffs.append(StatisticDiff(tb, 0, -size, 0, -count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory allocations to take a snapshot')
    return Snapshot(_tracemalloc._get_traces(), get_traceback_limit())
