"""Regular expressions with the semantics of CPython's sre engine.

A pattern is parsed into a tree, compiled into a small instruction list and run by a
backtracking matcher with an explicit stack (no host recursion per character), so long
subjects do not exhaust the recursion limit and a running match stays interruptible.

Supported: literals, classes with ranges and \\d \\w \\s (Unicode or ASCII), anchors, \\b \\B,
greedy, lazy and possessive quantifiers, capturing, named and non-capturing groups,
backreferences, lookahead, fixed-width lookbehind, atomic groups, conditionals, inline and
scoped flags, IGNORECASE through simple case mapping, MULTILINE, DOTALL, VERBOSE, ASCII,
bytes patterns, sub/subn templates and callables, split, findall, finditer, escape.

Not supported: the LOCALE flag's locale-dependent classes (rejected for str patterns, treated
as ASCII for bytes), Pattern.scanner, copying and pickling of patterns and matches, and
the DEBUG flag's dump of the compiled pattern. Case-insensitive matching compares the
simple lower and upper case mappings of both characters, which covers what sre's folding
covers except a few characters with more than two case variants.
"""

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L",
    "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(int):
    """The flags a pattern is compiled with; combine them with |."""

    _names = (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
              ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256))

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        parts = []
        for name, bit in self._names:
            if value & bit:
                parts.append("re." + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)

