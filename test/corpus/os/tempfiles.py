# tempfile: mkstemp, mkdtemp, NamedTemporaryFile and TemporaryDirectory clean up after themselves.
import os
import tempfile

d = '/tmp/pml_os_tempfile'
os.mkdir(d)
fd, path = tempfile.mkstemp(suffix='.dat', prefix='pml_', dir=d)
print(os.path.dirname(path) == d, os.path.basename(path).startswith('pml_'), path.endswith('.dat'))
print(os.write(fd, b'temporary'), oct(os.stat(path).st_mode & 0o777))
os.close(fd)
os.remove(path)
sub = tempfile.mkdtemp(dir=d)
print(os.path.isdir(sub), oct(os.stat(sub).st_mode & 0o777), os.listdir(sub))
os.rmdir(sub)
with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.txt') as t:
    t.write('hello')
    t.flush()
    t.seek(0)
    print(t.read(), os.path.exists(t.name), t.name.endswith('.txt'))
    name = t.name
print(os.path.exists(name))
with tempfile.TemporaryDirectory(dir=d) as tmp:
    with open(os.path.join(tmp, 'inner.txt'), 'w') as f:
        f.write('x')
    os.mkdir(os.path.join(tmp, 'nested'))
    print(sorted(os.listdir(tmp)))
    kept = tmp
print(os.path.exists(kept), os.listdir(d))
with tempfile.TemporaryFile(dir=d) as tf:
    tf.write(b'anonymous')
    tf.seek(0)
    print(tf.read(), os.listdir(d))
print(tempfile.gettempprefix(), isinstance(tempfile.gettempdir(), str))
os.rmdir(d)
