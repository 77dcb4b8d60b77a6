# binascii: hex with separators, base64 in lenient and strict modes, CRC-32 and CRC-CCITT.
import base64, binascii
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
print(binascii.hexlify(b'\x01\xff'), binascii.hexlify(b'\x01\xff\x02', '-'), binascii.hexlify(b'\x01\xff\x02\x03', b':', 2), binascii.b2a_hex(b'ab'))
t(binascii.unhexlify, '01ff'); t(binascii.unhexlify, b'01F'); t(binascii.unhexlify, '0g'); t(binascii.a2b_hex, bytearray(b'abCD'))
print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'a' * 1000, 12345), binascii.crc32(b'x', -1))
print(binascii.crc_hqx(b'123456789', 0), binascii.crc_hqx(b'123456789', 0xffff), binascii.crc_hqx(b'', 7))
print(binascii.b2a_base64(b'abc'), binascii.b2a_base64(b'abc', newline=False), binascii.a2b_base64(b'YWJj'), binascii.a2b_base64('YW\nJj'))
t(binascii.a2b_base64, b'YWJj!', strict_mode=True); t(binascii.a2b_base64, b'YWJ=j', strict_mode=True); t(binascii.a2b_base64, b'Y')
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__[1].__name__)
t(binascii.hexlify, 'str'); t(binascii.crc32, 'str'); t(binascii.unhexlify, 'é')