_FLAG_LETTERS = {"i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64, "a": 256}
_MAXREPEAT = 4294967295
_MAXGROUPS = 1073741823


class error(Exception):
    """A regular expression or replacement template that cannot be compiled."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error

# ---------------------------------------------------------------------------------------
# Character predicates

_ASCII_SPACE = " \t\n\r\f\v"


def _is_word(ch, ascii_only):
    if ascii_only:
        return ch < "\x80" and (ch.isalnum() or ch == "_")
    return ch.isalnum() or ch == "_"


def _is_digit(ch, ascii_only):
    if ascii_only:
        return "0" <= ch <= "9"
    return ch.isdecimal()


def _is_space(ch, ascii_only):
    if ascii_only:
        return ch in _ASCII_SPACE
    return ch.isspace() or ch in "\x1c\x1d\x1e\x1f\x85"


# Characters whose simple case mappings do not reach each other, grouped by their lower case.
_EXTRA_CASES = {
    "k": "\u212a", "s": "\u017f", "\u00e5": "\u212b", "\u00df": "\u1e9e", "\u03b9": "\u0345\u1fbe",
    "\u03b2": "\u03d0", "\u03b5": "\u03f5", "\u03b8": "\u03d1\u03f4", "\u03ba": "\u03f0",
    "\u03bc": "\u00b5", "\u03c0": "\u03d6", "\u03c1": "\u03f1", "\u03c3": "\u03c2",
    "\u03c6": "\u03d5", "\u03c9": "\u2126",
}


def _case_variants(ch):
    variants = {ch}
    for group_key in (ch, ch.lower(), ch.upper().lower()):
        extra = _EXTRA_CASES.get(group_key)
        if extra is not None:
            variants.add(group_key)
            variants.update(extra)
            for other in extra:
                variants.add(other.upper())
            variants.add(group_key.upper())
    for key, extra in _EXTRA_CASES.items():
        if ch in extra:
            variants.add(key)
            variants.update(extra)
            variants.add(key.upper())
    low = ch.lower()
    up = ch.upper()
    if len(low) == 1:
        variants.add(low)
    if len(up) == 1:
        variants.add(up)
        up_low = up.lower()
        if len(up_low) == 1:
            variants.add(up_low)
    return variants


# ---------------------------------------------------------------------------------------
# Parser: pattern text to a tree of tuples

class _Tok:
    """Reads a pattern one logical character (an escape counts as one) at a time."""

    def __init__(self, text, original):
        self.text = text
        self.original = original
        self.index = 0

    def peek(self):
        if self.index >= len(self.text):
            return None
        ch = self.text[self.index]
        if ch == "\\" and self.index + 1 < len(self.text):
            return ch + self.text[self.index + 1]
        return ch

    def get(self):
        tok = self.peek()
        if tok is not None:
            self.index += len(tok)
        return tok

    def match(self, ch):
        if self.peek() == ch:
            self.index += len(ch)
            return True
        return False

    def error(self, msg, offset=0):
        return error(msg, self.original, self.index - offset)

    def getuntil(self, terminator, name):
        start = self.index
        while True:
            if self.index >= len(self.text):
                if start == self.index:
                    raise error("missing " + name, self.original, start)
                raise error("missing %s, unterminated name" % terminator, self.original, start)
            ch = self.text[self.index]
            self.index += 1
            if ch == terminator:
                if self.index - 1 == start:
                    raise error("missing " + name, self.original, start)
                return self.text[start:self.index - 1]


class _State:
    def __init__(self, flags, text, original, is_bytes):
        self.flags = flags
        self.groupdict = {}
        self.open_groups = []
        self.groups = 1
        self.text = text
        self.original = original
        self.is_bytes = is_bytes
        self.lookbehind_groups = None
        self.grouprefpos = {}

    def opengroup(self, name, tok):
        gid = self.groups
        self.groups += 1
        if self.groups > _MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            old = self.groupdict.get(name)
            if old is not None:
                raise error("redefinition of group name %r as group %d; was group %d"
                            % (name, gid, old), self.original, tok.index - len(name) - 1)
            self.groupdict[name] = gid
        self.open_groups.append(gid)
        return gid

    def closegroup(self, gid):
        self.open_groups.remove(gid)


_CATEGORIES = {"d": "digit", "D": "notdigit", "w": "word", "W": "notword",
               "s": "space", "S": "notspace"}
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                   "v": "\v", "\\": "\\"}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_HEXDIGITS = "0123456789abcdefABCDEF"
_REPEAT_CHARS = "*+?{"
_SPECIAL_CHARS = ".\\[{()*+?^$|"


def _parse_hex(tok, escape, digits, kind):
    text = escape
    for _ in range(digits):
        ch = tok.peek()
        if ch is None or ch not in _HEXDIGITS:
            break
        text += tok.get()
    if len(text) - 2 != digits:
        raise tok.error("incomplete escape %s" % text, len(text))
    return int(text[2:], 16)


def _class_escape(tok, state, escape):
    """An escape inside [...]: a code point, or a category tuple."""
    ch = escape[1:2]
    if ch in _SIMPLE_ESCAPES:
        return ord(_SIMPLE_ESCAPES[ch])
    if ch == "x":
        return _parse_hex(tok, escape, 2, "x")
    if ch in "uU" and not state.is_bytes:
        code = _parse_hex(tok, escape, 4 if ch == "u" else 8, ch)
        if code > 0x10FFFF:
            raise tok.error("bad escape %s" % escape, len(escape) + (4 if ch == "u" else 8))
        return code
    if ch == "N" and not state.is_bytes:
        raise tok.error("bad escape %s" % escape, len(escape))
    if ch in _OCTDIGITS:
        text = escape
        while len(text) < 4 and tok.peek() is not None and tok.peek() in _OCTDIGITS:
            text += tok.get()
        code = int(text[1:], 8)
        if code > 0o377:
            raise tok.error("octal escape value %s outside of range 0-0o377" % text, len(text))
        return code
    if ch in _CATEGORIES:
        return ("cat", _CATEGORIES[ch])
    if ch in _DIGITS:
        raise tok.error("bad escape %s" % escape, len(escape))
    if ch in _ASCII_LETTERS:
        raise tok.error("bad escape %s" % escape, len(escape))
    return ord(ch)


def _escape(tok, state, escape, flags):
    """An escape outside a class: a tree node."""
    ch = escape[1:2]
    if ch == "A":
        return ("at", "begin_string")
    if ch == "Z":
        return ("at", "end_string")
    if ch == "b":
        return ("at", "boundary", bool(flags & 256) or state.is_bytes)
    if ch == "B":
        return ("at", "non_boundary", bool(flags & 256) or state.is_bytes)
    if ch in _CATEGORIES:
        return ("set", False, [("cat", _CATEGORIES[ch])], _class_flags(flags, state))
    if ch in _DIGITS and ch != "0":
        # a backreference, or an octal escape of three digits
        text = escape
        if tok.peek() is not None and tok.peek() in _DIGITS:
            if (ch in _OCTDIGITS and tok.peek() in _OCTDIGITS and tok.index + 1 < len(tok.text)
                    and tok.text[tok.index + 1] in _OCTDIGITS):
                text += tok.get() + tok.get()
                code = int(text[1:], 8)
                if code > 0o377:
                    raise tok.error("octal escape value %s outside of range 0-0o377" % text,
                                    len(text))
                return _literal(chr(code), flags)
            text += tok.get()
        group = int(text[1:])
        if group < state.groups:
            if group in state.open_groups:
                raise tok.error("cannot refer to an open group", len(text))
            _check_lookbehind_ref(state, group, tok)
            return ("groupref", group, bool(flags & 2))
        raise tok.error("invalid group reference %d" % group, len(text) - 1)
    code = _class_escape(tok, state, escape)
    if isinstance(code, tuple):
        return ("set", False, [code], _class_flags(flags, state))
    return _literal(chr(code), flags)


def _check_lookbehind_ref(state, group, tok):
    if state.lookbehind_groups is not None and group >= state.lookbehind_groups:
        raise tok.error("cannot refer to group defined in the same lookbehind subpattern")


def _class_flags(flags, state):
    return (bool(flags & 2), bool(flags & 256) or state.is_bytes)


def _literal(ch, flags):
    if flags & 2:
        variants = _case_variants(ch)
        if len(variants) > 1:
            return ("lit_i", frozenset(variants))
    return ("lit", ch)


def _parse_alternation(tok, state, flags, nested):
    """alternative ('|' alternative)* up to ')' or the end."""
    branches = []
    start = tok.index
    while True:
        branches.append(_parse_sequence(tok, state, flags, nested, not branches and start == 0))
        if not tok.match("|"):
            break
    if len(branches) == 1:
        return branches[0]
    return ("alt", branches)


def _skip_verbose(tok, flags):
    while flags & 64:
        ch = tok.peek()
        if ch is None:
            return
        if ch in " \t\n\r\v\f":
            tok.get()
        elif ch == "#":
            while True:
                c = tok.get()
                if c is None or c == "\n":
                    break
        else:
            return


def _parse_sequence(tok, state, flags, nested, at_start):
    items = []
    while True:
        _skip_verbose(tok, flags)
        here = tok.index
        ch = tok.peek()
        if ch is None:
            break
        if ch in "|)":
            break
        tok.get()
        if ch[0] == "\\":
            if len(ch) == 1:
                raise error("bad escape (end of pattern)", tok.original, here)
            items.append(_escape(tok, state, ch, flags))
        elif ch == "[":
            items.append(_parse_class(tok, state, flags, here))
        elif ch in _REPEAT_CHARS:
            if ch == "{" and not _looks_like_count(tok):
                items.append(_literal("{", flags))
                continue
            if not items:
                raise error("nothing to repeat", tok.original, here)
            last = items[-1]
            if last[0] == "at":
                raise error("nothing to repeat", tok.original, here)
            if last[0] == "repeat" and last[5] == here:
                raise error("multiple repeat", tok.original, here)
            lo, hi = _parse_quantifier(tok, ch, here)
            mode = "greedy"
            if tok.match("?"):
                mode = "lazy"
            elif tok.match("+"):
                mode = "possessive"
            items[-1] = ("repeat", lo, hi, mode, last, tok.index)
            if last[0] == "empty":
                raise error("nothing to repeat", tok.original, here)
        elif ch == ".":
            items.append(("any", bool(flags & 16)))
        elif ch == "^":
            items.append(("at", "bol" if flags & 8 else "begin"))
        elif ch == "$":
            items.append(("at", "eol" if flags & 8 else "end"))
        elif ch == "(":
            node = _parse_group(tok, state, flags, here, at_start and not items)
            if node is not None:
                if node[0] == "setflags":
                    flags = node[1]
                    state.flags = flags
                    continue
                items.append(node)
        else:
            items.append(_literal(ch, flags))
    return ("seq", items)


def _looks_like_count(tok):
    rest = tok.text[tok.index:]
    close = rest.find("}")
    if close < 0:
        return False
    body = rest[:close]
    lo, comma, hi = body.partition(",")
    if not lo and not comma:
        return False
    return (lo == "" or lo.isdigit() and lo.isascii()) and (hi == "" or hi.isdigit() and hi.isascii())


def _parse_quantifier(tok, ch, here):
    if ch == "*":
        return 0, _MAXREPEAT
    if ch == "+":
        return 1, _MAXREPEAT
    if ch == "?":
        return 0, 1
    rest = tok.text[tok.index:]
    close = rest.find("}")
    body = rest[:close]
    tok.index += close + 1
    lo, comma, hi = body.partition(",")
    lo = int(lo) if lo else 0
    if comma:
        hi = int(hi) if hi else _MAXREPEAT
    else:
        hi = lo
    if lo >= _MAXREPEAT or (hi != _MAXREPEAT and hi >= _MAXREPEAT):
        raise OverflowError("the repetition number is too large")
    if hi < lo:
        raise error("min repeat greater than max repeat", tok.original, here + 1)
    return lo, hi


def _parse_class(tok, state, flags, here):
    items = []
    negate = tok.match("^")
    first = True
    while True:
        ch = tok.get()
        if ch is None:
            raise error("unterminated character set", tok.original, here)
        if ch == "]" and not first:
            break
        first = False
        item_start = tok.index - len(ch)
        if ch[0] == "\\":
            if len(ch) == 1:
                raise error("unterminated character set", tok.original, here)
            lo = _class_escape(tok, state, ch)
        else:
            lo = ord(ch)
        if tok.peek() == "-":
            tok.get()
            nxt = tok.get()
            if nxt is None:
                raise error("unterminated character set", tok.original, here)
            if nxt == "]":
                if isinstance(lo, tuple):
                    items.append(lo)
                else:
                    items.append(("range", lo, lo))
                items.append(("range", 45, 45))
                break
            if nxt[0] == "\\":
                hi = _class_escape(tok, state, nxt)
            else:
                hi = ord(nxt)
            if isinstance(lo, tuple) or isinstance(hi, tuple):
                text = tok.text[item_start:tok.index]
                raise error("bad character range %s" % text, tok.original, item_start)
            if hi < lo:
                text = tok.text[item_start:tok.index]
                raise error("bad character range %s" % text, tok.original, item_start)
            items.append(("range", lo, hi))
        elif isinstance(lo, tuple):
            items.append(lo)
        else:
            items.append(("range", lo, lo))
    return ("set", negate, items, _class_flags(flags, state))


def _parse_flags(tok, state, flags, here):
    add = 0
    remove = 0
    ch = tok.get()
    while ch is not None and ch in _FLAG_LETTERS:
        add |= _check_flag(tok, state, ch, add)
        ch = tok.get()
    if ch == "-":
        ch = tok.get()
        if ch is None or ch not in _FLAG_LETTERS:
            if ch is not None and ch.isalpha():
                raise tok.error("unknown flag", 1)
            raise tok.error("missing flag", len(ch) if ch else 0)
        while ch is not None and ch in _FLAG_LETTERS:
            if ch in "Lau":
                raise tok.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 1)
            remove |= _FLAG_LETTERS[ch]
            ch = tok.get()
        if add & remove:
            raise tok.error("bad inline flags: flag turned on and off", 1)
        if ch != ":":
            if ch is not None and ch.isalpha():
                raise tok.error("unknown flag", 1)
            raise tok.error("missing :", len(ch) if ch else 0)
        return add, remove, True
    if ch == ")":
        return add, remove, False
    if ch == ":":
        return add, remove, True
    if ch is not None and ch.isalpha():
        raise tok.error("unknown flag", 1)
    raise tok.error("missing -, : or )", len(ch) if ch else 0)


def _check_flag(tok, state, ch, add):
    bit = _FLAG_LETTERS[ch]
    if state.is_bytes and ch == "u":
        raise tok.error("bad inline flags: cannot use 'u' flag with a bytes pattern", 1)
    if not state.is_bytes and ch == "L":
        raise tok.error("bad inline flags: cannot use 'L' flag with a str pattern", 1)
    if bit in (4, 32, 256) and add & (4 | 32 | 256) and not add & bit:
        raise tok.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 1)
    return bit


def _parse_group(tok, state, flags, here, at_start):
    name = None
    capture = True
    if tok.match("?"):
        ch = tok.get()
        if ch is None:
            raise error("unexpected end of pattern", tok.original, tok.index)
        if ch == "P":
            if tok.match("<"):
                name = tok.getuntil(">", "group name")
                _check_group_name(tok, name, 1)
            elif tok.match("="):
                name = tok.getuntil(")", "group name")
                _check_group_name(tok, name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise error("unknown group name %r" % name, tok.original,
                                tok.index - len(name) - 1)
                if gid in state.open_groups:
                    raise error("cannot refer to an open group", tok.original,
                                tok.index - len(name) - 1)
                _check_lookbehind_ref(state, gid, tok)
                return ("groupref", gid, bool(flags & 2))
            else:
                nxt = tok.get()
                if nxt is None:
                    raise error("unexpected end of pattern", tok.original, tok.index)
                raise error("unknown extension ?P" + nxt, tok.original, tok.index - len(nxt) - 2)
        elif ch == ":":
            capture = False
        elif ch == "#":
            while True:
                c = tok.get()
                if c is None:
                    raise error("missing ), unterminated comment", tok.original, here)
                if c == ")":
                    return None
        elif ch in "=!<>":
            kind = ch
            behind = False
            if ch == "<":
                nxt = tok.get()
                if nxt is None:
                    raise error("unexpected end of pattern", tok.original, tok.index)
                if nxt not in "=!":
                    raise error("unknown extension ?<" + nxt, tok.original, tok.index - len(nxt) - 2)
                behind = True
                kind = nxt
            if kind == ">":
                body = _parse_alternation(tok, state, flags, True)
                _expect_close(tok, here)
                return ("atomic", body)
            saved = state.lookbehind_groups
            if behind and saved is None:
                state.lookbehind_groups = state.groups
            body = _parse_alternation(tok, state, flags, True)
            state.lookbehind_groups = saved
            _expect_close(tok, here)
            if behind:
                lo, hi = _width(body)
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                return ("look", False, kind == "!", body, lo)
            return ("look", True, kind == "!", body, 0)
        elif ch == "(":
            ref_start = tok.index
            ref = tok.getuntil(")", "group name")
            if ref.isdigit() and ref.isascii():
                gid = int(ref)
                if gid == 0:
                    raise error("bad group number", tok.original, ref_start)
                if gid >= _MAXGROUPS:
                    raise error("invalid group reference %d" % gid, tok.original, ref_start)
                if gid not in state.grouprefpos:
                    state.grouprefpos[gid] = ref_start - 3
            else:
                if not ref.isidentifier():
                    raise error("bad character in group name %r" % ref, tok.original, ref_start)
                gid = state.groupdict.get(ref)
                if gid is None:
                    raise error("unknown group name %r" % ref, tok.original, ref_start)
            _check_lookbehind_ref(state, gid, tok) if state.lookbehind_groups is not None and gid >= state.lookbehind_groups else None
            yes = _parse_sequence(tok, state, flags, True, False)
            no = None
            if tok.match("|"):
                no = _parse_sequence(tok, state, flags, True, False)
                if tok.peek() == "|":
                    raise error("conditional backref with more than two branches",
                                tok.original, tok.index)
            _expect_close(tok, here)
            return ("cond", gid, yes, no or ("seq", []))
        elif ch in _FLAG_LETTERS or ch == "-":
            tok.index -= 1
            add, remove, scoped = _parse_flags(tok, state, flags, here)
            if not scoped:
                if not at_start:
                    raise error("global flags not at the start of the expression",
                                tok.original, here)
                return ("setflags", flags | add)
            inner = (flags | add) & ~remove
            body = _parse_alternation(tok, state, inner, True)
            _expect_close(tok, here)
            return ("group", None, body)
        else:
            raise error("unknown extension ?" + ch, tok.original, tok.index - len(ch) - 1)
    gid = state.opengroup(name, tok) if capture else None
    body = _parse_alternation(tok, state, flags, True)
    _expect_close(tok, here)
    if gid is not None:
        state.closegroup(gid)
    return ("group", gid, body)


def _check_group_name(tok, name, offset):
    if not name.isidentifier():
        raise error("bad character in group name %r" % name, tok.original,
                    tok.index - len(name) - offset)


def _expect_close(tok, here):
    if not tok.match(")"):
        raise error("missing ), unterminated subpattern", tok.original, here)


def _width(node):
    """(min, max) length a node can match; max is _MAXREPEAT when unbounded."""
    kind = node[0]
    if kind in ("lit", "lit_i", "any", "set"):
        return 1, 1
    if kind in ("at", "look", "empty"):
        return 0, 0
    if kind == "seq":
        lo = hi = 0
        for item in node[1]:
            a, b = _width(item)
            lo += a
            hi = min(hi + b, _MAXREPEAT)
        return lo, hi
    if kind == "alt":
        widths = [_width(b) for b in node[1]]
        return min(w[0] for w in widths), max(w[1] for w in widths)
    if kind == "group":
        return _width(node[2])
    if kind == "atomic":
        return _width(node[1])
    if kind == "repeat":
        a, b = _width(node[4])
        return min(a * node[1], _MAXREPEAT), min(b * node[2], _MAXREPEAT)
    if kind == "cond":
        a, b = _width(node[2])
        c, d = _width(node[3])
        return min(a, c), max(b, d)
    if kind == "groupref":
        return 0, _MAXREPEAT
    return 0, _MAXREPEAT


def _parse(text, original, flags, is_bytes):
    tok = _Tok(text, original)
    state = _State(flags, text, original, is_bytes)
    tree = _parse_alternation(tok, state, flags, False)
    if tok.peek() == ")":
        raise error("unbalanced parenthesis", original, tok.index)
    if tok.peek() is not None:
        raise error("unexpected end of pattern", original, tok.index)
    for gid, pos in state.grouprefpos.items():
        if gid >= state.groups:
            raise error("invalid group reference %d" % gid, original, pos + 3)
    return tree, state


# ---------------------------------------------------------------------------------------
# Compiler: tree to instructions. Each instruction is a tuple whose first item is its opcode.

_LIT, _LIT_I, _ANY, _ANY_ALL, _SET, _SPLIT, _JMP, _SAVE, _AT, _GROUPREF, _LOOK, _ATOMIC, \
    _COND, _MATCH, _MARK, _PROGRESS, _END_ABS = range(17)


class _Compiler:
    def __init__(self):
        self.registers = 0

    def program(self, node, tail):
        code = []
        self.emit(node, code)
        code.extend(tail)
        return code

    def emit(self, node, code):
        kind = node[0]
        if kind == "lit":
            code.append((_LIT, node[1]))
        elif kind == "lit_i":
            code.append((_LIT_I, node[1]))
        elif kind == "any":
            code.append((_ANY_ALL,) if node[1] else (_ANY,))
        elif kind == "set":
            code.append((_SET, _make_set(node[1], node[2], node[3])))
        elif kind == "seq":
            for item in node[1]:
                self.emit(item, code)
        elif kind == "alt":
            jumps = []
            branches = node[1]
            for index, branch in enumerate(branches):
                if index < len(branches) - 1:
                    split = len(code)
                    code.append(None)
                    self.emit(branch, code)
                    jumps.append(len(code))
                    code.append(None)
                    code[split] = (_SPLIT, split + 1, len(code))
                else:
                    self.emit(branch, code)
            for j in jumps:
                code[j] = (_JMP, len(code))
        elif kind == "group":
            gid = node[1]
            if gid is None:
                self.emit(node[2], code)
            else:
                code.append((_SAVE, 2 * gid, 0))
                self.emit(node[2], code)
                code.append((_SAVE, 2 * gid + 1, gid))
        elif kind == "at":
            code.append((_AT, node[1], node[2] if len(node) > 2 else False))
        elif kind == "groupref":
            code.append((_GROUPREF, node[1], node[2]))
        elif kind == "look":
            sub = self.program(node[3], [(_MATCH,)])
            code.append((_LOOK, sub, node[1], node[2], node[4]))
        elif kind == "atomic":
            sub = self.program(node[1], [(_MATCH,)])
            code.append((_ATOMIC, sub))
        elif kind == "cond":
            at = len(code)
            code.append(None)
            self.emit(node[2], code)
            jump = len(code)
            code.append(None)
            code[at] = (_COND, node[1], len(code))
            self.emit(node[3], code)
            code[jump] = (_JMP, len(code))
        elif kind == "repeat":
            self.emit_repeat(node, code)

    def emit_repeat(self, node, code):
        lo, hi, mode, body = node[1], node[2], node[3], node[4]
        if mode == "possessive":
            sub = self.program(("repeat", lo, hi, "greedy", body, 0), [(_MATCH,)])
            code.append((_ATOMIC, sub))
            return
        greedy = mode == "greedy"
        for _ in range(lo):
            self.emit(body, code)
        if hi == _MAXREPEAT:
            can_be_empty = _width(body)[0] == 0
            register = None
            if can_be_empty:
                register = self.registers
                self.registers += 1
            loop = len(code)
            code.append(None)
            if register is not None:
                code.append((_MARK, register))
            self.emit(body, code)
            progress = len(code)
            if register is not None:
                code.append(None)
            code.append((_JMP, loop))
            if register is not None:
                code[progress] = (_PROGRESS, register, len(code))
            code[loop] = (_SPLIT, loop + 1, len(code)) if greedy else (_SPLIT, len(code), loop + 1)
            return
        exits = []
        for _ in range(hi - lo):
            exits.append(len(code))
            code.append(None)
            self.emit(body, code)
        for at in exits:
            code[at] = (_SPLIT, at + 1, len(code)) if greedy else (_SPLIT, len(code), at + 1)


def _make_set(negate, items, class_flags):
    ignore_case, ascii_only = class_flags
    chars = set()
    ranges = []
    cats = []
    for item in items:
        if item[0] == "cat":
            cats.append(item[1])
        elif item[1] == item[2]:
            chars.add(chr(item[1]))
        else:
            ranges.append((item[1], item[2]))
    if ignore_case:
        for ch in list(chars):
            chars.update(_case_variants(ch))
    return (negate, frozenset(chars), tuple(ranges), tuple(cats), ignore_case, ascii_only)


def _in_set(spec, ch):
    negate, chars, ranges, cats, ignore_case, ascii_only = spec
    if _set_has(chars, ranges, cats, ascii_only, ch):
        return not negate
    if ignore_case and ranges:
        for variant in _case_variants(ch):
            if variant != ch and _set_has(chars, ranges, (), ascii_only, variant):
                return not negate
    return negate


def _set_has(chars, ranges, cats, ascii_only, ch):
    if ch in chars:
        return True
    code = ord(ch)
    for lo, hi in ranges:
        if lo <= code <= hi:
            return True
    for cat in cats:
        if cat == "digit":
            if _is_digit(ch, ascii_only):
                return True
        elif cat == "notdigit":
            if not _is_digit(ch, ascii_only):
                return True
        elif cat == "word":
            if _is_word(ch, ascii_only):
                return True
        elif cat == "notword":
            if not _is_word(ch, ascii_only):
                return True
        elif cat == "space":
            if _is_space(ch, ascii_only):
                return True
        elif not _is_space(ch, ascii_only):
            return True
    return False


# ---------------------------------------------------------------------------------------
# Matcher

def _at(kind, ascii_only, s, i, end):
    if kind == "begin":
        return i == 0
    if kind == "bol":
        return i == 0 or s[i - 1] == "\n"
    if kind == "end":
        return i == end or (i == end - 1 and s[i] == "\n")
    if kind == "eol":
        return i == end or s[i] == "\n"
    if kind == "begin_string":
        return i == 0
    if kind == "end_string":
        return i == end
    before = i > 0 and _is_word(s[i - 1], ascii_only)
    after = i < end and _is_word(s[i], ascii_only)
    if kind == "boundary":
        return end > 0 and before != after
    return end > 0 and before == after


def _run(code, s, pc, i, end, marks, start, must_advance):
    """Runs code from pc at i; returns (end position, undo log) or None. Marks holds the
    group boundaries (and loop registers) and is restored on every backtrack."""
    stack = []
    undo = []
    steps = 0
    while True:
        op = code[pc]
        kind = op[0]
        ok = True
        if kind == _LIT:
            if i < end and s[i] == op[1]:
                i += 1
                pc += 1
                continue
            ok = False
        elif kind == _SPLIT:
            stack.append((op[2], i, len(undo)))
            pc = op[1]
            continue
        elif kind == _JMP:
            pc = op[1]
            continue
        elif kind == _SET:
            if i < end and _in_set(op[1], s[i]):
                i += 1
                pc += 1
                continue
            ok = False
        elif kind == _ANY:
            if i < end and s[i] != "\n":
                i += 1
                pc += 1
                continue
            ok = False
        elif kind == _ANY_ALL:
            if i < end:
                i += 1
                pc += 1
                continue
            ok = False
        elif kind == _LIT_I:
            if i < end and s[i] in op[1]:
                i += 1
                pc += 1
                continue
            ok = False
        elif kind == _SAVE:
            slot = op[1]
            undo.append((slot, marks[slot]))
            marks[slot] = i
            if op[2]:
                undo.append((-1, marks[-1]))
                marks[-1] = op[2]
            pc += 1
            continue
        elif kind == _MATCH:
            if must_advance and i == start:
                ok = False
            else:
                return i, undo
        elif kind == _AT:
            if _at(op[1], op[2], s, i, end):
                pc += 1
                continue
            ok = False
        elif kind == _MARK:
            slot = -2 - op[1]
            undo.append((slot, marks[slot]))
            marks[slot] = i
            pc += 1
            continue
        elif kind == _PROGRESS:
            # an iteration that matched nothing ends the loop, as sre's REPEAT does
            pc = pc + 1 if marks[-2 - op[1]] != i else op[2]
            continue
        elif kind == _GROUPREF:
            a = marks[2 * op[1]]
            b = marks[2 * op[1] + 1]
            if a < 0 or b < 0:
                ok = False
            else:
                text = s[a:b]
                n = len(text)
                if op[2]:
                    if i + n <= end and all(_case_variants(x) & _case_variants(y)
                                            for x, y in zip(text, s[i:i + n])):
                        i += n
                        pc += 1
                        continue
                elif s.startswith(text, i, end):
                    i += n
                    pc += 1
                    continue
                ok = False
        elif kind == _ATOMIC:
            result = _run(op[1], s, 0, i, end, marks, -1, False)
            if result is None:
                ok = False
            else:
                i = result[0]
                undo.extend(result[1])
                pc += 1
                continue
        elif kind == _LOOK:
            ahead, negative, width = op[2], op[3], op[4]
            if ahead:
                result = _run(op[1], s, 0, i, end, marks, -1, False)
            elif i - width < 0:
                result = None
            else:
                result = _run(op[1] + [(_END_ABS, i)], s, 0, i - width, end, marks, -1, False)
            if negative:
                if result is not None:
                    for slot, value in reversed(result[1]):
                        marks[slot] = value
                    ok = False
                else:
                    pc += 1
                    continue
            elif result is None:
                ok = False
            else:
                undo.extend(result[1])
                pc += 1
                continue
        elif kind == _COND:
            if marks[2 * op[1] + 1] >= 0 and marks[2 * op[1]] >= 0:
                pc += 1
            else:
                pc = op[2]
            continue
        elif kind == _END_ABS:
            if i == op[1]:
                pc += 1
                continue
            ok = False
        if not ok:
            steps += 1
            if not stack:
                for slot, value in reversed(undo):
                    marks[slot] = value
                return None
            pc, i, depth = stack.pop()
            while len(undo) > depth:
                slot, value = undo.pop()
                marks[slot] = value


# ---------------------------------------------------------------------------------------
# Pattern and Match

_cache = {}
_MAXCACHE = 512


def _to_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")
    raise TypeError("expected string or bytes-like object, got '%s'" % type(value).__name__)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        is_bytes = not isinstance(pattern, str)
        text = _to_text(pattern)
        flags = int(flags)
        if is_bytes:
            if flags & 32:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & 4 and flags & 256:
                raise ValueError("ASCII and LOCALE flags are incompatible")
        else:
            if flags & 4:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & 256 and flags & 32:
                raise ValueError("ASCII and UNICODE flags are incompatible")
        tree, state = _parse(text, pattern, flags, is_bytes)
        flags = state.flags
        if not is_bytes and not flags & 256:
            flags |= 32
        self._is_bytes = is_bytes
        self.pattern = pattern
        self.flags = flags
        self.groups = state.groups - 1
        self.groupindex = dict(state.groupdict)
        self._names = {gid: name for name, gid in state.groupdict.items()}
        compiler = _Compiler()
        self._code = compiler.program(tree, [(_MATCH,)])
        self._registers = compiler.registers
        self._full = None
        self._first = _first_literal(tree)

    def __repr__(self):
        flags = self.flags
        if not self._is_bytes:
            flags &= ~32
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _check_subject(self, string):
        if self._is_bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif not isinstance(string, str):
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)
        return _to_text(string)

    def _bounds(self, text, pos, endpos):
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        return min(pos, n), endpos

    def _attempt(self, code, text, start, end, must_advance):
        marks = [-1] * (2 * self.groups + 2) + [-1] * self._registers + [0]
        marks[-1] = 0
        result = _run(code, text, 0, start, end, marks, start, must_advance)
        if result is None:
            return None
        marks[0] = start
        marks[1] = result[0]
        return marks

    def _search(self, text, pos, end, must_advance=False):
        code = self._code
        first = self._first
        start = pos
        while start <= end:
            if first is not None:
                found = text.find(first, start, end)
                if found < 0:
                    return None
                start = found
            marks = self._attempt(code, text, start, end, must_advance and start == pos)
            if marks is not None:
                return marks
            start += 1
        return None

    def _make(self, string, marks, pos, endpos):
        return Match(self, string, marks, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        text = self._check_subject(string)
        pos, end = self._bounds(text, pos, endpos)
        if pos > end:
            return None
        marks = self._attempt(self._code, text, pos, end, False)
        return None if marks is None else Match(self, string, marks, pos, end)

    def fullmatch(self, string, pos=0, endpos=None):
        text = self._check_subject(string)
        pos, end = self._bounds(text, pos, endpos)
        if pos > end:
            return None
        if self._full is None:
            self._full = self._code[:-1] + [(_END_ABS, -1), (_MATCH,)]
        code = self._full[:-2] + [(_END_ABS, end), (_MATCH,)]
        marks = self._attempt(code, text, pos, end, False)
        return None if marks is None else Match(self, string, marks, pos, end)

    def search(self, string, pos=0, endpos=None):
        text = self._check_subject(string)
        pos, end = self._bounds(text, pos, endpos)
        if pos > end:
            return None
        marks = self._search(text, pos, end)
        return None if marks is None else Match(self, string, marks, pos, end)

    def _iter_marks(self, text, pos, end):
        must_advance = False
        while pos <= end:
            marks = self._search(text, pos, end, must_advance)
            if marks is None:
                return
            yield marks
            must_advance = marks[1] == marks[0]
            pos = marks[1]

    def finditer(self, string, pos=0, endpos=None):
        text = self._check_subject(string)
        pos, end = self._bounds(text, pos, endpos)
        for marks in self._iter_marks(text, pos, end):
            yield Match(self, string, marks, pos, end)

    def findall(self, string, pos=0, endpos=None):
        text = self._check_subject(string)
        pos, end = self._bounds(text, pos, endpos)
        result = []
        for marks in self._iter_marks(text, pos, end):
            if self.groups == 0:
                result.append(self._piece(string, marks[0], marks[1]))
            elif self.groups == 1:
                result.append(self._piece(string, marks[2], marks[3], True))
            else:
                result.append(tuple(self._piece(string, marks[2 * g], marks[2 * g + 1], True)
                                    for g in range(1, self.groups + 1)))
        return result

    def _piece(self, string, a, b, empty_if_unset=False):
        if a < 0 or b < 0:
            if empty_if_unset:
                return string[:0] if not isinstance(string, (bytearray, memoryview)) else b""
            return None
        piece = string[a:b]
        if isinstance(piece, (bytearray, memoryview)):
            piece = bytes(piece)
        return piece

    def split(self, string, maxsplit=0):
        text = self._check_subject(string)
        pieces = []
        last = 0
        count = 0
        for marks in self._iter_marks(text, 0, len(text)):
            if maxsplit and count >= maxsplit:
                break
            pieces.append(self._piece(string, last, marks[0]))
            for g in range(1, self.groups + 1):
                pieces.append(self._piece(string, marks[2 * g], marks[2 * g + 1]))
            last = marks[1]
            count += 1
        pieces.append(self._piece(string, last, len(text)))
        return pieces

    def subn(self, repl, string, count=0):
        text = self._check_subject(string)
        if callable(repl):
            template = None
        else:
            template = _compile_template(self, repl)
        parts = []
        last = 0
        n = 0
        for marks in self._iter_marks(text, 0, len(text)):
            if count and n >= count:
                break
            parts.append(text[last:marks[0]])
            match = Match(self, string, marks, 0, len(text))
            if template is None:
                value = repl(match)
                if value is not None:
                    parts.append(_to_text(value) if self._is_bytes else _check_str(value))
            else:
                parts.append(_to_text(_expand_template(template, match)) if self._is_bytes
                             else _expand_template(template, match))
            last = marks[1]
            n += 1
        parts.append(text[last:])
        joined = "".join(parts)
        if self._is_bytes:
            joined = joined.encode("latin-1")
        return joined, n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("expected str instance, %s found" % type(value).__name__)
    return value


def _first_literal(tree):
    node = tree
    while True:
        if node[0] == "seq":
            if not node[1]:
                return None
            node = node[1][0]
        elif node[0] == "group":
            node = node[2]
        elif node[0] == "lit":
            return node[1]
        elif node[0] == "repeat" and node[1] > 0:
            node = node[4]
        else:
            return None


def _compile_template(pattern, repl):
    """A replacement template as a list of literal strings and group numbers."""
    is_bytes = pattern._is_bytes
    if is_bytes:
        if isinstance(repl, str):
            raise TypeError("expected a bytes-like object, str found")
    elif not isinstance(repl, str):
        raise TypeError("expected str instance, %s found" % type(repl).__name__)
    text = _to_text(repl)
    items = []
    literal = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        nxt = text[i + 1]
        if nxt == "g":
            if i + 2 >= n or text[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            close = text.find(">", i + 3)
            if close < 0:
                if i + 3 >= n:
                    raise error("missing group name", repl, i + 3)
                raise error("missing >, unterminated name", repl, i + 3)
            name = text[i + 3:close]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit() and name.isascii():
                gid = int(name)
                if gid > pattern.groups:
                    raise IndexError("invalid group reference %d" % gid)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                gid = pattern.groupindex[name]
            else:
                raise error("bad character in group name %r" % name, repl, i + 3)
            _flush(items, literal)
            items.append(gid)
            i = close + 1
        elif nxt == "0":
            j = i + 2
            while j < n and j < i + 4 and text[j] in _OCTDIGITS:
                j += 1
            literal.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif nxt in _DIGITS:
            j = i + 2
            if j < n and text[j] in _DIGITS:
                if (nxt in _OCTDIGITS and text[j] in _OCTDIGITS and j + 1 < n
                        and text[j + 1] in _OCTDIGITS):
                    code = int(text[i + 1:j + 2], 8)
                    if code > 0o377:
                        raise error("octal escape value %s outside of range 0-0o377"
                                    % text[i:j + 2], repl, i)
                    literal.append(chr(code))
                    i = j + 2
                    continue
                j += 1
            gid = int(text[i + 1:j])
            if gid > pattern.groups:
                raise error("invalid group reference %d" % gid, repl, i + 1)
            _flush(items, literal)
            items.append(gid)
            i = j
        elif nxt in _SIMPLE_ESCAPES:
            literal.append(_SIMPLE_ESCAPES[nxt])
            i += 2
        elif nxt in _ASCII_LETTERS:
            raise error("bad escape %s" % text[i:i + 2], repl, i)
        else:
            literal.append(text[i:i + 2])
            i += 2
    _flush(items, literal)
    return items, is_bytes


def _flush(items, literal):
    if literal:
        items.append("".join(literal))
        literal.clear()


def _expand_template(template, match):
    items, is_bytes = template
    out = []
    for item in items:
        if isinstance(item, int):
            value = match.group(item)
            if value is not None:
                out.append(_to_text(value))
        else:
            out.append(item)
    joined = "".join(out)
    return joined.encode("latin-1") if is_bytes else joined


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, marks, pos, endpos):
        self.re = pattern
        self.string = string
        self._marks = marks
        self.pos = pos
        self.endpos = endpos
        last = marks[-1]
        self.lastindex = last if last else None

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        return self.re._names.get(self.lastindex)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool) or hasattr(group, "__index__") and not isinstance(group, str):
            try:
                index = group.__index__()
            except (AttributeError, TypeError):
                raise IndexError("no such group")
            if 0 <= index <= self.re.groups:
                return index
            raise IndexError("no such group")
        if isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError("no such group")

    def _get(self, index, default=None):
        a = self._marks[2 * index]
        b = self._marks[2 * index + 1]
        if a < 0 or b < 0:
            return default
        return self.re._piece(self.string, a, b)

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(gid, default) for name, gid in self.re.groupindex.items()}

    def start(self, group=0):
        index = self._index(group)
        a, b = self._marks[2 * index], self._marks[2 * index + 1]
        return a if b >= 0 else -1

    def end(self, group=0):
        index = self._index(group)
        a, b = self._marks[2 * index], self._marks[2 * index + 1]
        return b if a >= 0 else -1

    def span(self, group=0):
        return self.start(group), self.end(group)

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


Pattern.__module__ = "re"
Match.__module__ = "re"


# ---------------------------------------------------------------------------------------
# Module-level functions

def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        key = None
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray, memoryview)):
        raise TypeError("first argument must be string or compiled pattern")
    compiled = Pattern(pattern, flags)
    if key is not None and not flags & 128:
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | 1)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + ch if ch in _SPECIAL else ch for ch in pattern)
    text = bytes(pattern).decode("latin-1")
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text).encode("latin-1")
