"""Conversions between Python values and C structs held in bytes objects.

Formats describe the layout: an optional first character for byte order, size and alignment
(@ native, = native order with standard sizes, < little-endian, > and ! big-endian), then codes
such as b B h H i I l L q Q n N e f d s p P x c ?, each optionally preceded by a repeat count.
"""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
]

from _struct import *
from _struct import _clearcache
