// The simulated CPython version: every constant and behaviour switch that differs between the
// versions the engine can imitate. Sizes of object layouts are C struct sizes, not answers:
// what a program prints is computed from them by the object model and the allocator.

import { memoryProfileFor } from './memory.js';

export type ProfileName = '3.6' | '3.7' | '3.8' | '3.11' | '3.12' | '3.13';

export interface Profile {
  name: ProfileName;
  /** sys.version_info */
  major: number;
  minor: number;
  micro: number;
  /** sizeof(PyGC_Head): 16 since 3.8, 24 before 3.7.4 and 32 from 3.7.4 (bpo-27987); the
   *  memory profile (profiles/memory.ts) holds the value. */
  gcHeaderSize: number;
  /** 3.11's pre-header for objects whose type has a managed dict (dict and values pointers);
   *  0 before 3.11, where an instance dict is a pointer inside the object (tp_dictoffset). */
  managedDictPreheader: number;
  /** 3.12+: classes over variable-size bases (int, tuple) get a managed dict too, and weak
   *  references are managed in the pre-header as well (no __weakref__ slot in the object). */
  managedEverywhere: boolean;
  /** PEP 683 immortal objects (3.12+): their refcount never changes. */
  immortalObjects: boolean;
  /** The refcount sys.getrefcount reports for an immortal object. */
  immortalRefcount: number;
  /** 3.12 makes every interned string immortal (3.13 keeps sys.intern's strings mortal). */
  immortalInterned: boolean;
  /** gc.get_threshold() at start-up. */
  gcThresholds: readonly [number, number, number];
  /** sys.getrecursionlimit() at start-up. */
  recursionLimit: number;
  /** int.__sizeof__ counts one digit for zero (3.11+; 24 bytes for 0 and False before). */
  intZeroHasDigit: boolean;
  /** hash(nan) comes from the object's identity (3.10+); it was 0 before. */
  nanHashByIdentity: boolean;
}

const base311: Omit<Profile, 'gcHeaderSize'> = {
  name: '3.11', major: 3, minor: 11, micro: 7,
  managedDictPreheader: 16, managedEverywhere: false,
  immortalObjects: false, immortalRefcount: 0, immortalInterned: false,
  gcThresholds: [700, 10, 10], recursionLimit: 1000, intZeroHasDigit: true, nanHashByIdentity: true,
};

/** A profile with the GC header size of its memory profile (the one source of that number). */
function withMemory(p: Omit<Profile, 'gcHeaderSize'>): Profile {
  return { ...p, gcHeaderSize: memoryProfileFor(p.name, p.micro).gcHeaderSize };
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  '3.6': withMemory({ ...base311, name: '3.6', minor: 6, micro: 15, intZeroHasDigit: false, nanHashByIdentity: false, managedDictPreheader: 0 }),
  '3.7': withMemory({ ...base311, name: '3.7', minor: 7, micro: 16, intZeroHasDigit: false, nanHashByIdentity: false, managedDictPreheader: 0 }),
  '3.8': withMemory({ ...base311, name: '3.8', minor: 8, micro: 18, intZeroHasDigit: false, nanHashByIdentity: false, managedDictPreheader: 0 }),
  '3.11': withMemory(base311),
  '3.12': withMemory({ ...base311, name: '3.12', minor: 12, micro: 1, managedEverywhere: true, immortalObjects: true, immortalRefcount: 4294967295, immortalInterned: true }),
  '3.13': withMemory({ ...base311, name: '3.13', minor: 13, micro: 0, managedEverywhere: true, immortalObjects: true, immortalRefcount: 4294967295, gcThresholds: [2000, 10, 10] }),
};

/** The profile of "X.Y", or of "X.Y.Z" where the patch level changes the memory layout
 *  (3.7.0-3.7.3's 24-byte GC header). */
export function profileFor(version: string | undefined): Profile {
  const parts = (version ?? '3.11').split('.');
  const key = parts.slice(0, 2).join('.') as ProfileName;
  const p = PROFILES[key];
  if (!p) throw new Error(`unsupported Python version ${version}: choose one of ${Object.keys(PROFILES).join(', ')}`);
  const micro = parts.length > 2 ? Number(parts[2]) : NaN;
  return Number.isInteger(micro) ? withMemory({ ...p, micro }) : p;
}

export function versionString(p: Profile): string {
  return `${p.major}.${p.minor}.${p.micro}`;
}
