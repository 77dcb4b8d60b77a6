// pickle.PickleBuffer (Objects/picklebufobject.c): a wrapper that holds an exporter's buffer so
// protocol 5 can hand it out of band. Consumers get their buffer from the exporter itself, so a
// memoryview of a PickleBuffer sees (and counts as an export of) the original object.
import { PyObject, decref, newref } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { clearWeakrefs } from '../objects/weakref.js';
import { None } from '../objects/singletons.js';
import { bufferError, typeError, valueError } from '../objects/exceptions.js';
import { getBuffer, isCContiguous, registerBufferProcs, releaseBuffer, withBytes, type BufferView } from '../objects/buffer.js';
import { asIndex, callMethod } from '../objects/abstract.js';
import { memoryViewFromObject } from '../objects/memoryview.js';
import { newStr } from '../objects/str.js';
import type { NativeModuleDef } from './moduledef.js';
import { fastDumps, fastLoads } from './picklefast.js';

/** sizeof(PyPickleBufferObject): the header, a Py_buffer and the weak reference list */
const PICKLEBUFFER_SIZE = 104;

class PyPickleBuffer extends PyObject {
  view: BufferView | null = null;
}

function heldView(o: PyObject): BufferView {
  const view = (o as PyPickleBuffer).view;
  if (!view) throw valueError('operation forbidden on released PickleBuffer object');
  return view;
}

function release(o: PyObject): void {
  const b = o as PyPickleBuffer;
  const view = b.view;
  if (!view) return;
  b.view = null;
  releaseBuffer(view);
  decref(view.obj);
}

// picklebuf_raw: the bytes as a flat unsigned-byte memoryview.
function raw(o: PyObject): PyObject {
  const view = heldView(o);
  if (!isCContiguous(view)) throw bufferError('cannot extract raw buffer from non-contiguous buffer');
  const m = memoryViewFromObject(o);
  try {
    const fmt = newStr('B');
    try {
      return callMethod(m, 'cast', [fmt]);
    } finally {
      decref(fmt);
    }
  } finally {
    decref(m);
  }
}

const pickleBufferType: PyType = defineType({
  name: 'pickle.PickleBuffer',
  flags: TypeFlags.BASETYPE,
  layout: { basicsize: PICKLEBUFFER_SIZE },
  weakrefable: true,
  doc: 'Wrapper for potentially out-of-band buffers',
  slots: {
    tp_dealloc: (o) => {
      clearWeakrefs(o);
      release(o);
      freeObject(o);
    },
    tp_new: (type, args, kwnames) => {
      if (kwnames && kwnames.length) throw typeError('PickleBuffer() takes no keyword arguments');
      if (args.length !== 1) throw typeError(`PickleBuffer expected 1 argument, got ${args.length}`);
      const view = getBuffer(args[0]!, false);
      const b = new PyPickleBuffer(type);
      allocObject(b, type.basicsize);
      newref(view.obj);
      b.view = view;
      return b;
    },
  },
  methods: {
    raw: { kind: 'noargs', fn: raw },
    release: { kind: 'noargs', fn: (o) => (release(o), newref(None)) },
  },
});

registerBufferProcs(pickleBufferType, {
  getBuffer: (o, writable) => {
    const view = heldView(o);
    if (writable && view.readonly) throw bufferError('Object is not writable.');
    return getBuffer(view.obj, writable);
  },
});

/** _pickle: the native parts the Python pickle module imports (PickleBuffer, the fast dumps). */
export const pickleModule: NativeModuleDef = {
  name: '_pickle',
  functions: [
    {
      name: '_fast_dumps',
      code: { kind: 'fast', fn: (_m, args) => fastDumps(args[0]!, asIndex(args[1]!)) },
    },
    { name: '_fast_loads', code: { kind: 'o', fn: (_m, data) => withBytes(data, fastLoads) } },
  ],
  attributes: () => ({ PickleBuffer: newref(pickleBufferType) }),
};
