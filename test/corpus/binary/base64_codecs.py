# base64's encodings round trip, with CPython's padding and alphabet errors.
import base64, binascii
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
for data in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40], b'\xfb\xff'):
    print(base64.b64encode(data), base64.urlsafe_b64encode(data), base64.b32encode(data), base64.b16encode(data), base64.b85encode(data), base64.a85encode(data), base64.b32hexencode(data))
    assert base64.b64decode(base64.b64encode(data)) == data
    assert base64.b32decode(base64.b32encode(data)) == data
    assert base64.b32hexdecode(base64.b32hexencode(data)) == data
    assert base64.b16decode(base64.b16encode(data)) == data
    assert base64.b85decode(base64.b85encode(data)) == data
    assert base64.a85decode(base64.a85encode(data)) == data
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('+/8=', ), base64.b64decode(b'-_8=', altchars=b'-_'), base64.urlsafe_b64decode('-_8='))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.a85encode(b'\0\0\0\0    ', foldspaces=True, adobe=True), base64.b85encode(b'ab', pad=True))
t(base64.b64decode, 'abc'); t(base64.b64decode, 'abcde'); t(base64.b64decode, 'ab!c', validate=True); t(base64.b64decode, 'a!b=c=', ); t(base64.b64decode, 'ab==cd', validate=True); t(base64.b64decode, '=abc', validate=True)
t(base64.b64decode, 'YWJj\n'); t(base64.b64decode, 'YW Jj'); t(base64.b64decode, 'é'); t(base64.b64decode, 5)
t(base64.b32decode, 'MZXW6==='); t(base64.b32decode, 'mzxw6===', casefold=True); t(base64.b32decode, 'MZXW6'); t(base64.b32decode, 'MZXW1==='); t(base64.b32decode, 'M1XW6===', map01='L')
t(base64.b16decode, '666f'); t(base64.b16decode, '666F'); t(base64.b16decode, '666f', casefold=True); t(base64.b16decode, '6G')
