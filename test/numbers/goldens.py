# Writes NAME.expected beside each cases/NAME.txt: what CPython prints for every expression
# (its repr, or "Type: message" when it raises). Run with the CPython version being matched.
import math, pathlib, sys

here = pathlib.Path(__file__).parent / 'cases'
for case in sorted(here.glob('*.txt')):
    out = []
    for line in case.read_text().splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        try:
            out.append(repr(eval(line, {'math': math})))
        except Exception as e:
            out.append(f'{type(e).__name__}: {e}')
    case.with_suffix('.expected').write_text('\n'.join(out) + '\n')
