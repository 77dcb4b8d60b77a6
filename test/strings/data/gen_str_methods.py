# Writes str_methods.json: calls of str methods with CPython's results (values or "Type: message").
import json

CALLS = [
    ('hello world', 'find', ['o']), ('hello world', 'find', ['o', 5]), ('hello world', 'find', ['o', 5, 7]),
    ('hello world', 'rfind', ['o']), ('hello world', 'rfind', ['o', 0, 5]), ('hello', 'find', ['', 5]),
    ('hello', 'find', ['', 6]), ('hello', 'rfind', ['']), ('a😀b😀', 'find', ['b']), ('a😀b😀', 'rfind', ['😀']),
    ('a😀b😀', 'find', ['😀', 2]), ('hello', 'index', ['z']), ('hello', 'find', [1]), ('hello', 'find', []),
    ('aaaa', 'count', ['aa']), ('aaaa', 'count', ['']), ('aaaa', 'count', ['', 1, 2]), ('aaaa', 'count', ['a', -2]),
    ('hello', 'startswith', ['he']), ('hello', 'startswith', [('x', 'hel')]), ('hello', 'startswith', ['', 5]),
    ('hello', 'startswith', ['', 6]), ('hello', 'endswith', ['lo', 0, 5]), ('hello', 'endswith', ['ll', 0, 4]),
    ('hello', 'startswith', [1]), ('hello', 'startswith', [(1,)]),
    ('  a b  c ', 'split', []), ('a,b,,c', 'split', [',']), ('a,b,,c', 'split', [',', 1]), ('a b c', 'rsplit', [None, 1]),
    ('a,b,,c', 'rsplit', [',', 2]), ('', 'split', []), ('', 'split', [',']), ('a', 'split', ['']), ('a', 'split', [1]),
    ('ab\ncd\r\nef\rgh\x0bij\x1c\u2028', 'splitlines', []), ('ab\ncd\r\n', 'splitlines', [True]),
    ('-', 'join', [['a', 'b', 'c']]), ('-', 'join', [[]]), ('-', 'join', [['a', 1]]), ('-', 'join', [5]),
    ('a=b=c', 'partition', ['=']), ('a=b=c', 'rpartition', ['=']), ('abc', 'partition', ['x']), ('abc', 'rpartition', ['x']),
    ('abc', 'partition', ['']), ('  xx\t\n', 'strip', []), ('xxabcxx', 'strip', ['x']), ('xxabcxx', 'lstrip', ['x']),
    ('xxabcxx', 'rstrip', ['xa']), ('abc', 'strip', [1]), ('\u3000a\u2003', 'strip', []),
    ('x', 'center', [4, '*']), ('x', 'center', [5, '*']), ('xy', 'center', [5]), ('ab', 'ljust', [5, '-']), ('ab', 'rjust', [5]),
    ('ab', 'center', [5, 'ab']), ('ab', 'center', [5, 1]), ('ab', 'center', ['5']), ('-12', 'zfill', [6]), ('+x', 'zfill', [4]),
    ('', 'zfill', [3]), ('abc', 'zfill', [2]), ('a\tbc\td\n\te', 'expandtabs', []), ('a\tb', 'expandtabs', [4]), ('a\tb', 'expandtabs', [0]),
    ('aaa', 'replace', ['a', 'b']), ('aaa', 'replace', ['a', 'b', 2]), ('abc', 'replace', ['', '-']), ('abc', 'replace', ['', '-', 2]),
    ('abc', 'replace', ['x', 'y']), ('abc', 'replace', [1, 'y']), ('abc', 'replace', ['a']),
    ('prefix-body', 'removeprefix', ['prefix-']), ('body.txt', 'removesuffix', ['.txt']), ('abc', 'removeprefix', ['']),
    ('Hello ΣΑΣ World ß', 'lower', []), ('Hello ß ﬁ', 'upper', []), ('Straße ΣΣ İ', 'casefold', []), ('hEllo ǆ', 'swapcase', []),
    ("they're bill's friends ǆx", 'title', []), ('hELLO wORLD', 'capitalize', []), ('ǆemal', 'capitalize', []),
    ('ΟΔΟΣ ΟΔΟΣ.', 'lower', []), ('', 'isalpha', []), ('abc', 'isalpha', []), ('abc1', 'isalnum', []), ('½', 'isnumeric', []),
    ('½', 'isdigit', []), ('²', 'isdigit', []), ('²', 'isdecimal', []), ('٣', 'isdecimal', []), ('一二', 'isnumeric', []),
    (' \t\x1c\x85', 'isspace', []), ('', 'isspace', []), ('abc', 'islower', []), ('abc1', 'islower', []), ('1', 'islower', []),
    ('ABC', 'isupper', []), ('Hello World', 'istitle', []), ('Hello world', 'istitle', []), ('ǅungla', 'istitle', []),
    ('a_1', 'isidentifier', []), ('1a', 'isidentifier', []), ('', 'isprintable', []), ('a\n', 'isprintable', []),
    ('é', 'isascii', []), ('abc', 'isascii', []), ('abc', 'translate', [{97: 'X', 98: None, 99: 100}]),
    ('abc', 'translate', [{97: 1.5}]), ('abc', 'translate', [{97: -1}]), 
    ('a b c', 'split', [None, 0]), ('  a b c  ', 'split', [None, 1]), ('  a b c  ', 'rsplit', [None, 1]), ('a,b', 'split', [',', 0]),
    ('a\x0bb\x0cc\x1dd\x85e', 'splitlines', []), ('a\r', 'splitlines', [True]), ('', 'splitlines', []),
    ('1st 2nd', 'title', []), ("o'neil mc-d", 'title', []), ('ǳ', 'upper', []), ('ǳ', 'title', []), ('ﬁre', 'title', []),
    ('ﬁre', 'capitalize', []), ('ΣΑ Σ', 'lower', []), ('aΣ', 'lower', []), ('Σ', 'lower', []), ('AΣb', 'lower', []),
    ('x', 'center', [-1]), ('x', 'zfill', [-3]), ('abc', 'find', ['c', -1]), ('abc', 'find', ['a', None, -2]),
    ('abc', 'rfind', ['', 1, 2]), ('abc', 'count', ['', 10]), ('abcabc', 'rindex', ['bc', 0, 5]), ('ab', 'endswith', ['', 3]),
    ('ab', 'endswith', [('',), 2]), ('😀a😀', 'split', ['a']), ('😀😀', 'replace', ['😀', 'x', 1]), ('a😀b', 'center', [7, '😀']),
    ('a😀', 'startswith', ['😀', 1]), ('a😀b', 'index', ['b']), ('\u3000x\u3000', 'split', []), ('x\u200by', 'split', []),
    ('Ⅻ', 'isnumeric', []), ('Ⅻ', 'isalpha', []), ('ⅻ', 'islower', []), ('ǅ', 'istitle', []), ('ǅ', 'isupper', []),
    ('ß', 'isupper', []), ('ʰ', 'islower', []), ('𝔘', 'isupper', []), ('_', 'isidentifier', []), ('℘x', 'isidentifier', []),
    ('a', 'center', []), ('a', 'replace', ['a', 'b', 1, 2]), ('a', 'split', ['a', 2, 3]), ('a', 'encode', ['utf-8', 'strict', 3]),
]

def run(recv, name, args):
    try:
        r = getattr(recv, name)(*args)
    except Exception as e:
        return {'error': f'{type(e).__name__}: {e}'}
    if isinstance(r, (list, tuple)):
        return {'value': list(r)}
    return {'value': r}

out = []
for recv, name, args in CALLS:
    enc = [{'dict': [[k, v] for k, v in a.items()]} if isinstance(a, dict) else a for a in args]
    out.append({'recv': recv, 'name': name, 'args': enc, **run(recv, name, args)})
with open('str_methods.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
