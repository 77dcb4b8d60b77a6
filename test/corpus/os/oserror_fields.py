e = OSError(2, 'No such file or directory', 'x')
print(type(e), e, e.errno, e.filename, e.args, repr(e))
e = OSError(18, 'Invalid cross-device link', 'a', None, 'b')
print(type(e), e, e.args)
print(OSError('plain'), repr(OSError(1)), OSError(1, 2, 3, 4, 5, 6).args)
print(str(FileExistsError(17, 'File exists')))
class E(OSError):
    def __init__(self, a):
        super().__init__(2, 'boom', a)
x = E('f')
print(type(x), x, x.filename)
try:
    raise PermissionError(13, 'Permission denied', '/x')
except OSError as err:
    print(err.errno, err.strerror, err)
