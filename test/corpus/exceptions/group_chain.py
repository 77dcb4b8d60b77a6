# An except* handler that raises: the new error carries the matched group as its context, and
# the leftover group is printed beside it, each in its box.
def work():
    raise ExceptionGroup("jobs", [ValueError("bad value"), TypeError("bad type"), OSError("disk")])

try:
    work()
except* ValueError as eg:
    raise RuntimeError("while handling values") from eg.exceptions[0]
except* TypeError:
    e = KeyError("lookup")
    e.add_note("note one\nsecond line")
    raise e
