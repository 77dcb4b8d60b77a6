// The attributes of BaseException the interpreter's machinery reads and writes
// (Objects/exceptions.c BaseException_getset and methods): args, __traceback__, __context__,
// __cause__, __suppress_context__, with_traceback, add_note.
import { PyObject, decref, newref, xdecref } from '../objects/object.js';
import {
  AttributeError, BaseException, ImportError, NameError, OSError, PyBaseException, StopIteration, SyntaxError, SystemExit,
  typeError,
} from '../objects/exceptions.js';
import type { PyType } from '../objects/type.js';
import { PyGetSetDescr, PyMethodDescr, type GetSetDef } from '../objects/descr.js';
import { allocStatic } from '../objects/heap.js';
import { None } from '../objects/singletons.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyTraceback } from '../objects/traceback.js';
import { PyStr } from '../objects/str.js';
import { newBool } from '../objects/int.js';
import { collect, getAttrOrNull, setAttr, isTrue } from '../objects/abstract.js';
import { listOps } from './sequences.js';
import type { NativeFunctionDef } from '../objects/native.js';

function exc(o: PyObject): PyBaseException {
  return o as PyBaseException;
}

function setChain(field: 'context' | 'cause', what: string) {
  return (o: PyObject, v: PyObject | null): void => {
    if (v === null) throw typeError(`${what} may not be deleted`);
    if (v !== None && !(v instanceof PyBaseException)) throw typeError(`exception ${what === '__cause__' ? 'cause' : 'context'} must be None or derive from BaseException`);
    const e = exc(o);
    const old = e[field];
    e[field] = v === None ? null : newref(v as PyBaseException);
    if (field === 'cause') e.suppressContext = true;
    xdecref(old);
  };
}

const getsets: Record<string, GetSetDef> = {
  args: {
    get: (o) => newref(exc(o).args),
    set: (o, v) => {
      if (v === null) throw typeError('args may not be deleted');
      const e = exc(o);
      const items = v instanceof PyTuple ? v.items.map((x) => newref(x)) : collect(v);
      const old = e.args;
      e.args = newTuple(items);
      decref(old);
    },
  },
  __traceback__: {
    get: (o) => newref(exc(o).traceback ?? None),
    set: (o, v) => {
      if (v === null) throw typeError('__traceback__ may not be deleted');
      if (v !== None && !(v instanceof PyTraceback)) throw typeError('__traceback__ must be a traceback or None');
      const e = exc(o);
      const old = e.traceback;
      e.traceback = v === None ? null : newref(v);
      xdecref(old);
    },
  },
  __context__: { get: (o) => newref(exc(o).context ?? None), set: setChain('context', '__context__') },
  __cause__: { get: (o) => newref(exc(o).cause ?? None), set: setChain('cause', '__cause__') },
  __suppress_context__: {
    get: (o) => newBool(exc(o).suppressContext),
    set: (o, v) => {
      exc(o).suppressContext = v !== null && isTrue(v);
    },
  },
};

const methods: NativeFunctionDef[] = [
  {
    name: 'with_traceback',
    code: {
      kind: 'o',
      fn: (self, tb) => {
        setAttr(self, '__traceback__', tb);
        return newref(self);
      },
    },
  },
  {
    name: 'add_note',
    code: {
      kind: 'o',
      fn: (self, note) => {
        if (!(note instanceof PyStr)) throw typeError(`note must be a str, not '${note.type.name}'`);
        let notes = getAttrOrNull(self, '__notes__');
        if (notes === null) {
          notes = listOps.make([]);
          setAttr(self, '__notes__', notes);
        }
        listOps.append(notes, note);
        decref(notes);
        return newref(None);
      },
    },
  },
];

/** The member fields of the exception subclasses that have them (their C struct members). */
const FIELDS: [PyType, string[]][] = [
  [StopIteration, ['value']],
  [SystemExit, ['code']],
  [NameError, ['name']],
  [AttributeError, ['name', 'obj']],
  [ImportError, ['name', 'path', 'msg']],
  [SyntaxError, ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line']],
  [OSError, ['errno', 'strerror', 'filename', 'filename2']],
];

function fieldGetSet(name: string): GetSetDef {
  return {
    get: (o) => newref(exc(o).field(name)),
    set: (o, v) => exc(o).setField(name, v ?? None),
  };
}

function addGetSet(type: PyType, name: string, def: GetSetDef): void {
  const d = new PyGetSetDescr(name, def, type);
  allocStatic(d, 48);
  d.refcnt = 1 << 20;
  type.dict.set(name, d);
}

/** Installs the attributes on BaseException and the subclasses with fields. */
export function installExceptionAttributes(): void {
  if (BaseException.dict.has('__cause__')) return;
  for (const [name, def] of Object.entries(getsets)) addGetSet(BaseException, name, def);
  for (const [type, names] of FIELDS) {
    for (const n of names) if (!type.dict.has(n)) addGetSet(type, n, fieldGetSet(n));
    type.modified();
  }
  for (const def of methods) {
    const d = new PyMethodDescr(def, BaseException);
    allocStatic(d, 56);
    d.refcnt = 1 << 20;
    BaseException.dict.set(def.name, d);
  }
  BaseException.modified();
}
