"""JSON encoding and decoding with the options and error messages of CPython's json package.

One module stands for the package: JSONEncoder, JSONDecoder and JSONDecodeError live here,
and there are no json.encoder, json.decoder, json.scanner or json.tool submodules.
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]

__version__ = "2.0.9"

_WHITESPACE = " \t\n\r"
_INFINITY = float("inf")


class JSONDecodeError(ValueError):
    """A document that is not valid JSON; says where, as line, column and character index."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = "json.decoder"

# ---------------------------------------------------------------------------------------
# Encoding

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                  "\b": "\\b", "\f": "\\f"}


def _escape_char(ch, ascii_only):
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code < 0x20 or ascii_only and code > 0x7E:
        if code > 0xFFFF:
            code -= 0x10000
            return "\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF))
        return "\\u%04x" % code
    return ch


def _encode_string(text, ascii_only):
    """The JSON string literal of text (py_encode_basestring and its ASCII variant)."""
    out = ['"']
    start = 0
    for index, ch in enumerate(text):
        if ch in _SHORT_ESCAPES or ch < " " or ascii_only and ch > "~":
            out.append(text[start:index])
            out.append(_escape_char(ch, ascii_only))
            start = index + 1
    out.append(text[start:])
    out.append('"')
    return "".join(out)


