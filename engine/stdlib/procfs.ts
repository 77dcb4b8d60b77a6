// _procfs: read-only access to the simulated /proc files until the OS layer's file system
// serves them to open(); the psutil module reads its numbers through it, as the real psutil
// reads /proc on Linux.
import type { PyObject } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { newInt } from '../objects/int.js';
import { FileNotFoundError, newException, typeError } from '../objects/exceptions.js';
import { readProcFile } from '../memory/procFiles.js';
import { running, runningMemory } from '../memory/running.js';
import type { NativeModuleDef } from './moduledef.js';

function read(_m: PyObject, path: PyObject): PyObject {
  if (!(path instanceof PyStr)) throw typeError(`read() argument must be str, not ${path.type.name}`);
  const text = readProcFile(path.value, runningMemory(), running.identity);
  if (text === null) {
    throw newException(FileNotFoundError, [newInt(2), newStr('No such file or directory'), newStr(path.value)]);
  }
  return newStr(text);
}

export const procfsModule: NativeModuleDef = {
  name: '_procfs',
  functions: [
    { name: 'read', code: { kind: 'o', fn: read } },
    { name: 'getpid', code: { kind: 'noargs', fn: () => newInt(running.identity.pid) } },
  ],
  attributes: () => ({}),
};
