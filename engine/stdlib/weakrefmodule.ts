// The `_weakref` module (Modules/_weakref.c): the native half of `weakref`.
import { newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { newInt } from '../objects/int.js';
import { newList } from '../objects/list.js';
import { None } from '../objects/singletons.js';
import { typeError } from '../objects/exceptions.js';
import { callableProxyType, newProxy, proxyType, refType, weakrefCount, weakrefsTo } from '../objects/weakref.js';
import type { NativeModuleDef } from './moduledef.js';

const functions: NativeFunctionDef[] = [
  { name: 'getweakrefcount', code: { kind: 'o', fn: (_m, o) => newInt(weakrefCount(o)) } },
  {
    name: 'getweakrefs',
    code: { kind: 'o', fn: (_m, o) => newList(weakrefsTo(o).map((w) => newref(w))) },
  },
  {
    name: 'proxy',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`proxy expected at most 2 arguments, got ${args.length}`);
        const cb = args[1] && args[1] !== None ? args[1] : null;
        return newProxy(args[0]!, cb);
      },
    },
  },
];

export const weakrefModule: NativeModuleDef = {
  name: '_weakref',
  functions,
  attributes: (): Record<string, PyObject> => ({
    ref: newref(refType),
    ReferenceType: newref(refType),
    ProxyType: newref(proxyType),
    CallableProxyType: newref(callableProxyType),
  }),
};
