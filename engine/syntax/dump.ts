// ast.dump (Lib/ast.py), single-line form, with Python's repr of constants.

import { Ellipsis, ImaginaryValue, NODE_SHAPES, type AST, type ConstantValue } from './ast.js';

/** The text `ast.dump(node, include_attributes=...)` gives for this tree. */
export function dump(node: AST, includeAttributes = false): string {
  return format(node, includeAttributes);
}

function format(value: unknown, attrs: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => format(v, attrs)).join(', ')}]`;
  if (value !== null && typeof value === 'object' && '_type' in value) {
    const node = value as Record<string, unknown> & { _type: string };
    const shape = NODE_SHAPES[node._type];
    if (!shape) return `${node._type}()`;
    const args: string[] = [];
    for (const name of shape.fields) {
      const v = node[name];
      if (v === null && shape.optional.includes(name)) continue;
      args.push(`${name}=${node._type === 'Constant' && name === 'value' ? pyRepr(v as ConstantValue) : format(v, attrs)}`);
    }
    if (attrs) {
      for (const name of shape.attributes) {
        const v = node[name];
        if (v === null || v === undefined) continue;
        args.push(`${name}=${format(v, attrs)}`);
      }
    }
    return `${node._type}(${args.join(', ')})`;
  }
  if (typeof value === 'number') return String(value);
  return pyRepr(value as ConstantValue);
}

/** repr() of a constant value. */
export function pyRepr(v: ConstantValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === Ellipsis) return 'Ellipsis';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof ImaginaryValue) return `${floatRepr(v.imag, false)}j`;
  if (v instanceof Uint8Array) return bytesRepr(v);
  return String(v);
}

/** float_repr_style 'short': shortest round-tripping digits, exponent form outside [1e-4, 1e16). */
export function floatRepr(x: number, forceFraction = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (forceFraction ? '.0' : '');
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length) + (forceFraction ? '.0' : '');
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** unicode_repr (Objects/unicodeobject.c) */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (cp >= 0xd800 && cp < 0xe000) out += '\\u' + hex(cp, 4);
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    else out += ch;
  }
  return out + quote;
}

/** bytes_repr (Objects/bytesobject.c) */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += ch;
  }
  return out + quote;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
