// The kernel's logo, drawn at any size: a memory pool seen from above, a 4x4 grid of blocks in
// Python's blue and yellow, some in use and some free.
import { encodePng } from './png.js';

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [0x1e, 0x2a, 0x38, 255];
const USED_BLUE: Rgba = [0x37, 0x76, 0xab, 255];
const USED_YELLOW: Rgba = [0xff, 0xd4, 0x3b, 255];
const FREE: Rgba = [0x4a, 0x5a, 0x6a, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Which blocks of the pool are allocated: 1 blue, 2 yellow, 0 free. */
const POOL = [
  [1, 1, 2, 0],
  [1, 2, 2, 1],
  [0, 1, 0, 2],
  [2, 0, 1, 1],
];

function pixel(x: number, y: number, size: number): Rgba {
  const radius = size / 6;
  const cornerX = Math.min(x + 0.5, size - x - 0.5);
  const cornerY = Math.min(y + 0.5, size - y - 0.5);
  if (cornerX < radius && cornerY < radius && Math.hypot(radius - cornerX, radius - cornerY) > radius) return CLEAR;
  const margin = size / 8;
  const cell = (size - 2 * margin) / 4;
  const gap = Math.max(1, cell / 6);
  const column = Math.floor((x + 0.5 - margin) / cell);
  const row = Math.floor((y + 0.5 - margin) / cell);
  if (column < 0 || column > 3 || row < 0 || row > 3) return BACKGROUND;
  const insideX = x + 0.5 - margin - column * cell;
  const insideY = y + 0.5 - margin - row * cell;
  if (insideX < gap / 2 || insideX > cell - gap / 2 || insideY < gap / 2 || insideY > cell - gap / 2) return BACKGROUND;
  return [FREE, USED_BLUE, USED_YELLOW][POOL[row]![column]!]!;
}

export function logoPng(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rgba.set(pixel(x, y, size), (y * size + x) * 4);
  return encodePng(size, size, rgba);
}
