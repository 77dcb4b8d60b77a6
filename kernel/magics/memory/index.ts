// The memory magics of pymemlab, registered beside IPython's builtin ones.
import type { Magic } from '../registry.js';
import { getsizeof } from './getsizeof.js';
import { refs } from './refs.js';
import { gc } from './gc.js';
import { heap, pymalloc } from './heap.js';
import { dict } from './dict.js';
import { memoryview } from './memoryview.js';

export const memoryMagics: Magic[] = [getsizeof, refs, gc, heap, pymalloc, dict, memoryview];
