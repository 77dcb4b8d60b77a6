// Character names for \N{...} escapes (Modules/unicodedata.c _getcode): the table in
// data/unicode-names.txt.gz, loaded on first use, plus the names computed from code points.

import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

interface NameTable {
  byName: Map<string, number>;
  ranges: { prefix: string; first: number; last: number }[];
}

let table: NameTable | null = null;

/** The table sits beside this module in the sources; a build in dist/ reads it from the sources. */
const TABLE_LOCATIONS = ['./data/unicode-names.txt.gz', '../../../engine/syntax/data/unicode-names.txt.gz'];

function loadTable(): NameTable {
  const url = TABLE_LOCATIONS.map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
  if (!url) return { byName: new Map(), ranges: [] };
  const text = gunzipSync(readFileSync(url)).toString('utf8');
  const byName = new Map<string, number>();
  const ranges: NameTable['ranges'] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('range ')) {
      const dash = line.lastIndexOf('-');
      const [first, last] = line.slice(dash + 2).split(' ') as [string, string];
      ranges.push({ prefix: line.slice(6, dash + 1), first: parseInt(first, 16), last: parseInt(last, 16) });
      continue;
    }
    const space = line.indexOf(' ');
    byName.set(line.slice(space + 1), parseInt(line.slice(0, space), 16));
  }
  return { byName, ranges };
}

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** find_syllable: the longest jamo name at `pos`. */
function longestJamo(s: string, pos: number, names: string[]): [index: number, length: number] {
  let best = -1;
  let len = 0;
  names.forEach((n, i) => {
    if (n.length >= len && s.startsWith(n, pos) && (best < 0 || n.length > len)) {
      best = i;
      len = n.length;
    }
  });
  return [best, len];
}

function hangulSyllable(rest: string): number | null {
  const [l, ll] = longestJamo(rest, 0, JAMO_L);
  const [v, vl] = longestJamo(rest, ll, JAMO_V);
  const [t, tl] = longestJamo(rest, ll + vl, JAMO_T);
  if (l < 0 || v < 0 || t < 0 || ll + vl + tl !== rest.length) return null;
  return 0xac00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
}

/** The code point called `name` (case-insensitive), or null when there is none. */
export function unicodeNameLookup(name: string): number | null {
  const upper = name.toUpperCase();
  if (upper.startsWith('HANGUL SYLLABLE ')) return hangulSyllable(name.slice(16));
  table ??= loadTable();
  const direct = table.byName.get(upper);
  if (direct !== undefined) return direct;
  for (const r of table.ranges) {
    if (!upper.startsWith(r.prefix)) continue;
    const hex = upper.slice(r.prefix.length);
    if (!/^[0-9A-F]{4,5}$/.test(hex)) continue;
    const cp = parseInt(hex, 16);
    if (cp >= r.first && cp <= r.last) return cp;
  }
  return null;
}
