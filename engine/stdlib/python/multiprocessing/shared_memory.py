"""Shared memory segments that outlive the process making them (CPython's
multiprocessing/shared_memory.py, POSIX side): a SharedMemory is a file of the simulated /dev/shm
mapped MAP_SHARED, so forked children and any process opening it by name see one memory.
ShareableList lays a short list of ints, floats, bools, strs, bytes and Nones out in one
segment the way CPython does, so a segment written by either reads the same in the other."""

__all__ = ['SharedMemory', 'ShareableList']

import mmap
import os
import struct
import types
from functools import partial

import _posixshmem

_O_CREX = os.O_CREAT | os.O_EXCL

# Linux keeps POSIX shared memory names short: '/psm_' and eight hex digits.
_SHM_NAME_PREFIX = '/psm_'
_SHM_SAFE_NAME_LENGTH = 14


def _make_filename():
    hex_digits = (_SHM_SAFE_NAME_LENGTH - len(_SHM_NAME_PREFIX)) // 2
    return _SHM_NAME_PREFIX + os.urandom(hex_digits).hex()


class SharedMemory:
    """A named block of shared memory: create=True makes a new one (of `size` bytes, with a
    fresh name unless one is given), otherwise the one called `name` is attached."""

    _name = None
    _fd = -1
    _mmap = None
    _buf = None
    _flags = os.O_RDWR
    _mode = 0o600
    _prepend_leading_slash = True

    def __init__(self, name=None, create=False, size=0):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create:
            self._flags = _O_CREX | os.O_RDWR
            if size == 0:
                raise ValueError("'size' must be a positive number different from zero")
        if name is None and not self._flags & os.O_EXCL:
            raise ValueError("'name' can only be None if create=True")

        if name is None:
            while True:
                name = _make_filename()
                try:
                    self._fd = _posixshmem.shm_open(name, self._flags, mode=self._mode)
                except FileExistsError:
                    continue
                break
        else:
            if self._prepend_leading_slash and not name.startswith('/'):
                name = '/' + name
            self._fd = _posixshmem.shm_open(name, self._flags, mode=self._mode)
        self._name = name
        try:
            if create and size:
                os.ftruncate(self._fd, size)
            size = os.fstat(self._fd).st_size
            self._mmap = mmap.mmap(self._fd, size)
        except OSError:
            self.unlink()
            raise
        self._size = size
        self._buf = memoryview(self._mmap)

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r}, size={self.size})'

    @property
    def buf(self):
        "A memoryview of contents of the shared memory block."
        return self._buf

    @property
    def name(self):
        "Unique name that identifies the shared memory block."
        reported = self._name
        if self._prepend_leading_slash and self._name.startswith('/'):
            reported = self._name[1:]
        return reported

    @property
    def size(self):
        "Size in bytes."
        return self._size

    def close(self):
        """Detaches this process from the block; the block itself lives on until unlinked."""
        if self._buf is not None:
            self._buf.release()
            self._buf = None
        if self._mmap is not None:
            self._mmap.close()
            self._mmap = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def unlink(self):
        """Removes the block's name; the memory goes once every process has closed it."""
        if self._name:
            _posixshmem.shm_unlink(self._name)


_encoding = 'utf8'


def _no_transform(value):
    return value


def _as_str(value):
    return value.rstrip(b'\x00').decode(_encoding)


def _as_bytes(value):
    return value.rstrip(b'\x00')


def _as_none(_value):
    return None


