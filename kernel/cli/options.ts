// Options shared by several commands.
import { DEFAULT_PYTHON } from '../kernelspec/install.js';

/** Simulated CPython versions the engine has profiles for. */
export const SUPPORTED_PYTHONS = ['3.7', '3.8', '3.11', '3.12', '3.13'];

export function pythonOption(value: string | undefined): string {
  const python = value ?? DEFAULT_PYTHON;
  if (!SUPPORTED_PYTHONS.includes(python)) {
    throw new Error(`--python ${python} is not simulated; choose one of ${SUPPORTED_PYTHONS.join(', ')}`);
  }
  return python;
}

/** PYTHONHASHSEED as CPython reads it; unset or "random" leaves hashing randomised. */
export function hashSeedFromEnvironment(): number | undefined {
  const seed = process.env.PYTHONHASHSEED;
  return seed === undefined || seed === '' || seed === 'random' ? undefined : Number(seed);
}
