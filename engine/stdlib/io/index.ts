// The _io module (Modules/_io/_iomodule.c): the native half of io. BytesIO, StringIO, the
// abstract bases and open() live here; FileIO, the buffered classes and TextIOWrapper are
// written in Python (io.py) on top of the posix calls, and open() stacks them.
import type { PyObject } from "../../objects/object.js";
import { newInt } from '../../objects/int.js';
import { PyStr, newStr } from '../../objects/str.js';
import { typeError } from '../../objects/exceptions.js';
import { newTuple } from '../../objects/tuple.js';
import { newBool } from '../../objects/int.js';
import { asIndex, isTrue } from '../../objects/abstract.js';
import { releaseBuffer } from '../../objects/buffer.js';
import { runningFiles } from '../../os/files.js';
import { syscall } from '../posix/pathargs.js';
import { unpackArgs } from '../../objects/args.js';
import type { PyType } from '../../objects/type.js';
import type { NativeModuleDef } from '../moduledef.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { newref } from '../../objects/object.js';
import { dictGetStr } from '../../objects/dict.js';
import { interp } from '../../vm/imports.js';
import {
  DEFAULT_BUFFER_SIZE, bufferedIOBaseType, writableTarget, iobaseType, makeUnsupportedOperation, rawIOBaseType, textIOBaseType,
} from './iobase.js';
import { bytesIOType } from './bytesio.js';
import { stringIOType } from './stringio.js';
import { ioOpen, openRaw, parseRawMode, rawModeString } from './open.js';

const shared = (t: PyType): PyType => {
  t.refcnt++;
  return t;
};

/** FileIO's opening for io.py: (fd, FileIO mode string, readable, writable, appending). */
function fileioOpen(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [file, mode, closefd, opener] = unpackArgs({ fname: '_fileio_open', names: ['file', 'mode', 'closefd', 'opener'], required: 4 }, args, kwnames);
  if (!(mode instanceof PyStr)) throw typeError(`invalid mode: ${mode!.type.name}`);
  const raw = parseRawMode(mode.value);
  const n = openRaw(file!, raw, isTrue(closefd!), opener!);
  return newTuple([newInt(n), newStr(rawModeString(raw)), newBool(raw.readable), newBool(raw.writable), newBool(raw.appending)]);
}

/** FileIO.readinto: read(2) straight into the caller's writable buffer, no bytes made between. */
function readintoFd(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`_readinto expected 2 arguments, got ${args.length}`);
  const n = asIndex(args[0]!);
  const view = writableTarget(args[1]!);
  try {
    const data = syscall(() => runningFiles().fds.get(n).read(view.len));
    view.data.set(data, view.offset);
    return newInt(data.length);
  } finally {
    releaseBuffer(view);
  }
}

export const ioModule: NativeModuleDef = {
  name: '_io',
  functions: [
    { name: '_fileio_open', code: { kind: 'fastkw', fn: fileioOpen } },
    { name: '_readinto', code: { kind: 'fast', fn: readintoFd } },
  ],
  attributes: () => ({
    open: newref(dictGetStr(interp.builtins, 'open')!),
    DEFAULT_BUFFER_SIZE: newInt(DEFAULT_BUFFER_SIZE),
    UnsupportedOperation: shared(makeUnsupportedOperation()),
    _IOBase: shared(iobaseType),
    _RawIOBase: shared(rawIOBaseType),
    _BufferedIOBase: shared(bufferedIOBaseType),
    _TextIOBase: shared(textIOBaseType),
    BytesIO: shared(bytesIOType),
    StringIO: shared(stringIOType),
  }),
};


/** The builtin open(), which _io and io export as theirs. */
export const openBuiltin: NativeFunctionDef = { name: 'open', code: { kind: 'fastkw', fn: ioOpen } };
