"""A small ctypes: the fundamental C data types, arrays of them and sizeof, enough for
multiprocessing.sharedctypes. There is no foreign function interface (no CDLL, no pointers, no
structures): pymemlab runs no native code.

Every instance is a window on bytes it owns (a bytearray) or borrows (from_buffer), read and
written with struct in the platform's native sizes (x86-64 Linux, LP64), so an object made over
shared memory is seen by every process that maps it."""

import operator
import struct
import sys

__all__ = [
    'c_bool', 'c_char', 'c_wchar', 'c_byte', 'c_ubyte', 'c_short', 'c_ushort', 'c_int',
    'c_uint', 'c_long', 'c_ulong', 'c_longlong', 'c_ulonglong', 'c_float', 'c_double',
    'c_size_t', 'c_ssize_t', 'sizeof', 'Array',
]

# C integer types: (struct code, bits, signed). Values wrap as C casts do.
_INTEGER_CODES = {
    'b': (8, True), 'B': (8, False), 'h': (16, True), 'H': (16, False), 'i': (32, True),
    'I': (32, False), 'l': (64, True), 'L': (64, False), 'q': (64, True), 'Q': (64, False),
}


def _wrap(value, bits, signed):
    value &= (1 << bits) - 1
    if signed and value >> (bits - 1):
        value -= 1 << bits
    return value


class _CData(object):
    """Memory that holds a C value: its bytes are self._b_buffer[self._b_offset:][:size]."""

    __slots__ = ('_b_buffer', '_b_offset', '_wrapper', '__weakref__')

    def _attach(self, buffer, offset):
        self._b_buffer = buffer
        self._b_offset = offset

    @classmethod
    def from_buffer(cls, source, offset=0):
        """An instance over the bytes of a writable buffer, sharing them."""
        view = memoryview(source).cast('B')
        if view.readonly:
            raise TypeError('underlying buffer is not writable')
        if offset < 0:
            raise ValueError('offset cannot be negative')
        size = cls._size_
        if len(view) < size + offset:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)'
                             % (len(view), size + offset))
        obj = cls.__new__(cls)
        obj._attach(view, offset)
        return obj

    @classmethod
    def from_buffer_copy(cls, source, offset=0):
        """An instance holding a copy of a buffer's bytes."""
        data = bytes(memoryview(source).cast('B'))
        size = cls._size_
        if len(data) < size + offset:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)'
                             % (len(data), size + offset))
        obj = cls.__new__(cls)
        obj._attach(bytearray(data[offset:offset + size]), 0)
        return obj

    def __new__(cls, *args, **kwargs):
        obj = object.__new__(cls)
        obj._attach(bytearray(cls._size_), 0)
        return obj


# _SimpleCData

class _SimpleCData(_CData):
    __slots__ = ()

    def __init__(self, value=None):
        if value is not None:
            self.value = value

    @property
    def value(self):
        (raw,) = struct.unpack_from('=' + self._struct_, self._b_buffer, self._b_offset)
        return self._from_c(raw)

    @value.setter
    def value(self, value):
        struct.pack_into('=' + self._struct_, self._b_buffer, self._b_offset, self._to_c(value))

    @classmethod
    def _to_c(cls, value):
        code = cls._type_
        if code in _INTEGER_CODES:
            return _wrap(operator.index(value), *_INTEGER_CODES[code])
        if code in 'fd':
            if not isinstance(value, (int, float)) and not hasattr(value, '__float__'):
                raise TypeError('must be real number, not %s' % type(value).__name__)
            return float(value)
        if code == '?':
            return bool(value)
        if code == 'c':
            if isinstance(value, (bytes, bytearray)) and len(value) == 1:
                return bytes(value)
            if isinstance(value, int) and 0 <= value < 256:
                return bytes((value,))
            raise TypeError('one character bytes, bytearray or integer expected')
        # 'u': a wchar_t holds one code point.
        if isinstance(value, str) and len(value) == 1:
            return ord(value)
        raise TypeError('one character unicode string expected')

    @classmethod
    def _from_c(cls, raw):
        return chr(raw) if cls._type_ == 'u' else raw

    def __bool__(self):
        return bool(self.value)

    def __repr__(self):
        if type(self).__bases__[0] is not _SimpleCData:
            return '<%s object at %#x>' % (type(self).__name__, id(self))
        return '%s(%r)' % (type(self).__name__, self.value)


class _ArrayMaker(type):
    """The metaclass of the C types: `c_int * 5` is the type of five c_ints."""

    def __mul__(cls, length):
        return _array_type(cls, length, sys._getframe(1).f_globals.get('__name__'))

    __rmul__ = __mul__


def _make(name, code, struct_code=None):
    namespace = {'__slots__': (), '_type_': code, '_struct_': struct_code or code,
                 '__module__': __name__, '__qualname__': name}
    cls = _ArrayMaker(name, (_SimpleCData,), namespace)
    cls._size_ = struct.calcsize('=' + cls._struct_)
    return cls


