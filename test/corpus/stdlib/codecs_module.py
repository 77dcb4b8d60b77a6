# codecs over the built-in codecs: lookup and CodecInfo, encode/decode, error handlers (the
# standard ones and registered ones, reached through str.encode too), incremental UTF-8,
# byte order marks, codecs.open on a file.
import codecs, os, tempfile

info = codecs.lookup('UTF8')
print(info.name, codecs.lookup('latin1').name, codecs.lookup('U16').name, codecs.lookup('ascii').name, isinstance(info, tuple), len(info))
print(info.encode('h\xe9'), info.decode(b'h\xc3\xa9'), codecs.lookup('utf-16-le').encode('ab'), codecs.lookup('utf_32').decode(b'\xff\xfe\x00\x00a\x00\x00\x00'))
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(codecs.encode('caf\xe9', 'latin-1'), codecs.decode(b'caf\xc3\xa9'), codecs.encode('\u20ac', 'ascii', 'xmlcharrefreplace'))
print(codecs.getencoder('utf-8')('x\u20ac'), codecs.getdecoder('ascii')(b'ok'))
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape']:
    h = codecs.lookup_error(name)
    print(name, h, h is codecs.lookup_error(name))
    for err in (UnicodeEncodeError('ascii', 'a\xe9\u20acz', 1, 3, 'bad'), UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'bad')):
        try:
            print('  ', h(err))
        except Exception as e:
            print('  ', type(e).__name__, e)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError', e)

def marker(exc):
    if isinstance(exc, UnicodeEncodeError):
        return '<%d:%d>' % (exc.start, exc.end), exc.end
    return '[%s]' % exc.object[exc.start:exc.end].hex(), exc.end
codecs.register_error('marker', marker)
print('x\xe9\u20acy'.encode('ascii', 'marker'), b'a\xff\xfeb'.decode('utf-8', 'marker'), codecs.lookup_error('marker') is marker)
codecs.register_error('skipall', lambda exc: ('', -1))
print('ab\xe9cd'.encode('ascii', 'skipall'))
codecs.register_error('bad', lambda exc: 'oops')
try:
    '\xe9'.encode('ascii', 'bad')
except TypeError as e:
    print('TypeError', e)
codecs.register_error('far', lambda exc: ('', 99))
try:
    '\xe9'.encode('ascii', 'far')
except IndexError as e:
    print('IndexError', e)
try:
    codecs.register_error('x', 3)
except TypeError as e:
    print('TypeError', e)

dec = codecs.getincrementaldecoder('utf-8')()
data = '\u20ac-\U0001f600'.encode()
print([dec.decode(data[i:i + 1]) for i in range(len(data))], dec.decode(b'', final=True))
dec.reset(); print(dec.decode(b'\xe2\x82'), dec.getstate(), dec.decode(b'\xac'))
try:
    codecs.getincrementaldecoder('utf-8')().decode(b'\xe2\x82', final=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
enc = codecs.getincrementalencoder('utf-8')()
print(enc.encode('a\xe9'), enc.encode('', final=True))
print(list(codecs.iterdecode([b'\xc3', b'\xa9', b'!'], 'utf-8')), list(codecs.iterencode(['a', '\xe9'], 'latin-1')))
print(codecs.utf_8_decode(b'ab\xc3', 'strict', False), codecs.utf_8_decode(b'ab\xc3', 'replace', True), codecs.utf_8_encode('\xe9'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16_LE)

path = os.path.join(tempfile.mkdtemp(), 'text.txt')
with codecs.open(path, 'w', encoding='utf-16') as f:
    print(type(f).__name__, f.encoding)
    f.write('caf\xe9\n')
    f.write('line two\n')
with open(path, 'rb') as f:
    print(f.read())
with codecs.open(path, encoding='utf-16') as f:
    print(repr(f.read()))
with codecs.open(path, encoding='utf-16') as f:
    print(f.readlines())
with codecs.open(path, 'rb') as f:
    print(type(f).__name__, len(f.read()))
