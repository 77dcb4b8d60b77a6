// \N{name} escapes need the Unicode name database (Modules/unicodedata.c). Only the names that
// follow from the code point are known here; a full table is not shipped yet.

/** The code point called `name`, or null when it is unknown. */
export function unicodeNameLookup(name: string): number | null {
  const upper = name.toUpperCase();
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(upper);
  if (cjk) return parseInt(cjk[1]!, 16);
  return null;
}
