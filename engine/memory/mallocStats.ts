// The two line formats of `sys._debugmallocstats()`.

/** Objects/obmalloc.c printone: the label padded to 35 columns, '=', the value with thousands
 *  separators right-aligned in 21 columns, and a newline. */
export function printone(msg: string, value: number): string {
  const digits = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${msg.padEnd(35)}=${digits.padStart(21)}\n`;
}

/** Objects/obmalloc.c _PyDebugAllocatorStats: one free list's line, e.g.
 *  "4 free PyFloatObjects * 24 bytes each" right-aligned in 48 columns. */
export function debugAllocatorStats(blockName: string, numBlocks: number, sizeofBlock: number): string {
  const what = `${numBlocks} ${blockName}s * ${sizeofBlock} bytes each`;
  return printone(`${what.padStart(48)} `, numBlocks * sizeofBlock);
}
