// Random input never makes the front end throw anything but a Python SyntaxError, nor hang:
// random bytes, soups of Python tokens, and valid programs with a few characters changed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isComplete } from '../../engine/syntax/complete.js';
import { PythonSyntaxError } from '../../engine/syntax/errors.js';
import { parse, type Mode } from '../../engine/syntax/parser.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODES: Mode[] = ['exec', 'eval', 'single'];

/** Parses in every mode; returns the inputs that threw something else than a SyntaxError. */
function crashes(source: string): string[] {
  const bad: string[] = [];
  for (const mode of MODES) {
    try {
      parse(source, '<fuzz>', mode);
    } catch (e) {
      if (!(e instanceof PythonSyntaxError)) bad.push(`${mode} ${JSON.stringify(source)}: ${String(e)}`);
    }
  }
  try {
    isComplete(source);
  } catch (e) {
    bad.push(`is_complete ${JSON.stringify(source)}: ${String(e)}`);
  }
  return bad;
}

const TOKENS = [
  'x', 'y', '_', 'match', 'case', 'lambda', 'if', 'else', 'elif', 'for', 'in', 'while', 'def', 'class', 'return', 'yield',
  'from', 'import', 'as', 'with', 'async', 'await', 'try', 'except', 'finally', 'raise', 'global', 'nonlocal', 'del', 'pass',
  'not', 'and', 'or', 'is', 'None', 'True', '1', '0x1f', '1.5e3', '2j', '"s"', "b'b'", "f'{x!r:>{y}}'", "'''t'''", '(', ')',
  '[', ']', '{', '}', ':', ',', ';', '.', '...', '=', ':=', '+', '-', '*', '**', '/', '//', '%', '@', '|', '&', '^', '~',
  '<', '>', '==', '!=', '<=', '>=', '->', '+=', '\n', '\n    ', '\n\t', '\\\n', '#c', ' ', 'é', '$', '?', '!',
];

const CHARS = 'abcxyz019_ ()[]{}:;,.=+-*/%@|&^~<>!\'"#\\\n\t\f\ré€\u0000\u0001\u00a0😀{}';

describe('fuzz', () => {
  it('random characters', () => {
    const rnd = random(1);
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = Math.floor(rnd() * 40);
      let s = '';
      for (let j = 0; j < n; j++) s += [...CHARS][Math.floor(rnd() * [...CHARS].length)];
      bad.push(...crashes(s));
    }
    expect(bad).toEqual([]);
  });

  it('random byte strings decoded as UTF-8', () => {
    const rnd = random(2);
    const bad: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.alloc(Math.floor(rnd() * 30), 0).map(() => Math.floor(rnd() * 256));
      bad.push(...crashes(bytes.toString('utf8')));
    }
    expect(bad).toEqual([]);
  });

  it('token soups', () => {
    const rnd = random(3);
    const bad: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const n = 1 + Math.floor(rnd() * 25);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(TOKENS[Math.floor(rnd() * TOKENS.length)]!);
      bad.push(...crashes(parts.join(rnd() < 0.5 ? ' ' : '')));
    }
    expect(bad).toEqual([]);
  });

  it('mutations of valid programs', () => {
    const goldens: { src: string; dump?: string }[] = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8'));
    const programs = goldens.filter((g) => g.dump !== undefined && g.src.length > 8).map((g) => g.src);
    const rnd = random(4);
    const bad: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let s = programs[Math.floor(rnd() * programs.length)]!;
      const edits = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rnd() * (s.length + 1));
        const r = rnd();
        if (r < 0.33) s = s.slice(0, at) + s.slice(at + 1);
        else if (r < 0.66) s = s.slice(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)] + s.slice(at);
        else s = s.slice(0, at) + s.slice(at, at + 5).split('').reverse().join('') + s.slice(at + 5);
      }
      bad.push(...crashes(s));
    }
    expect(bad).toEqual([]);
  });

  it('a long line of non-ASCII tokens costs linear time', () => {
    const src = `x = [${'"é", ü, '.repeat(5000)}]`;
    const tree = parse(src, '<fuzz>', 'exec');
    expect(tree.body).toHaveLength(1);
    expect(crashes(`${src} é é`)).toEqual([]);
  });

  it('deep nesting ends in an error, not a host stack overflow', () => {
    for (const src of ['('.repeat(5000), '['.repeat(300) + ']'.repeat(300), '-'.repeat(20000) + '1', 'not '.repeat(20000) + 'x',
      'x' + '.y'.repeat(20000), 'f' + '()'.repeat(20000), 'lambda: '.repeat(5000) + '1', 'if x:\n' + ' '.repeat(2) + 'if x:\n'.repeat(200)]) {
      expect(crashes(src)).toEqual([]);
    }
  });
});
