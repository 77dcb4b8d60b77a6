// The two roots of the type system, `object` and `type` (Objects/typeobject.c
// PyBaseObject_Type and PyType_Type), created before anything else so every other builtin type
// can name them. Their methods are added by the modules that define them in full.
import { PyType, TypeFlags } from './type.js';
import { allocStatic } from './heap.js';

/** `object`: 16 bytes of header (ob_refcnt, ob_type). */
export const objectType = new PyType(null, 'object', null, TypeFlags.BASETYPE | TypeFlags.READY, { basicsize: 16, itemsize: 0 });

/** `type`: sizeof(PyHeapTypeObject) in 3.11 is 904; a type's items are its __slots__ members. */
export const typeType = new PyType(null, 'type', objectType,
  TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.TYPE_SUBCLASS | TypeFlags.READY, { basicsize: 904, itemsize: 40 });

objectType.type = typeType;
typeType.type = typeType;
// tp_weaklistoffset: classes can be weakly referenced (abc's registries hold them so).
typeType.weakrefable = true;
objectType.mro = [objectType];
typeType.mro = [typeType, objectType];
objectType.subclasses.push(typeType);
allocStatic(objectType, 416);
allocStatic(typeType, 416);
