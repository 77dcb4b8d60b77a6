# The newline argument of StringIO: translation on write, line splitting on read, .newlines.
import io

text = 'one\ntwo\r\nthree\rfour'
for newline in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO(text, newline=newline)
    print(repr(newline), repr(s.getvalue()), s.readlines(), repr(s.newlines))
s = io.StringIO(newline=None)
s.write('a\r')
print(repr(s.newlines))
s.write('\nb\n')
print(repr(s.getvalue()), repr(s.newlines))
s = io.StringIO(newline='\r\n')
print('x', 'y', sep='\n', file=s)
print(repr(s.getvalue()))
s.seek(0)
print([s.readline(), s.readline(), s.readline()])
