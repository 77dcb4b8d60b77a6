"""The io module. BytesIO, StringIO, open() and the abstract bases are native (_io); the file
classes are written here on top of the posix calls: FileIO (raw descriptor I/O), the buffered
layer (BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair) and TextIOWrapper
(decoding, newline translation). Their reprs and error messages are CPython's."""

import abc
import _io
import posix
from _io import (DEFAULT_BUFFER_SIZE, BytesIO, StringIO, UnsupportedOperation, open, _IOBase, _RawIOBase,
                 _BufferedIOBase, _TextIOBase)

__all__ = ['BlockingIOError', 'open', 'open_code', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO', 'StringIO',
           'BufferedIOBase', 'BufferedReader', 'BufferedWriter', 'BufferedRWPair', 'BufferedRandom', 'TextIOBase',
           'TextIOWrapper', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE',
           'text_encoding', 'IncrementalNewlineDecoder']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding


def open_code(path):
    return open(path, 'rb')


def _check_whence(whence):
    if whence not in (0, 1, 2):
        raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')


def _name_part(obj):
    try:
        name = obj.name
    except Exception:
        return ''
    return f' name={name!r}'


class FileIO(_RawIOBase):
    """Raw I/O on a descriptor of the simulated file system."""
    __module__ = '_io'

    def __init__(self, file, mode='r', closefd=True, opener=None):
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        self._fd = -1
        fd, self._mode, self._readable, self._writable, self._appending = _io._fileio_open(file, mode, closefd, opener)
        self._fd = fd
        self._closefd = bool(closefd)
        self.name = file

    def __repr__(self):
        if self._fd < 0:
            return '<_io.FileIO [closed]>'
        try:
            name = self.name
        except AttributeError:
            return f'<_io.FileIO fd={self._fd} mode={self._mode!r} closefd={self._closefd!r}>'
        return f'<_io.FileIO name={name!r} mode={self._mode!r} closefd={self._closefd!r}>'

    def _check_open(self):
        if self._fd < 0:
            raise ValueError('I/O operation on closed file')

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        return self._mode

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        try:
            posix.lseek(self._fd, 0, SEEK_CUR)
        except OSError:
            return False
        return True

    def isatty(self):
        self._check_open()
        return posix.isatty(self._fd)

    def read(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        if size is None or size < 0:
            return self.readall()
        return posix.read(self._fd, size)

    def readall(self):
        self._check_open()
        chunks = []
        while True:
            chunk = posix.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not chunk:
                break
            chunks.append(chunk)
        return b''.join(chunks)

    def readinto(self, b):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        return _io._readinto(self._fd, b)

    def write(self, b):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        return posix.write(self._fd, b)

    def seek(self, pos, whence=SEEK_SET):
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        self._check_open()
        return posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_open()
        return posix.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        if size is None:
            size = self.tell()
        posix.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd < 0:
            return
        try:
            super().close()
        finally:
            fd, self._fd = self._fd, -1
            if self._closefd:
                posix.close(fd)

    def __del__(self):
        if getattr(self, '_fd', -1) >= 0:
            self.close()


class _Buffered(_BufferedIOBase):
    """What the three buffered classes share: a read-ahead buffer and a pending-write buffer
    over one raw stream, kept so that the raw position is always where the next raw call goes."""
    __module__ = '_io'
    _can_read = True
    _can_write = True

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        if self._can_read and not raw.readable():
            raise OSError('"raw" argument must be readable.')
        if self._can_write and not raw.writable():
            raise OSError('"raw" argument must be writable.')
        self._raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b''
        self._rpos = 0
        self._wbuf = bytearray()

    def __repr__(self):
        return f'<_io.{type(self).__name__}{_name_part(self)}>'

    @property
    def raw(self):
        if self._raw is None:
            raise ValueError('raw stream has been detached')
        return self._raw

    @property
    def closed(self):
        raw = self._raw
        if raw is None:
            raise ValueError('raw stream has been detached')
        return raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def _check(self, what):
        if self.raw.closed:
            raise ValueError(f'{what} of closed file')

    def readable(self):
        self.raw._checkClosed()
        return self._can_read and self.raw.readable()

    def writable(self):
        self.raw._checkClosed()
        return self._can_write and self.raw.writable()

    def seekable(self):
        self.raw._checkClosed()
        return self.raw.seekable()

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def detach(self):
        self.flush()
        raw, self._raw = self._raw, None
        return raw

    # -- reading
    def _require_read(self):
        if not self._can_read:
            raise UnsupportedOperation('read')

    def _ahead(self):
        return len(self._rbuf) - self._rpos

    def _flush_writes(self):
        # Bytes leave the buffer only once the raw stream took them: a failed flush keeps them.
        wbuf = self._wbuf
        while wbuf:
            n = self.raw.write(bytes(wbuf))
            if not n:
                break
            del wbuf[:n]

    def _fill(self):
        """Reads one raw chunk into the read-ahead buffer: False at end of file."""
        self._flush_writes()
        chunk = self.raw.read(self.buffer_size)
        if not chunk:
            return False
        self._rbuf = self._rbuf[self._rpos:] + chunk
        self._rpos = 0
        return True

    def _take(self, n):
        data = self._rbuf[self._rpos:self._rpos + n]
        self._rpos += len(data)
        return data

    def read(self, size=-1):
        self._require_read()
        self._check('read')
        if size is None or size < 0:
            self._flush_writes()
            rest = self._take(self._ahead())
            tail = self.raw.readall()
            return rest + (tail or b'')
        if size < -1:
            raise ValueError('read length must be non-negative or -1')
        while self._ahead() < size and self._fill():
            pass
        return self._take(size)

    def read1(self, size=-1):
        self._require_read()
        self._check('read')
        if not self._ahead():
            self._fill()
        if size < 0:
            size = self._ahead()
        return self._take(size)

    def peek(self, size=0):
        self._require_read()
        self._check('peek')
        if not self._ahead():
            self._fill()
        return self._rbuf[self._rpos:]

    def readinto(self, b):
        self._require_read()
        self._check('readinto')
        return _BufferedIOBase.readinto(self, b)

    def readinto1(self, b):
        self._require_read()
        self._check('readinto')
        return _BufferedIOBase.readinto1(self, b)

    def readline(self, size=-1):
        self._require_read()
        self._check('readline')
        if size is None:
            size = -1
        while True:
            end = self._rbuf.find(b'\n', self._rpos)
            if end >= 0:
                n = end + 1 - self._rpos
                break
            if 0 <= size <= self._ahead() or not self._fill():
                n = self._ahead()
                break
        if size >= 0:
            n = min(n, size)
        return self._take(n)

    # -- writing
    def write(self, b):
        if not self._can_write:
            raise UnsupportedOperation('write')
        if type(b) is bytes:
            n = len(b)
        elif isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        else:
            n = len(memoryview(b).cast('B'))
        if self.closed:
            raise ValueError('write to closed file')
        if self._rbuf:
            if self._ahead():
                self._raw.seek(-self._ahead(), SEEK_CUR)
            self._rbuf = b''
            self._rpos = 0
        wbuf = self._wbuf
        wbuf += b
        if len(wbuf) >= self.buffer_size:
            self._flush_writes()
        return n

    def flush(self):
        if self._can_write:
            self._check('flush')
            self._flush_writes()
        else:
            self.raw._checkClosed()

    # -- positioning
    def tell(self):
        pos = self.raw.tell() - self._ahead() + len(self._wbuf)
        return max(pos, 0)

    def seek(self, pos, whence=SEEK_SET):
        _check_whence(whence)
        self._check('seek')
        self._flush_writes()
        if whence == SEEK_CUR:
            pos -= self._ahead()
        self._rbuf = b''
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._check('truncate')
        if not self._can_write:
            raise UnsupportedOperation('truncate')
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.raw.truncate(pos)

    def close(self):
        if self._raw is None or self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class BufferedReader(_Buffered):
    __module__ = '_io'
    _can_write = False

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        super().__init__(raw, buffer_size)


class BufferedWriter(_Buffered):
    __module__ = '_io'
    _can_read = False

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        super().__init__(raw, buffer_size)


class BufferedRandom(_Buffered):
    __module__ = '_io'

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        raw._checkSeekable()
        super().__init__(raw, buffer_size)


class BufferedRWPair(_BufferedIOBase):
    """A reader and a writer joined into one stream (the two ends of a pipe, say)."""
    __module__ = '_io'

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def peek(self, size=0):
        return self.reader.peek(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


def _complete_prefix(data, encoding):
    """How many leading bytes of `data` decode without cutting a character in two."""
    enc = encoding.lower().replace('_', '-')
    if enc in ('utf-8', 'utf8', 'u8', 'utf-8-sig'):
        n = len(data)
        for back in range(1, min(4, n) + 1):
            b = data[n - back]
            if b & 0xC0 != 0x80:
                need = 1 if b < 0x80 else 2 if b >> 5 == 6 else 3 if b >> 4 == 14 else 4 if b >> 3 == 30 else 1
                return n if back >= need else n - back
        return n
    if enc.startswith('utf-16'):
        return len(data) & ~1
    if enc.startswith('utf-32'):
        return len(data) & ~3
    return len(data)


# The byte-order-mark codecs and what follows their mark on this (little-endian) machine.
_BOM_FREE = {'utf-16': 'utf-16-le', 'utf16': 'utf-16-le', 'utf-32': 'utf-32-le', 'utf32': 'utf-32-le',
             'utf-8-sig': 'utf-8'}


class IncrementalNewlineDecoder:
    """Translates \\r\\n and \\r to \\n across chunks (when translate is true) and records which
    endings were seen."""
    __module__ = '_io'

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.pendingcr = False
        self.seennl = 0

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = '\r' + output
            self.pendingcr = False
        if output.endswith('\r') and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace('\r\n', '\n')
            if cr:
                output = output.replace('\r', '\n')
        return output

    def reset(self):
        self.seennl = 0
        self.pendingcr = False

    @property
    def newlines(self):
        return (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'), ('\r', '\n', '\r\n'))[self.seennl]


class TextIOWrapper(_TextIOBase):
    """Text over a buffered binary stream: encoding, decoding in chunks, newline handling."""
    __module__ = '_io'
    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f'illegal newline type: {type(newline)!r}')
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline}')
        if encoding is None or encoding == 'locale':
            encoding = 'UTF-8'
        elif not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        ''.encode(encoding)
        if errors is None:
            errors = 'strict'
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or '\n'
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._can_write = buffer.writable()
        # Codecs that start with a byte-order mark write it once, at the start of the file.
        self._bom_free = _BOM_FREE.get(encoding.lower().replace('_', '-'))
        self._write_encoding = encoding
        if self._bom_free and self._can_write and buffer.seekable() and buffer.tell() != 0:
            self._write_encoding = self._bom_free
        self._reset_read()
        self._seennl = IncrementalNewlineDecoder(None, False)

    def _read_encoding(self):
        return self._bom_free if self._bom_free and self._decoded_any else self._encoding

    def _reset_read(self):
        self._decoded_any = False
        self._text = ''
        self._tpos = 0
        self._base = None
        self._pending = b''
        self._eof = False

    def __repr__(self):
        out = '<_io.TextIOWrapper'
        out += _name_part(self)
        try:
            out += f' mode={self.mode!r}'
        except AttributeError:
            pass
        return out + f' encoding={self._encoding!r}>'

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        return self._seennl.newlines if self._readuniversal else None

    @property
    def name(self):
        return self._buffer.name

    @property
    def closed(self):
        return self._buffer.closed

    def _check_open(self):
        if self._buffer.closed:
            raise ValueError('I/O operation on closed file.')

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        self._check_open()
        return self._buffer.readable()

    def writable(self):
        self._check_open()
        return self._buffer.writable()

    def seekable(self):
        self._check_open()
        return self._buffer.seekable()

    def detach(self):
        self.flush()
        buffer, self._buffer = self._buffer, None
        return buffer

    # -- reading: self._text holds decoded, untranslated text; self._tpos is the next character.
    def _load(self):
        """Decodes the next chunk onto the unread text: False at end of file."""
        if self._eof:
            return False
        if self._base is None:
            self._base = self._buffer.tell() if self._buffer.seekable() else 0
        chunk = self._buffer.read1(self._CHUNK_SIZE)
        data = self._pending + chunk
        if not chunk:
            self._eof = True
            self._pending = b''
            if not data:
                return False
            cut = len(data)
        else:
            cut = _complete_prefix(data, self._encoding)
        consumed = self._text[:self._tpos]
        self._base += len(consumed.encode(self._read_encoding(), self._errors))
        self._text = self._text[self._tpos:] + data[:cut].decode(self._read_encoding(), self._errors)
        self._decoded_any = True
        self._tpos = 0
        self._pending = data[cut:]
        return True

    def _line_end(self, start):
        """Index just past the next line ending at or after start, or -1 if none yet."""
        text = self._text
        if not self._readuniversal:
            k = text.find(self._readnl, start)
            return -1 if k < 0 else k + len(self._readnl)
        lf = text.find('\n', start)
        cr = text.find('\r', start, lf if lf >= 0 else len(text))
        if cr < 0:
            return -1 if lf < 0 else lf + 1
        if cr + 1 < len(text):
            return cr + 2 if text[cr + 1] == '\n' else cr + 1
        return cr + 1 if self._eof else -1

    def _emit(self, raw):
        if self._readuniversal and '\r' in raw:
            self._seennl.decode(raw, final=True)
            if self._readtranslate:
                raw = raw.replace('\r\n', '\n').replace('\r', '\n')
        elif self._readuniversal and '\n' in raw:
            self._seennl.seennl |= 1
        return raw

    def read(self, size=-1):
        self._check_open()
        if not self._buffer.readable():
            raise UnsupportedOperation('not readable')
        if size is None or size < 0:
            while self._load():
                pass
            raw = self._text[self._tpos:]
            self._tpos = len(self._text)
            return self._emit(raw)
        while len(self._text) - self._tpos <= size and self._load():
            pass
        text = self._text
        i = self._tpos
        if self._readtranslate:
            count = 0
            while count < size and i < len(text):
                i += 2 if text[i] == '\r' and text[i + 1:i + 2] == '\n' else 1
                count += 1
        else:
            i = min(len(text), i + size)
        raw = text[self._tpos:i]
        self._tpos = i
        return self._emit(raw)

    def readline(self, size=-1):
        self._check_open()
        if size is None:
            size = -1
        while True:
            end = self._line_end(self._tpos)
            if end >= 0 or not self._load():
                break
        if end < 0:
            end = len(self._text)
        if 0 <= size < end - self._tpos:
            end = self._tpos + size
        raw = self._text[self._tpos:end]
        self._tpos = end
        return self._emit(raw)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- writing
    def write(self, s):
        if self._buffer.closed:
            raise ValueError('I/O operation on closed file.')
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        if not self._can_write:
            raise UnsupportedOperation('not writable')
        length = len(s)
        if self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        if self._text or self._pending:
            self._rewind_reads()
        self._buffer.write(s.encode(self._write_encoding, self._errors))
        if self._bom_free:
            self._write_encoding = self._bom_free
        if self._write_through or (self._line_buffering and ('\n' in s or '\r' in s)):
            self._buffer.flush()
        return length

    def _rewind_reads(self):
        pos = self.tell()
        self._reset_read()
        self._buffer.seek(pos)

    def flush(self):
        self._check_open()
        self._buffer.flush()

    def close(self):
        if self._buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    # -- positioning: a position is the byte offset of the next character.
    def tell(self):
        self._check_open()
        if not self._buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        self.flush()
        if self._base is None:
            return self._buffer.tell()
        return self._base + len(self._text[:self._tpos].encode(self._read_encoding(), self._errors))

    def seek(self, cookie, whence=SEEK_SET):
        self._check_open()
        if not self._buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = SEEK_SET
        elif whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._reset_read()
            return self._buffer.seek(0, SEEK_END)
        if whence != SEEK_SET:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        if cookie < 0:
            raise ValueError(f'negative seek position {cookie!r}')
        self.flush()
        self._reset_read()
        self._buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)


class IOBase(_IOBase, metaclass=abc.ABCMeta):
    pass


class RawIOBase(_RawIOBase, IOBase):
    pass


class BufferedIOBase(_BufferedIOBase, IOBase):
    pass


class TextIOBase(_TextIOBase, IOBase):
    pass


RawIOBase.register(FileIO)
for _klass in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair):
    BufferedIOBase.register(_klass)
for _klass in (StringIO, TextIOWrapper):
    TextIOBase.register(_klass)
del _klass


def _register_standard_streams():
    import sys
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if not isinstance(stream, TextIOBase):
            TextIOBase.register(type(stream))


_register_standard_streams()
