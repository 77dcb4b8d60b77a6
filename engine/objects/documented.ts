// Attaches CPython's docstrings (numberdocs.ts) to a number type's methods and attributes.
import type { NativeCode } from './native.js';
import type { GetSetDef } from './descr.js';
import { NUMBER_DOCS } from './numberdocs.js';

/** Methods of `typeName` with their docstrings. */
export function documentedMethods(typeName: string, methods: Record<string, NativeCode>): Record<string, { code: NativeCode; doc?: string }> {
  const out: Record<string, { code: NativeCode; doc?: string }> = {};
  for (const [name, code] of Object.entries(methods)) out[name] = { code, doc: NUMBER_DOCS[`${typeName}.${name}`] };
  return out;
}

/** Computed attributes of `typeName` with their docstrings. */
export function documentedGetsets(typeName: string, getsets: Record<string, GetSetDef>): Record<string, GetSetDef> {
  const out: Record<string, GetSetDef> = {};
  for (const [name, def] of Object.entries(getsets)) out[name] = { ...def, doc: NUMBER_DOCS[`${typeName}.${name}`] };
  return out;
}
