# A Python __enter__ runs as a frame of the loop: errors in it, contextmanager, defaults, bad signatures
import contextlib, sys
class CM:
    def __init__(self, name, fail=False):
        self.name = name; self.fail = fail
    def __enter__(self):
        print('enter', self.name)
        if self.fail:
            raise ValueError('no entry ' + self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print('exit', self.name, exc[0])
        return False
with CM('a') as x, CM('b') as y:
    print(x, y)
try:
    with CM('c'), CM('d', fail=True) as z:
        print('body')
except ValueError as e:
    print('caught', e)
@contextlib.contextmanager
def gen(n):
    print('gen enter', n)
    yield n * 2
    print('gen exit', n)
with gen(3) as v:
    print('v', v)
class Enter2(CM):
    def __enter__(self, extra=5):
        return extra
with Enter2('e') as q:
    print(q)
class Bad:
    def __enter__(self, needed):
        return 1
    def __exit__(self, *a):
        return True
try:
    with Bad():
        pass
except TypeError as e:
    print('TE', e)
def deep():
    with CM('f', fail=True):
        pass
deep()
