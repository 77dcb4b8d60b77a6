// Options shared by several commands.
import { simulatedVersion } from '../../engine/api.js';
import { DEFAULT_PYTHON } from '../kernelspec/install.js';
import type { EngineWorkerOptions } from '../worker/host.js';

/** The requested "X.Y", checked against the engine's profiles (the engine itself is not loaded). */
export function pythonOption(value: string | undefined): string {
  const python = value ?? DEFAULT_PYTHON;
  simulatedVersion(python);
  return python;
}

/** Engine settings taken from the environment: PYTHONHASHSEED as CPython reads it (unset or
 *  "random" leaves hashing randomised), PYMEMLAB_ENGINE_HEAP_MB to cap the engine's host heap. */
export function engineEnvironment(): Pick<EngineWorkerOptions, 'hashSeed' | 'heapLimitMb'> {
  const seed = process.env.PYTHONHASHSEED;
  const heap = Number(process.env.PYMEMLAB_ENGINE_HEAP_MB);
  return {
    ...(seed === undefined || seed === '' || seed === 'random' ? {} : { hashSeed: Number(seed) }),
    ...(Number.isFinite(heap) && heap > 0 ? { heapLimitMb: heap } : {}),
  };
}
