# Text encodings on disk: UTF-8 by default, latin-1 and ASCII on request, error handlers, and a
# multi-byte character across the reader's chunk boundary.
import os

p = '/tmp/pml_io_enc.txt'
with open(p, 'w') as f:
    f.write('naïve café – ✓ \U0001f600\n')
with open(p, 'rb') as f:
    raw = f.read()
print(raw, len(raw))
with open(p) as f:
    text = f.read()
print(text, len(text))
with open(p, encoding='latin-1') as f:
    print(repr(f.read()))
with open(p, encoding='ascii', errors='replace') as f:
    print(repr(f.read()))
try:
    with open(p, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
with open(p, 'w', encoding='latin-1') as f:
    f.write('ÿé')
print(open(p, 'rb').read())
try:
    with open(p, 'w', encoding='ascii') as f:
        f.write('é')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
big = 'x' * 8191 + 'é' + 'y' * 10 + '\n' + '✓' * 5000
with open(p, 'w', encoding='utf-8') as f:
    f.write(big)
with open(p, encoding='utf-8') as f:
    back = f.read()
print(back == big, len(back), os.path.getsize(p))
with open(p, encoding='utf-8') as f:
    first = f.readline()
    print(len(first), first[-4:], f.tell(), len(f.readline()))
os.remove(p)
