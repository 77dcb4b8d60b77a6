"""Codec registry and base classes, over the engine's built-in codecs (UTF-8/16/32, ASCII,
latin-1): lookup and CodecInfo, stateless and incremental encoders and decoders, stream
readers and writers, the error handler registry and the byte order marks."""

import builtins
import sys
from _codecs import (encode, decode, lookup_error, register_error,
                     utf_8_encode, utf_8_decode, _builtin_codec_name)

__all__ = ["register", "lookup", "open",
           "BOM", "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter", "StreamReaderWriter",
           "getencoder", "getdecoder", "getincrementalencoder", "getincrementaldecoder",
           "getreader", "getwriter", "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors", "xmlcharrefreplace_errors",
           "backslashreplace_errors", "register_error", "lookup_error", "unregister"]

### Byte order marks

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE


class CodecInfo(tuple):
    """The functions and classes of one codec; as a tuple, (encode, decode, reader, writer)."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """Stateless encoding and decoding: each returns (output, length consumed)."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes input given in pieces; encode(..., final=True) ends it."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    """Decodes input given in pieces; decode(..., final=True) ends it."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder that keeps the bytes the codec could not decode yet (a
    sequence cut between two pieces) for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class _OverStream:
    """What the stream classes share: the wrapped stream's other attributes show through, and
    a with block closes it."""

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamWriter(_OverStream, Codec):
    """Writes encoded text to a byte stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass


class StreamReader(_OverStream, Codec):
    """Reads a byte stream back as text."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self.charbuffer = ""

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.bytebuffer + (self.stream.read() if size < 0 else self.stream.read(size))
        text, consumed = self.decode(data, self.errors)
        self.bytebuffer = data[consumed:]
        text = self.charbuffer + text
        if chars >= 0:
            self.charbuffer = text[chars:]
            return text[:chars]
        self.charbuffer = ""
        return text

    def readline(self, size=None, keepends=True):
        text = self.charbuffer + self.read()
        lines = text.splitlines(keepends=True)
        if not lines:
            self.charbuffer = ""
            return ""
        self.charbuffer = "".join(lines[1:])
        return lines[0] if keepends else lines[0].splitlines()[0] if lines[0].strip('\r\n') else ""

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = ""

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration


class StreamReaderWriter(_OverStream):
    """A stream both read and written through a codec, what codecs.open returns."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()


### The built-in codecs

def _builtin_codec(encoding):
    """CodecInfo for an encoding the engine implements, or None. Only UTF-8 keeps state across
    incremental calls; the others decode each piece on its own."""
    name = _builtin_codec_name(encoding)
    if name is None:
        return None
    if name == 'latin-1':
        name = 'iso8859-1'

    def encode(input, errors='strict'):
        return input.encode(name, errors), len(input)

    def decode(input, errors='strict'):
        return bytes(input).decode(name, errors), len(input)

    if name == 'utf-8':
        encode, decode = utf_8_encode, _utf_8_decode
    # A codec that writes a byte order mark writes it once per stream: later pieces go through
    # the codec without one.
    then = _BOM_FOLLOWERS.get(name)
    if then is not None:
        then = _builtin_codec(then).encode
    return CodecInfo(name=name, encode=encode, decode=decode,
                     incrementalencoder=_codec_class(_IncrementalEncoder, name, _encoder=staticmethod(encode),
                                                     _then=staticmethod(then) if then else None),
                     incrementaldecoder=_codec_class(_IncrementalDecoder, name, _decoder=staticmethod(decode)),
                     streamreader=_codec_class(StreamReader, name, decode=staticmethod(decode)),
                     streamwriter=_codec_class(_StreamWriter, name, encode=staticmethod(encode),
                                               _then=staticmethod(then) if then else None))


_BOM_FOLLOWERS = {'utf-16': 'utf-16-le' if sys.byteorder == 'little' else 'utf-16-be',
                  'utf-32': 'utf-32-le' if sys.byteorder == 'little' else 'utf-32-be',
                  'utf-8-sig': 'utf-8'}


def _codec_class(base, codec_name, **namespace):
    """The class a codec's CodecInfo offers for one role, named as its encodings module names it."""
    module = 'encodings.' + codec_name.replace('-', '_').replace('iso8859_1', 'latin_1')
    role = base.__name__.lstrip('_')
    return type(role, (base,), dict(namespace, __module__=module, __qualname__=role))


class _IncrementalEncoder(IncrementalEncoder):
    def encode(self, input, final=False):
        output = self._encoder(input, self.errors)[0]
        if self._then is not None:
            self._encoder = self._then
        return output

    def reset(self):
        self.__dict__.pop('_encoder', None)


class _StreamWriter(StreamWriter):
    def write(self, object):
        StreamWriter.write(self, object)
        if self._then is not None:
            self.encode = self._then

    def reset(self):
        self.__dict__.pop('encode', None)


class _IncrementalDecoder(BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        if self._decoder is _utf_8_decode:
            return utf_8_decode(input, errors, final)
        return self._decoder(input, errors)


def _utf_8_decode(input, errors='strict'):
    return utf_8_decode(input, errors, True)


def _normalize(encoding):
    return '_'.join(''.join(c if c.isalnum() or c == '.' else ' ' for c in encoding.lower()).split())


_search_functions = []
_cache = {}


def register(search_function):
    """Register a function that maps a normalised encoding name to a CodecInfo (or None)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Remove a search function registered with register()."""
    if search_function in _search_functions:
        _search_functions.remove(search_function)
        _cache.clear()


def lookup(encoding):
    """The CodecInfo of an encoding; LookupError when no codec has that name."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    info = _builtin_codec(encoding)
    if info is None:
        for search in _search_functions:
            info = search(key)
            if info is not None:
                if not isinstance(info, tuple) or len(info) != 4:
                    raise TypeError("codec search functions must return 4-tuples")
                break
    if info is None:
        raise LookupError("unknown encoding: %s" % encoding)
    _cache[key] = info
    return info


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encode the strings of iterator one after another with an incremental encoder."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decode the byte strings of iterator one after another with an incremental decoder."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file through a codec: with an encoding the file is opened in binary mode and
    wrapped in a StreamReaderWriter; without one this is the builtin open()."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


strict_errors = lookup_error("strict")
ignore_errors = lookup_error("ignore")
replace_errors = lookup_error("replace")
xmlcharrefreplace_errors = lookup_error("xmlcharrefreplace")
backslashreplace_errors = lookup_error("backslashreplace")
