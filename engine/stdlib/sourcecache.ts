// The native half of linecache: the source text of every file and cell the engine compiled
// (engine/vm/linecache.ts), which is where a simulated program's own source lives.
import type { PyObject } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { newNone } from '../objects/abstract.js';
import { typeError } from '../objects/exceptions.js';
import { linecache } from '../vm/linecache.js';
import type { NativeModuleDef } from './moduledef.js';

export const sourceCacheModule: NativeModuleDef = {
  name: '_sourcecache',
  functions: [{
    name: 'source',
    code: {
      kind: 'o',
      fn: (_m, filename: PyObject) => {
        if (!(filename instanceof PyStr)) throw typeError('source() argument must be str');
        const text = linecache.get(filename.value);
        return text === undefined ? newNone() : newStr(text);
      },
    },
    doc: 'source(filename)\n--\n\nThe text the engine compiled under this file name, or None.',
  }],
  attributes: () => ({}),
};
