# Codecs with a byte-order mark write it once at the start of a file, not at every write, and
# reading skips it.
import os

p = '/tmp/pml_io_bom.txt'
for enc in ['utf-16', 'utf-32', 'utf-8-sig', 'utf-16-le']:
    with open(p, 'w', encoding=enc) as f:
        f.write('ab')
        f.write('c\n')
    with open(p, 'a', encoding=enc) as f:
        f.write('d')
    raw = open(p, 'rb').read()
    with open(p, encoding=enc) as f:
        text = f.read()
    print(enc, len(raw), raw[:6], repr(text))
os.remove(p)
