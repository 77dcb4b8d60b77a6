"""Runs a chapter's confirmable cells on the interpreter that runs this script.

Usage: python3 cpython-cells.py NOTEBOOK.ipynb [TAG]

The code cells tagged TAG (default "cpython-confirms") run in order, each compiled as one unit
the way the pymemlab kernel compiles a cell, all in one fresh __main__ namespace. Prints a JSON
object mapping each cell's id to the outputs the cell produced, in nbformat's shape (streams in
the order they were written, then the error if the cell raised), so that the caller can compare
them with the outputs stored in the notebook.
"""

import json
import os
import sys
import types


class _StreamRecorder:
    """A text stream that appends what is written to a shared list of nbformat stream outputs."""

    def __init__(self, name, outputs):
        self.name = name
        self.outputs = outputs

    def write(self, text):
        if text:
            self.outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)

    def flush(self):
        pass


def _source(cell):
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def run_cells(cells):
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = __builtins__
    saved = sys.modules["__main__"], sys.stdout, sys.stderr
    sys.modules["__main__"] = main
    results = {}
    try:
        for cell in cells:
            outputs = []
            sys.stdout = _StreamRecorder("stdout", outputs)
            sys.stderr = _StreamRecorder("stderr", outputs)
            try:
                exec(compile(_source(cell), "<cell>", "exec"), main.__dict__)
            except BaseException as error:  # the cell's own exception is part of its output
                outputs.append({"output_type": "error", "ename": type(error).__name__,
                                "evalue": str(error), "traceback": []})
            results[cell["id"]] = outputs
    finally:
        sys.modules["__main__"], sys.stdout, sys.stderr = saved
    return results


def main(argv):
    path = argv[1]
    tag = argv[2] if len(argv) > 2 else "cpython-confirms"
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    cells = [c for c in notebook["cells"]
             if c["cell_type"] == "code" and tag in c.get("metadata", {}).get("tags", [])]
    json.dump(run_cells(cells), sys.stdout)
    sys.stdout.flush()
    # The cells' objects stay alive as they do in a kernel: no finalizer prints after the JSON.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv)
