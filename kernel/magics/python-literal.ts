// Python source literals for values the kernel writes into generated Python.

/** A Python str literal; JSON's string escapes are all valid Python escapes. */
export function pythonStr(text: string): string {
  return JSON.stringify(text);
}
