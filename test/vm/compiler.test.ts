// The compiler on its own: code objects' constants, names and flags, the 3.11 opcodes it
// emits, and the SyntaxErrors the symbol table and the code generator raise.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';
import { compileSource } from '../../engine/vm/compileSource.js';
import { OPNAMES } from '../../engine/compiler/opcodes.js';
import { PyCode, CodeFlags } from '../../engine/objects/code.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import { PyStr } from '../../engine/objects/str.js';

// A session binds the simulated process the compiler allocates its constants in.
createSession({ host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });

function opnames(code: PyCode): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.code.length; i += 2) out.push(OPNAMES[code.code[i]!]!);
  return out;
}

function innerCode(code: PyCode, name: string): PyCode {
  return code.consts.find((c) => c instanceof PyCode && c.name === name) as PyCode;
}

function syntaxError(source: string): string {
  try {
    compileSource(source, 'prog.py', 'exec');
  } catch (e) {
    if (e instanceof PyBaseException) return (e.field('msg') as PyStr).value;
    throw e;
  }
  throw new Error('compiled');
}

describe('code objects', () => {
  it('shares equal constants across one compilation', () => {
    const code = compileSource('x = 257\ndef f():\n    return 257\n', 'prog.py', 'exec');
    const f = innerCode(code, 'f');
    const outer = code.consts.find((c) => c.type.name === 'int');
    expect(f.consts.includes(outer!)).toBe(true);
  });

  it('keeps 1, 1.0 and True apart', () => {
    const code = compileSource('a = 1\nb = 1.0\nc = True\n', 'prog.py', 'exec');
    expect(code.consts.map((c) => c.type.name)).toEqual(['int', 'float', 'bool', 'NoneType']);
  });

  it('folds constant expressions as the AST optimizer does', () => {
    const code = compileSource('x = 2 ** 10 * 3\ny = (1, 2, (3, 4))\n', 'prog.py', 'exec');
    expect(opnames(code)).toEqual(['RESUME', 'LOAD_CONST', 'STORE_NAME', 'LOAD_CONST', 'STORE_NAME', 'LOAD_CONST', 'RETURN_VALUE']);
  });

  it('emits 3.11 opcodes for calls, methods and closures', () => {
    const code = compileSource('def outer(a):\n    def inner():\n        return a.m(1)\n    return inner\n', 'prog.py', 'exec');
    const outer = innerCode(code, 'outer');
    const inner = innerCode(outer, 'inner');
    expect(outer.cellvars).toEqual(['a']);
    expect(inner.freevars).toEqual(['a']);
    expect(opnames(outer).slice(0, 2)).toEqual(['MAKE_CELL', 'RESUME']);
    expect(opnames(inner)).toEqual(['COPY_FREE_VARS', 'RESUME', 'LOAD_DEREF', 'LOAD_METHOD', 'LOAD_CONST', 'PRECALL', 'CALL', 'RETURN_VALUE']);
    expect(inner.qualname).toBe('outer.<locals>.inner');
    expect(inner.flags & CodeFlags.NESTED).toBeTruthy();
  });

  it('gives generators their prefix and an exception table to try statements', () => {
    const code = compileSource('def g():\n    try:\n        yield 1\n    except ValueError:\n        pass\n', 'prog.py', 'exec');
    const g = innerCode(code, 'g');
    expect(opnames(g).slice(0, 3)).toEqual(['RETURN_GENERATOR', 'POP_TOP', 'RESUME']);
    expect(g.flags & CodeFlags.GENERATOR).toBeTruthy();
    expect(g.exceptionTable.length).toBeGreaterThan(0);
    expect(g.stacksize).toBe(4);
  });
});

describe('compile-time SyntaxErrors', () => {
  it.each([
    ['return 1\n', "'return' outside function"],
    ['for x in y:\n    pass\nbreak\n', "'break' outside loop"],
    ['nonlocal x\n', 'nonlocal declaration not allowed at module level'],
    ['def f():\n    x = 1\n    global x\n', "name 'x' is assigned to before global declaration"],
    ['def f(a):\n    global a\n', "name 'a' is parameter and global"],
    ['def f():\n    nonlocal z\n', "no binding for nonlocal 'z' found"],
    ['yield 1\n', "'yield' outside function"],
    ['f(a=1, a=2)\n', 'keyword argument repeated: a'],
  ])('%j', (source, message) => {
    expect(syntaxError(source)).toBe(message);
  });
});
