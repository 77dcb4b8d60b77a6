# sys._debugmallocstats() right after a full collection, which empties every free list
# (Modules/gcmodule.c clear_freelists). The arena part is printed as its layout: the per-class
# table rows are left out and each value column is replaced by its width, since those values
# depend on the interpreter's start-up. The free-list lines are printed as they are: which lists
# a version keeps, in what order, in what format.
import gc
import re

from helpers.mallocstats import debugmallocstats

gc.collect()
text = debugmallocstats()
for line in text.splitlines():
    if re.fullmatch(r"\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+", line):
        continue
    if "=" in line and " free " not in line and not line.startswith("Small"):
        label, value = line.split("=")
        line = f"{re.sub(r'[0-9]+', 'N', label.rstrip())} [{len(label)} columns] = [{len(value)} columns]"
    print(line)
