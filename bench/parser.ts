// Front end speed: tokenizes and parses a generated program of ordinary Python and prints
// lines per second. Run after building: node dist/bench/parser.js [lines]

import { parse } from '../engine/syntax/parser.js';
import { SourceText } from '../engine/syntax/source.js';
import { tokenize } from '../engine/syntax/tokenizer.js';

const SAMPLE = `
import os, sys
from collections import defaultdict as dd

class Point{N}(Base, metaclass=Meta):
    """A point in the plane."""
    __slots__ = ('x', 'y')

    def __init__(self, x: float = 0.0, y: float = 0.0, *, label=None) -> None:
        self.x, self.y = x, y
        self.label = label or f"P({x!r}, {y:.2f})"

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    async def fetch(self, session, *urls, **options):
        async with session.get(urls[0], **options) as resp:
            async for chunk in resp.content:
                yield chunk

def process_{N}(items, threshold=10):
    counts = dd(int)
    for i, item in enumerate(items):
        if item is None or not isinstance(item, (int, float)):
            continue
        elif item > threshold and i % 2 == 0:
            counts[item] += 1
        else:
            counts[-item] -= 1
    squares = [x * x for x in range(100) if x % 3 == 0]
    table = {k: v for k, v in counts.items() if v}
    total = sum(v for v in table.values())
    try:
        result = total / len(table)
    except ZeroDivisionError as exc:
        raise ValueError("empty") from exc
    finally:
        del squares[:]
    while (n := len(items)) > 0:
        items = items[1:n - 1]
    match result:
        case 0 | 1:
            return None
        case [first, *rest] if first:
            return rest
        case {"key": value, **others}:
            return value
        case Point{N}(x=0, y=py):
            return py
        case _:
            return lambda a, b=2, /, *c, d, **e: (a, b, c, d, e)
`;

function program(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let n = 0; count < lines; n++) {
    const chunk = SAMPLE.replaceAll('{N}', String(n));
    parts.push(chunk);
    count += chunk.split('\n').length - 1;
  }
  return parts.join('');
}

/** Lines per second of wall time, and per second of this process's CPU time (the fairer number
 *  on a busy machine). */
function measure(label: string, lines: number, run: () => void): void {
  for (let i = 0; i < 3; i++) run(); // warm up
  const rounds = 5;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < rounds; i++) run();
  const wall = (performance.now() - wall0) / 1000 / rounds;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6 / rounds;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(10);
  console.log(`${label.padEnd(18)} ${fmt(lines / wall)} lines/s wall ${fmt(lines / cpu)} lines/s cpu`);
}

const lines = Number(process.argv[2] ?? 100_000);
const source = program(lines);
const lineCount = source.split('\n').length;
console.log(`program: ${lineCount} lines, ${source.length} characters`);
measure('tokenize', lineCount, () => tokenize(new SourceText(source), '<bench>'));
measure('tokenize + parse', lineCount, () => parse(source, '<bench>', 'exec'));
