# The string module: constants, capwords, Template and Formatter.
import string
t = string.Template('$who likes ${what} $$ $x')
print(t.safe_substitute(who='tim', what='kung'))
try:
    t.substitute(who='a', what='b')
except KeyError as e:
    print(repr(e))
for bad in ['$', 'a ${1x}']:
    try:
        string.Template(bad).substitute()
    except ValueError as e:
        print(e)
print(string.Template('$a$b').get_identifiers(), string.Template('$a $1').is_valid())
f = string.Formatter()
print(f.format('{0:>4}|{x!r}', 7, x='q'), f.vformat('{}', (1,), {}))
print(string.capwords('  hello   world  '), string.capwords('a-b', '-'), repr(string.printable))
