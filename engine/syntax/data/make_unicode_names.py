"""Writes unicode-names.txt.gz, the character names \\N{...} escapes look up, from the Unicode
database of the running CPython (3.11 ships Unicode 14.0.0).

Each line is "HEX NAME"; ranges whose names end in the code point are written once as
"range PREFIX FIRST LAST". Hangul syllable names are computed, not stored.
"""

import gzip
import os
import unicodedata

RANGE_PREFIXES = ("CJK UNIFIED IDEOGRAPH-", "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-",
                  "NUSHU CHARACTER-", "CJK COMPATIBILITY IDEOGRAPH-")


def main():
    lines = [f"# Unicode {unicodedata.unidata_version}"]
    ranges = {}
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None or name.startswith("HANGUL SYLLABLE "):
            continue
        prefix = next((p for p in RANGE_PREFIXES if name.startswith(p)), None)
        if prefix is None:
            lines.append(f"{cp:x} {name}")
            continue
        runs = ranges.setdefault(prefix, [])
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    for prefix, runs in ranges.items():
        for first, last in runs:
            lines.append(f"range {prefix} {first:x} {last:x}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unicode-names.txt.gz")
    with gzip.open(out, "wb", compresslevel=9) as f:
        f.write(("\n".join(lines) + "\n").encode())


if __name__ == "__main__":
    main()