class ShareableList:
    """A list of fixed length in a SharedMemory block. Its layout (8-byte words):
    the item count, the N + 1 offsets of the items in the data area, the data area, one
    8-byte struct format per item, then one byte per item saying how to rebuild its value."""

    _types_mapping = {
        int: 'q',
        float: 'd',
        bool: 'xxxxxxx?',
        str: '%ds',
        bytes: '%ds',
        type(None): 'xxxxxx?x',
    }
    _alignment = 8
    _back_transforms_mapping = {0: _no_transform, 1: _as_str, 2: _as_bytes, 3: _as_none}

    @staticmethod
    def _extract_recreation_code(value):
        if isinstance(value, str):
            return 1
        if isinstance(value, bytes):
            return 2
        if value is None:
            return 3
        return 0

    def _format_of(self, item):
        if isinstance(item, (str, bytes)):
            # Room for the encoded item rounded up to the next multiple of 8 (never zero).
            room = self._alignment * (len(item) // self._alignment + 1)
            return self._types_mapping[type(item)] % room
        return self._types_mapping[type(item)]

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            sequence = sequence or ()
            formats = [self._format_of(item) for item in sequence]
            self._list_len = len(formats)
            assert all(len(fmt) <= 8 for fmt in formats)
            self._allocated_offsets = [0]
            for fmt in formats:
                step = int(fmt[:-1]) if fmt[-1] == 's' else self._alignment
                self._allocated_offsets.append(self._allocated_offsets[-1] + step)
            codes = [self._extract_recreation_code(item) for item in sequence]
            layout = ('q' + self._format_size_metainfo + ''.join(formats)
                      + self._format_packing_metainfo + self._format_back_transform_codes)
            self.shm = SharedMemory(name, create=True, size=struct.calcsize(layout))
        else:
            self.shm = SharedMemory(name)

        if sequence is not None:
            buf = self.shm.buf
            struct.pack_into('q' + self._format_size_metainfo, buf, 0,
                             self._list_len, *self._allocated_offsets)
            struct.pack_into(''.join(formats), buf, self._offset_data_start,
                             *(v.encode(_encoding) if isinstance(v, str) else v for v in sequence))
            struct.pack_into(self._format_packing_metainfo, buf, self._offset_packing_formats,
                             *(fmt.encode(_encoding) for fmt in formats))
            struct.pack_into(self._format_back_transform_codes, buf,
                             self._offset_back_transform_codes, *codes)
        else:
            self._list_len = len(self)
            self._allocated_offsets = list(
                struct.unpack_from(self._format_size_metainfo, self.shm.buf, 8))

    def _check_position(self, position):
        if position >= self._list_len or self._list_len < 0:
            raise IndexError('Requested position out of range.')

    def _get_packing_format(self, position):
        position = position if position >= 0 else position + self._list_len
        self._check_position(position)
        (raw,) = struct.unpack_from('8s', self.shm.buf, self._offset_packing_formats + position * 8)
        return raw.rstrip(b'\x00').decode(_encoding)

    def _get_back_transform(self, position):
        self._check_position(position)
        (code,) = struct.unpack_from('b', self.shm.buf, self._offset_back_transform_codes + position)
        return self._back_transforms_mapping[code]

    def _set_packing_format_and_transform(self, position, fmt_as_str, value):
        self._check_position(position)
        struct.pack_into('8s', self.shm.buf, self._offset_packing_formats + position * 8,
                         fmt_as_str.encode(_encoding))
        struct.pack_into('b', self.shm.buf, self._offset_back_transform_codes + position,
                         self._extract_recreation_code(value))

    def __getitem__(self, position):
        position = position if position >= 0 else position + self._list_len
        try:
            offset = self._offset_data_start + self._allocated_offsets[position]
            (value,) = struct.unpack_from(self._get_packing_format(position), self.shm.buf, offset)
        except IndexError:
            raise IndexError('index out of range')
        return self._get_back_transform(position)(value)

    def __setitem__(self, position, value):
        position = position if position >= 0 else position + self._list_len
        try:
            item_offset = self._allocated_offsets[position]
            offset = self._offset_data_start + item_offset
            current_format = self._get_packing_format(position)
        except IndexError:
            raise IndexError('assignment index out of range')

        if isinstance(value, (str, bytes)):
            room = self._allocated_offsets[position + 1] - item_offset
            encoded = value.encode(_encoding) if isinstance(value, str) else value
            if len(encoded) > room:
                raise ValueError('bytes/str item exceeds available storage')
            new_format = current_format if current_format[-1] == 's' else self._types_mapping[str] % room
        else:
            new_format = self._types_mapping[type(value)]
            encoded = value
        self._set_packing_format_and_transform(position, new_format, value)
        struct.pack_into(new_format, self.shm.buf, offset, encoded)

    def __reduce__(self):
        return partial(self.__class__, name=self.shm.name), ()

    def __len__(self):
        return struct.unpack_from('q', self.shm.buf, 0)[0]

    def __repr__(self):
        return f'{self.__class__.__name__}({list(self)}, name={self.shm.name!r})'

    @property
    def format(self):
        "The struct packing format used by all currently stored items."
        return ''.join(self._get_packing_format(i) for i in range(self._list_len))

    @property
    def _format_size_metainfo(self):
        return 'q' * (self._list_len + 1)

    @property
    def _format_packing_metainfo(self):
        return '8s' * self._list_len

    @property
    def _format_back_transform_codes(self):
        return 'b' * self._list_len

    @property
    def _offset_data_start(self):
        # The count and the N + 1 offsets come first.
        return (self._list_len + 2) * 8

    @property
    def _offset_packing_formats(self):
        return self._offset_data_start + self._allocated_offsets[-1]

    @property
    def _offset_back_transform_codes(self):
        return self._offset_packing_formats + self._list_len * 8

    def count(self, value):
        "L.count(value) -> integer -- return number of occurrences of value."
        return sum(value == entry for entry in self)

    def index(self, value):
        """L.index(value) -> integer -- return first index of value.
        Raises ValueError if the value is not present."""
        for position, entry in enumerate(self):
            if value == entry:
                return position
        raise ValueError(f'{value!r} not in this container')

    __class_getitem__ = classmethod(types.GenericAlias)