c_bool = _make('c_bool', '?')
c_char = _make('c_char', 'c')
c_wchar = _make('c_wchar', 'u', 'I')
c_byte = _make('c_byte', 'b')
c_ubyte = _make('c_ubyte', 'B')
c_short = _make('c_short', 'h')
c_ushort = _make('c_ushort', 'H')
c_int = _make('c_int', 'i')
c_uint = _make('c_uint', 'I')
c_long = _make('c_long', 'l', 'q')
c_ulong = _make('c_ulong', 'L', 'Q')
c_float = _make('c_float', 'f')
c_double = _make('c_double', 'd')
# On LP64 Linux long long is long, and size_t and ssize_t are unsigned and signed long.
c_longlong, c_ulonglong = c_long, c_ulong
c_size_t = c_ulong
c_ssize_t = c_long
c_int8, c_uint8 = c_byte, c_ubyte
c_int16, c_uint16 = c_short, c_ushort
c_int32, c_uint32 = c_int, c_uint
c_int64, c_uint64 = c_long, c_ulong

_SimpleCData.__module__ = _CData.__module__ = '_ctypes'


# Array

class Array(_CData, metaclass=_ArrayMaker):
    """A fixed number of items of one type (_type_), _length_ of them."""

    __slots__ = ()

    def __init__(self, *items):
        if len(items) > self._length_:
            raise IndexError('invalid index')
        for i, item in enumerate(items):
            self[i] = item

    def __len__(self):
        return self._length_

    def _item(self, i):
        item_type = self._type_
        obj = item_type.__new__(item_type)
        obj._attach(self._b_buffer, self._b_offset + i * item_type._size_)
        return obj

    def _index(self, i):
        i = operator.index(i)
        if i < 0:
            i += self._length_
        if not 0 <= i < self._length_:
            raise IndexError('invalid index')
        return i

    def _get(self, i):
        item = self._item(i)
        # Items of the fundamental types come back as Python values, others as objects.
        return item.value if type(item).__bases__[0] is _SimpleCData else item

    def __getitem__(self, key):
        if isinstance(key, slice):
            items = [self._get(i) for i in range(*key.indices(self._length_))]
            if self._type_ is c_char:
                return b''.join(items)
            if self._type_ is c_wchar:
                return ''.join(items)
            return items
        return self._get(self._index(key))

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            positions = range(*key.indices(self._length_))
            if len(value) != len(positions):
                raise ValueError('Can only assign sequence of same size')
            for i, v in zip(positions, value):
                self._item(i).value = v
            return
        self._item(self._index(key)).value = value

    def __iter__(self):
        for i in range(self._length_):
            yield self._get(i)


Array.__module__ = '_ctypes'


def _text_property(kind):
    # char and wchar_t arrays read as strings up to the first NUL (.value) and, for char,
    # as all their bytes (.raw).
    def get_value(self):
        text = self[:]
        end = text.find(b'\x00' if kind is bytes else '\x00')
        return text if end < 0 else text[:end]

    def set_value(self, value):
        if not isinstance(value, kind):
            raise TypeError('%s expected instead of %s instance'
                            % ('bytes' if kind is bytes else 'unicode string', type(value).__name__))
        if len(value) > self._length_:
            raise ValueError('byte string too long' if kind is bytes else 'string too long')
        self[:len(value)] = value if kind is str else [value[i:i + 1] for i in range(len(value))]
        if len(value) < self._length_:
            self[len(value)] = b'\x00' if kind is bytes else '\x00'

    return property(get_value, set_value)


def _get_raw(self):
    return bytes(self._b_buffer[self._b_offset:self._b_offset + self._size_])


def _set_raw(self, value):
    data = bytes(memoryview(value).cast('B'))
    if len(data) > self._size_:
        raise ValueError('byte string too long')
    self._b_buffer[self._b_offset:self._b_offset + len(data)] = data


_array_types = {}


def _array_type(item_type, length, module):
    if not isinstance(length, int):
        return NotImplemented
    if length < 0:
        raise ValueError('Array length must be >= 0, not %d' % length)
    key = (item_type, length)
    cls = _array_types.get(key)
    if cls is None:
        namespace = {'__slots__': (), '_type_': item_type, '_length_': length,
                     '_size_': item_type._size_ * length, '__module__': module}
        if item_type is c_char:
            namespace['value'] = _text_property(bytes)
            namespace['raw'] = property(_get_raw, _set_raw)
        elif item_type is c_wchar:
            namespace['value'] = _text_property(str)
        cls = _ArrayMaker('%s_Array_%d' % (item_type.__name__, length), (Array,), namespace)
        _array_types[key] = cls
    return cls


def sizeof(obj_or_type):
    """sizeof(C type) -> integer
sizeof(C instance) -> integer
Return the size in bytes of a C instance"""
    size = getattr(obj_or_type, '_size_', None)
    if size is None:
        raise TypeError('this type has no size')
    return size
