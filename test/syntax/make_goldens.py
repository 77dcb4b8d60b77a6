"""Records what CPython 3.11 makes of every snippet in corpus.py into goldens.json.

Run with python3 (3.11) from this directory: python3 make_goldens.py
A valid snippet is recorded as ast.dump(..., include_attributes=True); an invalid one as the
attributes of the SyntaxError that ast.parse raises. Each of corpus.CELLS is recorded with
IPython's answer to is_complete (IPython must be importable).
"""

import ast
import json
import os
import sys
import warnings

import corpus
from IPython.core.inputtransformer2 import TransformerManager

HERE = os.path.dirname(os.path.abspath(__file__))


def record(src, mode):
    entry = {"src": src, "mode": mode}
    if src in corpus.KNOWN_DIFFERENT:
        entry["known_different"] = True
    issued = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                tree = ast.parse(src, filename="<golden>", mode=mode)
            finally:
                for w in caught:
                    item = [w.category.__name__, str(w.message), w.lineno]
                    if item not in issued:
                        issued.append(item)
        entry["dump"] = ast.dump(tree, include_attributes=True)
    except SyntaxError as e:
        entry["error"] = {
            "type": type(e).__name__,
            "msg": e.msg,
            "lineno": e.lineno,
            "offset": e.offset,
            "end_lineno": e.end_lineno,
            "end_offset": e.end_offset,
            "text": e.text,
        }
    if issued:
        entry["warnings"] = issued
    return entry


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("goldens must be made with CPython 3.11")
    entries = []
    for item in corpus.VALID + corpus.INVALID:
        src, mode = item if isinstance(item, tuple) else (item, "exec")
        entries.append(record(src, mode))
    with open(os.path.join(HERE, "goldens.json"), "w", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False, indent=0)
        f.write("\n")
    ok = sum("dump" in e for e in entries)
    print(f"{len(entries)} snippets: {ok} parse, {len(entries) - ok} raise")

    manager = TransformerManager()
    cells = []
    for cell in corpus.CELLS:
        status, indent = manager.check_complete(cell)
        cells.append({"cell": cell, "status": status, "indent": indent})
    with open(os.path.join(HERE, "is_complete.json"), "w", encoding="utf-8") as f:
        json.dump(cells, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(cells)} cells for is_complete")


if __name__ == "__main__":
    main()
