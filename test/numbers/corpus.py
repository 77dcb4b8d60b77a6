# Writes test/corpus/numbers/NAME.py from cases/NAME.txt: each expression printed by repr, or the
# exception it raises, as a whole program for the conformance corpus (goldens then come from
# cpython-goldens).
import pathlib

here = pathlib.Path(__file__).parent
corpus = here.parent / 'corpus' / 'numbers'
for case in sorted((here / 'cases').glob('*.txt')):
    lines = [l for l in case.read_text().splitlines() if l.strip() and not l.startswith('#')]
    name = 'math_module' if case.stem == 'math' else case.stem
    body = ["# Generated from test/numbers/cases: each expression's repr, or the exception it raises."]
    if case.stem == 'math':
        body.append('import math')
    body += ['', '', 'def show(f):', '    try:', '        print(repr(f()))', '    except Exception as e:',
             "        print(f'{type(e).__name__}: {e}')", '', '']
    body += [f'show(lambda: {l})' for l in lines]
    (corpus / f'{name}.py').write_text('\n'.join(body) + '\n')
