// The simulated CPython version: every constant and behaviour switch that differs between the
// versions the engine can imitate. Sizes of object layouts are C struct sizes, not answers:
// what a program prints is computed from them by the object model and the allocator.

export type ProfileName = '3.6' | '3.7' | '3.8' | '3.11' | '3.12' | '3.13';

export interface Profile {
  name: ProfileName;
  /** sys.version_info */
  major: number;
  minor: number;
  micro: number;
  /** sizeof(PyGC_Head): 16 since 3.8, 24 before 3.7.4 and 32 from 3.7.4 (bpo-27987). */
  gcHeaderSize: number;
  /** 3.11's pre-header for objects whose type has a managed dict (dict and values pointers). */
  managedDictPreheader: number;
  /** PEP 683 immortal objects (3.12+): their refcount never changes. */
  immortalObjects: boolean;
  /** The refcount sys.getrefcount reports for an immortal object. */
  immortalRefcount: number;
  /** gc.get_threshold() at start-up. */
  gcThresholds: readonly [number, number, number];
  /** sys.getrecursionlimit() at start-up. */
  recursionLimit: number;
  /** int.__sizeof__ counts one digit for zero (3.11+; 24 bytes for 0 and False before). */
  intZeroHasDigit: boolean;
  /** hash(nan) comes from the object's identity (3.10+); it was 0 before. */
  nanHashByIdentity: boolean;
}

const base311: Profile = {
  name: '3.11', major: 3, minor: 11, micro: 7,
  gcHeaderSize: 16, managedDictPreheader: 16,
  immortalObjects: false, immortalRefcount: 0,
  gcThresholds: [700, 10, 10], recursionLimit: 1000, intZeroHasDigit: true, nanHashByIdentity: true,
};

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  '3.6': { ...base311, name: '3.6', minor: 6, micro: 15, intZeroHasDigit: false, nanHashByIdentity: false, gcHeaderSize: 32, managedDictPreheader: 0 },
  '3.7': { ...base311, name: '3.7', minor: 7, micro: 16, intZeroHasDigit: false, nanHashByIdentity: false, gcHeaderSize: 32, managedDictPreheader: 0 },
  '3.8': { ...base311, name: '3.8', minor: 8, micro: 18, intZeroHasDigit: false, nanHashByIdentity: false, managedDictPreheader: 0 },
  '3.11': base311,
  '3.12': { ...base311, name: '3.12', minor: 12, micro: 1, managedDictPreheader: 0, immortalObjects: true, immortalRefcount: 4294967295 },
  '3.13': { ...base311, name: '3.13', minor: 13, micro: 0, managedDictPreheader: 0, immortalObjects: true, immortalRefcount: 4294967295, gcThresholds: [2000, 10, 10] },
};

export function profileFor(version: string | undefined): Profile {
  const key = (version ?? '3.11').split('.').slice(0, 2).join('.') as ProfileName;
  const p = PROFILES[key];
  if (!p) throw new Error(`unsupported Python version ${version}: choose one of ${Object.keys(PROFILES).join(', ')}`);
  return p;
}

export function versionString(p: Profile): string {
  return `${p.major}.${p.minor}.${p.micro}`;
}
