"""Common string constants, capwords, and the Formatter and Template classes.

Formatter parses with the native _string module as CPython's does. Template scans its text by
hand instead of through a regular expression; it accepts $name, ${name} and $$ with the
default delimiter and ASCII identifiers, and reports bad placeholders with CPython's message.
"""

import _string

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = '_' + ascii_letters
_ID_CONTINUE = _ID_START + digits


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (literal, kind, name, position) pieces; kind is None for plain text, 'escaped'
        # for a doubled delimiter, 'named' for a placeholder and 'invalid' for a bad one.
        text = self.template
        delim = self.delimiter
        i = 0
        start = 0
        n = len(text)
        while True:
            j = text.find(delim, i)
            if j < 0:
                break
            k = j + len(delim)
            if text.startswith(delim, k):
                yield text[start:j], 'escaped', None, j
                i = start = k + len(delim)
                continue
            if k < n and text[k] == '{':
                end = k + 1
                while end < n and text[end] in _ID_CONTINUE:
                    end += 1
                name = text[k + 1:end]
                if name and name[0] in _ID_START and end < n and text[end] == '}':
                    yield text[start:j], 'named', name, j
                    i = start = end + 1
                    continue
                yield text[start:j], 'invalid', None, j
                i = start = k
                continue
            end = k
            if end < n and text[end] in _ID_START:
                end += 1
                while end < n and text[end] in _ID_CONTINUE:
                    end += 1
                yield text[start:j], 'named', text[k:end], j
                i = start = end
                continue
            yield text[start:j], 'invalid', None, j
            i = start = k
        yield text[start:], None, None, n

    def _invalid(self, position):
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = position - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _render(self, mapping, safe):
        out = []
        for literal, kind, name, position in self._scan():
            out.append(literal)
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'named':
                if safe:
                    try:
                        out.append(str(mapping[name]))
                    except KeyError:
                        whole = self.template[position:position + len(self.delimiter)]
                        if self.template.startswith('{', position + len(self.delimiter)):
                            out.append(whole + '{' + name + '}')
                        else:
                            out.append(whole + name)
                else:
                    out.append(str(mapping[name]))
            elif kind == 'invalid':
                if safe:
                    out.append(self.delimiter)
                else:
                    self._invalid(position + len(self.delimiter))
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._render(_merged(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._render(_merged(mapping, kws), True)

    def is_valid(self):
        return all(kind != 'invalid' for _, kind, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for _, kind, name, position in self._scan():
            if kind == 'named' and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', self.idpattern)
        return ids


def _merged(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        merged = dict(mapping)
        merged.update(kws)
        return merged
    return mapping


class Formatter:
    """str.format's machinery, with a method to override at each step."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification to automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
