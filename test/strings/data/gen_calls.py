# Writes calls.json: method calls on str, bytes and bytearray receivers with CPython's results.
# Values are encoded for JSON: bytes as {"b": latin-1 text}, bytearray as {"ba": ...}, tuples
# as arrays (lists among the arguments as {"list": items}), dicts as {"dict": pairs}, floats as {"float": repr}. "after" is the receiver once the call returned.
import json
import sys

B = bytes
BA = bytearray
CALLS = [
    (B(b'hello world'), 'find', [b'o']), (B(b'hello'), 'find', [108]), (B(b'hello'), 'find', [300]),
    (B(b'hello'), 'find', ['l']), (B(b'hello'), 'rindex', [b'z']), (B(b'aaaa'), 'count', [b'a', 1]),
    (B(b'hello'), 'startswith', [(b'x', b'he')]), (B(b'hello'), 'startswith', ['he']), (B(b'hello'), 'endswith', [BA(b'lo')]),
    (B(b' a  b\x1c c '), 'split', []), (B(b'a,b,,c'), 'split', [b',']), (B(b'a,b,,c'), 'rsplit', [b',', 1]),
    (B(b'a\nb\r\nc\x1cd'), 'splitlines', [True]), (B(b'-'), 'join', [[b'a', BA(b'b')]]), (B(b'-'), 'join', [[b'a', 'b']]),
    (B(b'k=v=w'), 'partition', [b'=']), (B(b'k=v=w'), 'rpartition', [b'=']), (B(b'abc'), 'partition', ['b']),
    (B(b'  x\t'), 'strip', []), (B(b'xxaxx'), 'strip', [b'x']), (B(b'x'), 'center', [5, b'*']), (B(b'x'), 'center', [5, '*']),
    (B(b'-5'), 'zfill', [4]), (B(b'a\tb'), 'expandtabs', [4]), (B(b'aXbX'), 'replace', [b'X', b'--']),
    (B(b'abc'), 'replace', [b'', b'.']), (B(b'Hello World'), 'swapcase', []), (B(b'hello world'), 'title', []),
    (B(b'hELLO'), 'capitalize', []), (B(b'\xc9a'), 'upper', []), (B(b'abc1'), 'isalnum', []), (B(b''), 'isalpha', []),
    (B(b'Ab Cd'), 'istitle', []), (B(b'\x80'), 'isascii', []), (B(b'abc'), 'translate', [None, b'b']),
    (B(b'abc'), 'translate', [b'x']), (B(b'\x01\xff\x10'), 'hex', []), (B(b'abcdef'), 'hex', [':', 2]),
    (B(b'abcdef'), 'hex', [b'-', -4]), (B(b'ab'), 'hex', ['::']), (B(b'prefix'), 'removeprefix', [b'pre']),
    (B(b'\xe2\x82\xac'), 'decode', []), (B(b'\xff'), 'decode', []), (B(b'\xffa'), 'decode', ['utf-8', 'replace']),
    (B(b'\xe4\xbd'), 'decode', ['utf-8', 'backslashreplace']), (B(b'\xf0\x9f\x98A'), 'decode', []),
    (B(b'\xed\xa0\x80'), 'decode', ['utf-8', 'surrogateescape']), (B(b'\xff'), 'decode', ['ascii']),
    (B(b'\xff\xfea\x00'), 'decode', ['utf-16']), (B(b'a'), 'decode', ['utf-16']), (B(b'\x00\xd8a\x00'), 'decode', ['utf-16-le']),
    (B(b'abc'), 'decode', ['utf-32-le']), (B(b'\xe9'), 'decode', ['latin-1']), (B(b'a'), 'decode', ['nope']),
    (B(b'\xff'), 'decode', ['utf-8', 'bad']), (B(b'\xef\xbb\xbfx'), 'decode', ['utf-8-sig']),
    ('é€😀', 'encode', []), ('é', 'encode', ['ascii']), ('éé', 'encode', ['ascii']), ('a€', 'encode', ['latin-1']),
    ('a€', 'encode', ['latin-1', 'replace']), ('a€', 'encode', ['ascii', 'xmlcharrefreplace']),
    ('a😀', 'encode', ['ascii', 'backslashreplace']), ('\ud800x', 'encode', []), ('\udcffx', 'encode', ['utf-8', 'surrogateescape']),
    ('a€😀', 'encode', ['utf-16']), ('a€😀', 'encode', ['utf-32']), ('a', 'encode', ['UTF-16BE']), ('a', 'encode', ['Latin1']),
    ('a', 'encode', ['nope']), ('é', 'encode', ['ascii', 'bad']), ('abc', '__format__', ['^7']), ('abc', '__format__', ['x']),
    ('abc', '__format__', ['=5']), ('abc', '__format__', ['.2']),
    (BA(b'abc'), 'append', [100]), (BA(b'abc'), 'append', [256]), (BA(b'abc'), 'extend', [[1, 2]]), (BA(b'abc'), 'extend', [1]),
    (BA(b'abc'), 'insert', [-1, 65]), (BA(b'abc'), 'pop', []), (BA(b'abc'), 'pop', [5]), (BA(b''), 'pop', []),
    (BA(b'abc'), 'remove', [98]), (BA(b'abc'), 'remove', [5]), (BA(b'abc'), 'reverse', []), (BA(b'abc'), 'clear', []),
    (BA(b'abc'), 'copy', []), (BA(b'a b'), 'split', []), (BA(b'abc'), 'upper', []), (BA(b'abc'), '__alloc__', []),
    (BA(b'abc'), '__getitem__', [1]), (BA(b'abc'), '__getitem__', [5]), (BA(b'abc'), '__setitem__', [0, 300]),
    (BA(b'abc'), '__setitem__', [0, 65]), (BA(b'abc'), '__delitem__', [0]), (BA(b'abc'), '__contains__', [b'bc']),
    (BA(b'abc'), '__contains__', [300]), (BA(b'abc'), '__iadd__', [b'de']), (BA(b'abc'), '__iadd__', ['de']),
    (BA(b'ab'), '__imul__', [3]), (BA(b'abc'), '__eq__', [b'abc']), (BA(b'abc'), '__lt__', [b'abd']),
    (BA(b'abc'), '__add__', [b'd']), (BA(b"a'"), '__repr__', []), (B(b'a\'"\x00\x7f'), '__repr__', []),
    (B(b'abc'), '__getitem__', [-1]), (B(b'abc'), '__getitem__', [3]), (B(b'abc'), '__add__', [BA(b'd')]),
    ('%05f', '__mod__', [float('inf')]), ('%+.3e', '__mod__', [12345.678]), ('%#x|%#o|%#X', '__mod__', [(255, 8, 255)]),
    ('%08.3f', '__mod__', [-3.14159]), ('%-8d|', '__mod__', [42]), ('% d', '__mod__', [42]), ('%.5d', '__mod__', [-42]),
    ('%#.3g', '__mod__', [1.0]), ('%f', '__mod__', ['a']), ('%d', '__mod__', [3.99]), ('%x', '__mod__', [True]),
    ('%s %r %a', '__mod__', [('é', 'é', 'é')]), ('%(a)s %(b)d', '__mod__', [{'a': 1, 'b': 2}]), ('%c%c', '__mod__', [(65, 'é')]),
    ('%c', '__mod__', [0x110000]), ('%10.2s|', '__mod__', ['abcdef']), ('%*d|', '__mod__', [(-6, 3)]), ('abc', '__mod__', [[]]),
    ('abc', '__mod__', [5]), ('%s', '__mod__', [(1,)]), ('%s', '__mod__', [((1, 2),)]), ('%i %u', '__mod__', [(1, 2)]),
    ('%G %E %F', '__mod__', [(1e20, 1.5, float('nan'))]), ('%(a', '__mod__', [{}]), ('%(a)s %s', '__mod__', [{'a': 1}]), ('%(a)s %s %s', '__mod__', [{'a': 1}]), ('%s', '__mod__', [{'a': 1}]), ('%0-5d|', '__mod__', [3]),
    ('%X', '__mod__', [-255]), ('%.0f %.1f %g', '__mod__', [(0.5, 0.25, 1e-5)]), ('%ld %hd', '__mod__', [(1, 2)]),
    ('%d', '__mod__', ['a']), ('%x', '__mod__', [1.5]), ('%s %s', '__mod__', [1]), ('%s', '__mod__', [(1, 2)]),
    ('%(a)s', '__mod__', [1]), ('%z', '__mod__', [1]), ('%', '__mod__', [()]), ('%c', '__mod__', ['ab']), ('%.*f', '__mod__', [(1.5, 2)]),
    ('%3c|', '__mod__', ['x']), ('%-5s|%5s', '__mod__', [('ab', 'cd')]), ('%+d %+d', '__mod__', [(5, -5)]),
    (B(b'%s %d %x %c %c'), '__mod__', [(b'ab', 5, 255, 65, b'z')]), (B(b'%c'), '__mod__', [256]), (B(b'%c'), '__mod__', ['a']),
    (B(b'%5s|'), '__mod__', [BA(b'ab')]), (B(b'%s'), '__mod__', ['a']), (B(b'%r %a'), '__mod__', [('é', 1)]),
    (BA(b'%d-%s'), '__mod__', [(5, b'x')]), (B(b'abc'), '__mod__', [5]),
    ('{}-{}', 'format', [1, 'x']), ('{1}{0}{1}', 'format', ['a', 'b']), ('{0:>{1}}|', 'format', ['x', 5]),
    ('{:{}{}}', 'format', [3.14159, '.', 3]), ('{0!r:>8}', 'format', ['hi']), ('{0!a}', 'format', ['é']), ('{!s}', 'format', [1]),
    ('{0[1]}{0[0]}', 'format', [['a', 'b']]), ('{0[k]}', 'format', [{'k': 'v'}]), ('{0.real}', 'format', [5]), ('{{}}{}', 'format', [7]),
    ('{', 'format', [1]), ('}', 'format', []), ('{0}{}', 'format', [1, 2]), ('{}{0}', 'format', [1, 2]), ('{1}', 'format', [1]),
    ('{0.x}', 'format', [1]), ('{0[1]}', 'format', [[]]), ('{!x}', 'format', [1]), ('{0!}', 'format', [1]), ('{:{}}', 'format', [1]),
    ('{0:{1:{2}}}', 'format', [1, 2, 3]), ('{0[}', 'format', [1]), ('{0.}', 'format', [1]), ('{a{}', 'format', [1]),
    ('{0!r', 'format', [1]), ('{0!rx}', 'format', [1]), ('{0[0]x}', 'format', [[1]]), ('{:x}', 'format', ['s']),
    ('{:^9,}|{:_b}|{:+08.2f}|{:%}', 'format', [1234567, 10, -3.14159, 0.25]), ('{k}', 'format_map', [{'k': 'v'}]),
    ('{}', 'format_map', [{}]), ('{x}', 'format_map', [{}]),
    (B(b'abc'), '__mul__', [2]), (B(b'abc'), '__contains__', [98]), (B(b'abc'), '__contains__', ['b']),
]


def enc(v, lists_tagged=False):
    if isinstance(v, bytes):
        return {'b': v.decode('latin-1')}
    if isinstance(v, bytearray):
        return {'ba': v.decode('latin-1')}
    if isinstance(v, list) and lists_tagged:
        return {'list': [enc(x, True) for x in v]}
    if isinstance(v, (tuple, list)):
        return [enc(x, lists_tagged) for x in v]
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, dict):
        return {'dict': [[enc(k, lists_tagged), enc(x, lists_tagged)] for k, x in v.items()]}
    return v


out = []
for recv, name, args in CALLS:
    entry = {'recv': enc(recv), 'name': name, 'args': [enc(a, True) for a in args]}
    try:
        r = getattr(recv, name)(*args)
        entry['value'] = enc(r)
    except Exception as e:
        entry['error'] = f'{type(e).__name__}: {e}'
    if isinstance(recv, bytearray):
        entry['after'] = enc(recv)
    out.append(entry)
with open('calls.json', 'w') as f:
    json.dump(out, f, ensure_ascii=True, indent=0)
