// What builtin functions and method descriptors show of themselves (Objects/methodobject.c
// meth_repr and meth_get__name__ etc., Objects/descrobject.c descr reprs): their reprs and the
// __name__, __qualname__, __self__, __module__ and __doc__ that functools.wraps and help read.
import { PyObject, newref } from '../objects/object.js';
import {
  PyCFunction, PyGetSetDescr, PyMemberDescr, PyMethodDescr, PyMethodWrapper, PyWrapperDescr, builtinFunctionType,
  getsetDescrType, memberDescrType, methodDescrType, methodWrapperType, wrapperDescrType, type GetSetDef,
} from '../objects/descr.js';
import { PyModule } from '../objects/module.js';
import { PyType } from '../objects/type.js';
import { allocStatic } from '../objects/heap.js';
import { newStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';

function boundToModule(f: PyCFunction): boolean {
  return f.self === null || f.self instanceof PyModule;
}

/** The docstring without its text-signature header ("name(...)\n--\n\n"). */
function docText(doc: string | undefined): PyObject {
  if (doc === undefined) return newref(None);
  const sep = doc.indexOf('\n--\n\n');
  return newStr(sep >= 0 ? doc.slice(sep + 5) : doc);
}

function ownerName(self: PyObject): string {
  return self instanceof PyType ? self.qualname : self.type.qualname;
}

const cfunctionGetsets: Record<string, GetSetDef> = {
  __name__: { get: (o) => newStr((o as PyCFunction).def.name) },
  __qualname__: {
    get: (o) => {
      const f = o as PyCFunction;
      return newStr(boundToModule(f) ? f.def.name : `${ownerName(f.self!)}.${f.def.name}`);
    },
  },
  __self__: { get: (o) => newref((o as PyCFunction).self ?? None) },
  __module__: { get: (o) => ((o as PyCFunction).moduleName === null ? newref(None) : newStr((o as PyCFunction).moduleName!)) },
  __doc__: { get: (o) => docText((o as PyCFunction).def.doc) },
};

const methodDescrGetsets: Record<string, GetSetDef> = {
  __name__: { get: (o) => newStr((o as PyMethodDescr).def.name) },
  __qualname__: { get: (o) => newStr(`${(o as PyMethodDescr).objclass.qualname}.${(o as PyMethodDescr).def.name}`) },
  __objclass__: { get: (o) => newref((o as PyMethodDescr).objclass) },
  __doc__: { get: (o) => docText((o as PyMethodDescr).def.doc) },
};

const wrapperGetsets: Record<string, GetSetDef> = {
  __name__: { get: (o) => newStr((o as PyWrapperDescr).name) },
  __qualname__: { get: (o) => newStr(`${(o as PyWrapperDescr).objclass.qualname}.${(o as PyWrapperDescr).name}`) },
  __objclass__: { get: (o) => newref((o as PyWrapperDescr).objclass) },
  __doc__: { get: (o) => newStr((o as PyWrapperDescr).doc) },
};

/** member_descriptor and getset_descriptor: descr_members' __name__/__qualname__/__objclass__. */
type NamedDescr = PyMemberDescr | PyGetSetDescr;
const attributeDescrGetsets: Record<string, GetSetDef> = {
  __name__: { get: (o) => newStr((o as NamedDescr).name) },
  __qualname__: { get: (o) => newStr(`${(o as NamedDescr).objclass.qualname}.${(o as NamedDescr).name}`) },
  __objclass__: { get: (o) => newref((o as NamedDescr).objclass) },
};

function install(type: PyType, getsets: Record<string, GetSetDef>): void {
  for (const [name, def] of Object.entries(getsets)) {
    if (type.dict.has(name)) continue;
    const d = new PyGetSetDescr(name, def, type);
    allocStatic(d, 48);
    d.refcnt = 1 << 20;
    type.dict.set(name, d);
  }
  type.modified();
}

export function installBuiltinFunctionAttributes(): void {
  builtinFunctionType.tp_repr = (o) => {
    const f = o as PyCFunction;
    if (boundToModule(f)) return newStr(`<built-in function ${f.def.name}>`);
    const self = f.self!;
    return newStr(`<built-in method ${f.def.name} of ${self instanceof PyType ? 'type' : self.type.name} object at 0x${self.addr.toString(16)}>`);
  };
  methodDescrType.tp_repr = (o) => newStr(`<method '${(o as PyMethodDescr).def.name}' of '${(o as PyMethodDescr).objclass.name}' objects>`);
  wrapperDescrType.tp_repr = (o) => newStr(`<slot wrapper '${(o as PyWrapperDescr).name}' of '${(o as PyWrapperDescr).objclass.name}' objects>`);
  methodWrapperType.tp_repr = (o) => {
    const w = o as PyMethodWrapper;
    return newStr(`<method-wrapper '${w.descr.name}' of ${w.self!.type.name} object at 0x${w.self!.addr.toString(16)}>`);
  };
  install(builtinFunctionType, cfunctionGetsets);
  install(methodDescrType, methodDescrGetsets);
  install(wrapperDescrType, wrapperGetsets);
  memberDescrType.tp_repr = (o) => newStr(`<member '${(o as PyMemberDescr).name}' of '${(o as PyMemberDescr).objclass.name}' objects>`);
  getsetDescrType.tp_repr = (o) => newStr(`<attribute '${(o as PyGetSetDescr).name}' of '${(o as PyGetSetDescr).objclass.name}' objects>`);
  install(memberDescrType, attributeDescrGetsets);
  install(getsetDescrType, attributeDescrGetsets);
}
