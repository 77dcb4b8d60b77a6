# An uncaught exception after traceback.print_exc and print_stack output on stderr.
import traceback, sys


def level3(d):
    return d["key"]["inner"] * 2


def level2(d):
    return level3(d) + 1


def level1():
    return level2({"key": {}})


try:
    level1()
except KeyError:
    traceback.print_exc()


def show_stack():
    traceback.print_stack(limit=2)


show_stack()
sys.stderr.write("".join(traceback.format_exception_only(*sys.exc_info()[:2])) or "no exception\n")
try:
    [1, 2, 3][10 - 5 * 2 + 7]
except IndexError as e:
    traceback.print_exception(e)
    traceback.print_exception(type(e), e, e.__traceback__, limit=0)
    traceback.print_tb(e.__traceback__)
print("stdout still works")
level1()
