// The memory magics of pymemlab, registered beside IPython's builtin ones.
import type { Magic } from '../registry.js';
import { getsizeof } from './getsizeof.js';
import { refs } from './refs.js';
import { gc } from './gc.js';
import { heap, pymalloc } from './heap.js';
import { dict } from './dict.js';
import { memoryview } from './memoryview.js';
import { lru } from './lru.js';
import { tracemalloc } from './tracemalloc.js';
import { memitMagic } from './memit.js';
import { mprun } from './mprun.js';
import { timeitMagic } from './timeit.js';
import { python } from './python.js';
import { cpython, compare } from './cpython.js';
import { fork } from './fork.js';

export const memoryMagics: Magic[] = [
  getsizeof, refs, gc, heap, pymalloc, dict, memoryview, lru, tracemalloc, memitMagic, mprun, timeitMagic, python, cpython, compare, fork,
];
