# The free-list lines of sys._debugmallocstats() right after a full collection, which empties
# every free list (Modules/gcmodule.c clear_freelists): which lists a version keeps, in what order,
# and the line format.
import gc
import os
import sys
import tempfile

gc.collect()
with tempfile.TemporaryFile(mode="w+") as f:
    saved = os.dup(2)
    os.dup2(f.fileno(), 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
    f.seek(0)
    text = f.read()
print("".join(line for line in text.splitlines(True) if " free " in line), end="")
