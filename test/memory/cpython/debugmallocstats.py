# The report's fixed layout: every line except the per-class table rows and the free-list lines,
# with each value column replaced by its width (the values depend on the interpreter's start-up).
import os
import re
import sys
import tempfile

with tempfile.TemporaryFile(mode="w+") as f:
    saved = os.dup(2)
    os.dup2(f.fileno(), 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
    f.seek(0)
    text = f.read()
for line in text.splitlines():
    if re.fullmatch(r"\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+", line) or " free " in line:
        continue
    if "=" in line and not line.startswith("Small"):
        label, value = line.split("=")
        line = f"{re.sub(r'[0-9]+', 'N', label.rstrip())} [{len(label)} columns] = [{len(value)} columns]"
    print(line)
