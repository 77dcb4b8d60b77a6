# Writes test/corpus/numbers/NAME.py from cases/NAME.txt: each expression printed by repr, or the
# exception it raises, as a whole program for the conformance corpus (goldens then come from
# cpython-goldens). Some cases only make sense in a program (bytes from the text types).
import pathlib

here = pathlib.Path(__file__).parent
corpus = here.parent / 'corpus' / 'numbers'
PROGRAM_ONLY = {
    'int_methods': [
        "(1024).to_bytes(2, 'big')", "(1024).to_bytes(2, 'little')", "(1).to_bytes()",
        "(-1).to_bytes(2, 'big', signed=True)", "(128).to_bytes(1, 'big', signed=True)", "(0).to_bytes(0, 'big')",
        "int.from_bytes(b'\\x04\\x00', 'big')", "int.from_bytes(b'\\x04\\x00', 'little')",
        "int.from_bytes(b'\\xff', 'little', signed=True)", "int.from_bytes(b'', 'big')",
        "int.from_bytes([1, 2, 3], 'big')", "int.from_bytes(b'\\x80' + b'\\x00' * 20, 'big', signed=True)",
        "int(b' 42 ')", "float(b'1.5')",
    ],
}
for case in sorted((here / 'cases').glob('*.txt')):
    lines = [l for l in case.read_text().splitlines() if l.strip() and not l.startswith('#')]
    lines += PROGRAM_ONLY.get(case.stem, [])
    name = 'math_module' if case.stem == 'math' else case.stem
    body = ["# Generated from test/numbers/cases: each expression's repr, or the exception it raises."]
    if case.stem == 'math':
        body.append('import math')
    body += ['', '', 'def show(f):', '    try:', '        print(repr(f()))', '    except Exception as e:',
             "        print(f'{type(e).__name__}: {e}')", '', '']
    body += [f'show(lambda: {l})' for l in lines]
    (corpus / f'{name}.py').write_text('\n'.join(body) + '\n')