class JSONEncoder:
    """Turns Python values into JSON text; subclass and override default() for other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        # CPython's C encoder (one-shot, no indent) words the NaN error without the value
        name_value = not (_one_shot and indent is None)
        writer = _Writer(self, indent, {} if self.check_circular else None, name_value)
        return writer.value(o, 0)

    def _float(self, o, name_value=True):
        if o != o:
            text = "NaN"
        elif o == _INFINITY:
            text = "Infinity"
        elif o == -_INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            message = "Out of range float values are not JSON compliant"
            raise ValueError(message + ": " + repr(o) if name_value else message)
        return text


class _Writer:
    """One encoding run: yields the chunks of the JSON text, cut where CPython's pure-Python
    encoder cuts them."""

    def __init__(self, encoder, indent, markers, name_value):
        self.encoder = encoder
        self.indent = indent
        self.markers = markers
        self.name_value = name_value

    def scalar(self, o):
        """The text of a str, None, bool, int or float; None for anything else."""
        if isinstance(o, str):
            return _encode_string(o, self.encoder.ensure_ascii)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.encoder._float(o, self.name_value)
        return None

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self.array(o, level)
        elif isinstance(o, dict):
            yield from self.object(o, level)
        else:
            marker = self.enter(o)
            yield from self.value(self.encoder.default(o), level)
            self.leave(marker)

    def enter(self, o):
        if self.markers is None:
            return None
        marker = id(o)
        if marker in self.markers:
            raise ValueError("Circular reference detected")
        self.markers[marker] = o
        return marker

    def leave(self, marker):
        if marker is not None:
            del self.markers[marker]

    def _layout(self, level):
        """(text after the opening bracket, text between items, text before the closing one)."""
        if self.indent is None:
            return "", self.encoder.item_separator, None
        inner = "\n" + self.indent * (level + 1)
        return inner, self.encoder.item_separator + inner, "\n" + self.indent * level

    def array(self, items, level):
        if not items:
            yield "[]"
            return
        marker = self.enter(items)
        first, between, close = self._layout(level)
        buf = "[" + first
        for index, item in enumerate(items):
            if index:
                buf = between
            text = self.scalar(item)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from self.value(item, level + 1)
        if close is not None:
            yield close
        yield "]"
        self.leave(marker)

    def _key(self, key):
        enc = self.encoder
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return enc._float(key, self.name_value)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if enc.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def object(self, dct, level):
        if not dct:
            yield "{}"
            return
        marker = self.enter(dct)
        enc = self.encoder
        first, between, close = self._layout(level)
        yield "{"
        if first:
            yield first
        items = sorted(dct.items()) if enc.sort_keys else dct.items()
        written = False
        for key, item in items:
            key = self._key(key)
            if key is None:
                continue
            if written:
                yield between
            written = True
            yield _encode_string(key, enc.ensure_ascii)
            yield enc.key_separator
            yield from self.value(item, level + 1)
        if close is not None:
            yield close
        yield "}"
        self.leave(marker)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None and not sort_keys
            and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    encoder = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                  allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                  sort_keys=sort_keys, **kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


# ---------------------------------------------------------------------------------------
# Decoding

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t"}
_CONSTANTS = {"NaN": float("nan"), "Infinity": _INFINITY, "-Infinity": -_INFINITY}
_HEX = "0123456789abcdefABCDEF"
_DIGITS = "0123456789"


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


def _scan_string(s, end, strict=True):
    """The string whose opening quote is at end - 1: (text, index after the closing quote)."""
    begin = end - 1
    chunks = []
    n = len(s)
    while True:
        start = end
        while end < n:
            ch = s[end]
            if ch == '"' or ch == "\\" or strict and ch < " ":
                break
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[start:end])
        ch = s[end]
        if ch == '"':
            return "".join(chunks), end + 1
        if ch != "\\":
            raise JSONDecodeError("Invalid control character at", s, end)
        end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != "u":
            char = _ESCAPES.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            chunks.append(char)
            end += 1
            continue
        code = _hex4(s, end + 1)
        end += 5
        if 0xD800 <= code <= 0xDBFF and s[end:end + 2] == "\\u":
            low = _hex4(s, end + 2)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        chunks.append(chr(code))


def _hex4(s, pos):
    digits = s[pos:pos + 4]
    if len(digits) != 4 or any(d not in _HEX for d in digits):
        raise JSONDecodeError("Invalid \\uXXXX escape", s, pos - 1)
    return int(digits, 16)


class _Scanner:
    """One decoding run over a document, with the decoder's hooks."""

    def __init__(self, decoder, s):
        self.s = s
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def value(self, i):
        """(value, end); raises StopIteration(i) when no value starts at i."""
        s = self.s
        if i >= len(s):
            raise StopIteration(i)
        ch = s[i]
        if ch == '"':
            return _scan_string(s, i + 1, self.strict)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        if ch == "n" and s.startswith("null", i):
            return None, i + 4
        if ch == "t" and s.startswith("true", i):
            return True, i + 4
        if ch == "f" and s.startswith("false", i):
            return False, i + 5
        if ch == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if ch == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if ch == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        return self.number(i)

    def number(self, i):
        s = self.s
        n = len(s)
        start = i
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and "1" <= s[i] <= "9":
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def _item(self, i):
        try:
            return self.value(i)
        except StopIteration as stop:
            raise JSONDecodeError("Expecting value", self.s, stop.value) from None

    def object(self, i):
        s = self.s
        pairs = []
        i = _skip(s, i)
        if s[i:i + 1] != '"':
            if s[i:i + 1] != "}":
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            return self._finish_object(pairs), i + 1
        while True:
            key, i = _scan_string(s, i + 1, self.strict)
            i = _skip(s, i)
            if s[i:i + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            value, i = self._item(_skip(s, i + 1))
            pairs.append((key, value))
            i = _skip(s, i)
            ch = s[i:i + 1]
            i += 1
            if ch == "}":
                break
            if ch != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = _skip(s, i)
            if s[i:i + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        return self._finish_object(pairs), i

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def array(self, i):
        s = self.s
        values = []
        i = _skip(s, i)
        if s[i:i + 1] == "]":
            return values, i + 1
        while True:
            value, i = self._item(i)
            values.append(value)
            i = _skip(s, i)
            ch = s[i:i + 1]
            i += 1
            if ch == "]":
                return values, i
            if ch != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = _skip(s, i)


class JSONDecoder:
    """Turns JSON text into Python values, with hooks for objects, numbers and constants."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self, s).value(idx)
        except StopIteration as stop:
            raise JSONDecodeError("Expecting value", s, stop.value) from None


_default_decoder = JSONDecoder()


def _detect_encoding(b):
    """The encoding of a JSON document given as bytes (RFC 4627's rule on the first bytes)."""
    if b.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return "utf-32"
    if b.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if len(b) >= 4:
        if not b[0]:
            return "utf-16-be" if b[1] else "utf-32-be"
        if not b[1]:
            return "utf-16-le" if b[2] or b[3] else "utf-32-le"
    elif len(b) == 2:
        if not b[0]:
            return "utf-16-be"
        if not b[1]:
            return "utf-16-le"
    return "utf-8"


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f"the JSON object must be str, bytes or bytearray, "
                            f"not {s.__class__.__name__}")
        s = s.decode(_detect_encoding(s), "surrogatepass")
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
