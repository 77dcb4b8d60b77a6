// The posix module (Modules/posixmodule.c), the native half of `os`. Each part of the simulated
// OS contributes its functions and constants here: files and directories (files.ts), processes
// (process.ts, one line below when it lands).
import type { NativeModuleDef } from '../moduledef.js';
import { fileAttributes, fileFunctions } from './files.js';
import { processConstants, processFunctions } from './process.js';

export const posixModule: NativeModuleDef = {
  name: 'posix',
  functions: [...fileFunctions, ...processFunctions],
  attributes: () => ({ ...fileAttributes(), ...processConstants() }),
};
