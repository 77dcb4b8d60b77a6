# sys._debugmallocstats() writes to the C stderr; this returns what it wrote.
import os
import sys
import tempfile


def debugmallocstats():
    with tempfile.TemporaryFile(mode="w+") as f:
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
        f.seek(0)
        return f.read()
