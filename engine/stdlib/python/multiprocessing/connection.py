"""Connections between processes (CPython's multiprocessing/connection.py): messages framed by
a 4-byte big-endian length, pickled objects, over the simulated OS's pipes.

CPython makes a duplex Pipe from a socket pair; sockets are not simulated, so a duplex
connection here holds two pipes, one for each direction, and fileno() is the end it reads from.
Listener and Client (sockets) are not provided.
"""

import io
import os
import pickle
import struct
import time

import _mpsched

from multiprocessing.context import BufferTooShort, reduction

__all__ = ['Pipe', 'wait', 'Connection']

# CPython writes a message's header apart from its body above this size; here every message
# goes out in one write, so a reader never sees half of one between two other processes' turns.
_LARGE_MESSAGE = 0x7fffffff


class _ConnectionBase:
    _handle = None

    def __init__(self, handle, readable=True, writable=True, write_handle=None):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._write_handle = handle if write_handle is None else write_handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        """The descriptor this connection reads from (what wait() watches)."""
        self._check_closed()
        return self._handle

    def close(self):
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        """Sends a bytes-like object (or a part of it) as one message."""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast('B')
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_bytes(m[offset:offset + size])

    def send(self, obj):
        """Sends a picklable object."""
        self._check_closed()
        self._check_writable()
        self._send_bytes(reduction.ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receives one message as bytes; blocks until there is one."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf.getvalue()

    def recv_bytes_into(self, buf, offset=0):
        """Receives one message into a writable buffer at `offset`: the message's size."""
        self._check_closed()
        self._check_readable()
        with memoryview(buf) as m:
            itemsize = m.itemsize
            bytesize = itemsize * len(m)
            if offset < 0:
                raise ValueError("negative offset")
            elif offset > bytesize:
                raise ValueError("offset too large")
            result = self._recv_bytes()
            size = result.tell()
            if bytesize < offset + size:
                raise BufferTooShort(result.getvalue())
            result.seek(0)
            result.readinto(m[offset // itemsize:(offset + size) // itemsize])
            return size

    def recv(self):
        """Receives one pickled object."""
        self._check_closed()
        self._check_readable()
        buf = self._recv_bytes()
        return reduction.ForkingPickler.loads(buf.getbuffer())

    def poll(self, timeout=0.0):
        """Whether there is something to read, waiting at most `timeout` seconds (None: until
        there is)."""
        self._check_closed()
        self._check_readable()
        return bool(wait([self], timeout))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


class Connection(_ConnectionBase):
    """A connection over pipe descriptors."""

    def _close(self):
        os.close(self._handle)
        if self._write_handle != self._handle:
            os.close(self._write_handle)

    def _send(self, buf):
        remaining = len(buf)
        while True:
            n = os.write(self._write_handle, buf)
            remaining -= n
            if remaining == 0:
                break
            buf = buf[n:]

    def _recv(self, size):
        buf = io.BytesIO()
        handle = self._handle
        remaining = size
        while remaining > 0:
            chunk = os.read(handle, remaining)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            buf.write(chunk)
            remaining -= n
        return buf

    def _send_bytes(self, buf):
        n = len(buf)
        if n > _LARGE_MESSAGE:
            self._send(struct.pack("!i", -1) + struct.pack("!Q", n) + bytes(buf))
        else:
            self._send(struct.pack("!i", n) + bytes(buf))

    def _recv_bytes(self, maxsize=None):
        buf = self._recv(4)
        size, = struct.unpack("!i", buf.getvalue())
        if size == -1:
            buf = self._recv(8)
            size, = struct.unpack("!Q", buf.getvalue())
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)


def Pipe(duplex=True):
    """Two connected Connection objects; with duplex=False the first only receives and the
    second only sends."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        c1 = Connection(r1, write_handle=w2)
        c2 = Connection(r2, write_handle=w1)
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """The objects of the list (connections, sentinels, descriptors) that are ready to read,
    waiting at most `timeout` seconds (None: until one is).

    Nothing runs concurrently in the simulation: when none is ready, the other processes run
    until each exits or blocks; if none is ready then, none will be before the timeout, which
    the virtual clock spends at once."""
    watched = [(o, o if isinstance(o, int) else o.fileno()) for o in object_list]
    ready = [o for o, fd in watched if _mpsched.readable(fd)]
    if ready or not watched:
        return ready
    _mpsched.yield_to_others()
    ready = [o for o, fd in watched if _mpsched.readable(fd)]
    if ready:
        return ready
    if timeout is None:
        _mpsched.wait_readable([fd for o, fd in watched])
        return [o for o, fd in watched if _mpsched.readable(fd)]
    if timeout > 0:
        time.sleep(timeout)
    return []

