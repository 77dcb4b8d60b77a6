// Options shared by several commands.
import { simulatedVersion } from '../../engine/api.js';
import { DEFAULT_PYTHON } from '../kernelspec/install.js';

/** The requested "X.Y", checked against the engine's profiles (the engine itself is not loaded). */
export function pythonOption(value: string | undefined): string {
  const python = value ?? DEFAULT_PYTHON;
  simulatedVersion(python);
  return python;
}

/** PYTHONHASHSEED as CPython reads it; unset or "random" leaves hashing randomised. */
export function hashSeedFromEnvironment(): number | undefined {
  const seed = process.env.PYTHONHASHSEED;
  return seed === undefined || seed === '' || seed === 'random' ? undefined : Number(seed);
}
