# warnings: the default filters, stderr format with the source line, once/always/error/ignore,
# registries, catch_warnings recording, stacklevel, custom showwarning/formatwarning.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def noisy(i):
    warnings.warn(f"noisy {i}")


print([f[0] + ":" + f[2].__name__ for f in warnings.filters])
warnings.warn("plain user warning")
warnings.warn("runtime issue", RuntimeWarning)
old_api()
for i in range(3):
    noisy(0)
for i in range(2):
    warnings.warn("in a loop")
warnings.warn(UserWarning("instance given"))
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("depr in main", DeprecationWarning)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(3):
        noisy(1)
    warnings.warn("bytes", BytesWarning)
    old_api()
print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log], [w.lineno for w in log])
print(str(log[0])[:60])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
    print("nothing printed")
with warnings.catch_warnings(record=True) as log2:
    warnings.filterwarnings("error", message="fatal.*")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.simplefilter("always", UserWarning, append=True)
    warnings.warn("quiet", RuntimeWarning)
    try:
        warnings.warn("fatal problem")
    except UserWarning as e:
        print("error filter:", e)
    try:
        warnings.warn("FATAL upper")
    except UserWarning as e:
        print("case-insensitive:", e)
    warnings.warn("kept")
print([str(w.message) for w in log2])
with warnings.catch_warnings(record=True) as log3:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("only once")
        warnings.warn("only once")
print(len(log3))
print(warnings.formatwarning("msg", UserWarning, "file.py", 12), end="")
print(warnings.formatwarning("msg", RuntimeWarning, "file.py", 3, "  x = 1  "), end="")
shown = []
orig = warnings.showwarning
warnings.showwarning = lambda m, c, f, l, file=None, line=None: shown.append((str(m), c.__name__, l))
warnings.simplefilter("always")
warnings.warn("custom hook")
warnings.showwarning = orig
print(shown)
warnings.warn("after restore")
warnings.warn_explicit("explicit", UserWarning, "virtual.py", 99)
warnings.warn_explicit("explicit2", SyntaxWarning, "virtual.py", 5, module="virtual", registry={})
try:
    warnings.warn("bad", category=int)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
print(repr(warnings.catch_warnings()), repr(warnings.catch_warnings(record=True)))
cw = warnings.catch_warnings()
try:
    cw.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)
warnings.resetwarnings()
print(warnings.filters)
print("__warningregistry__" in globals(), sorted(k for k in __warningregistry__ if k != "version")[:2])
