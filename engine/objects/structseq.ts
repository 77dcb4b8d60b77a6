// Struct sequences (Objects/structseq.c): tuple subclasses such as time.struct_time,
// os.stat_result and sys.version_info. The first n_sequence_fields fields are the tuple's items;
// the others are hidden, reachable only by name. Every field has a slot in the object's block.
import { PyObject, decref, newref } from './object.js';
import { PyTuple, newTuple, tupleType } from './tuple.js';
import { PyType, TypeFlags } from './type.js';
import { defineType, type GetSetDef } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newInt } from './int.js';
import { newStr } from './str.js';
import { None } from './singletons.js';
import { collect, reprString } from './abstract.js';
import { typeError } from './exceptions.js';
import { dictGetStr, dictSetItem, isDict, newDict, type PyDict } from './dict.js';

/** PyStructSequence_Desc: the fields in order, null for a visible field without a name. */
export interface StructSeqDesc {
  name: string;
  fields: readonly (string | null)[];
  /** n_in_sequence: how many leading fields the tuple shows; all of them when omitted. */
  visible?: number;
  /** Whether calling the type builds one from a sequence (structseq_new). */
  constructible?: boolean;
  doc?: string;
}

export class PyStructSeq extends PyTuple {
  constructor(type: PyType, items: PyObject[], readonly hidden: PyObject[]) {
    super(type, items);
  }
}

/** The field at `index` counting hidden fields after the visible ones, borrowed. */
export function structSeqField(o: PyStructSeq, index: number): PyObject {
  const n = o.items.length;
  return index < n ? o.items[index]! : o.hidden[index - n]!;
}

/** PyStructSequence_New filled: `fields` (all of them, visible first) are taken over. */
export function newStructSeq(type: PyType, fields: PyObject[]): PyStructSeq {
  const visible = layouts.get(type)!.visible;
  const s = new PyStructSeq(type, fields.slice(0, visible), fields.slice(visible));
  allocObject(s, type.basicsize + type.itemsize * fields.length);
  gcTrack(s);
  return s;
}

interface Layout {
  visible: number;
  total: number;
  names: string[];
}

const layouts = new Map<PyType, Layout>();

function structSeqDealloc(o: PyObject): void {
  const s = o as PyStructSeq;
  gcUntrack(s);
  const held = [...s.items, ...s.hidden];
  s.items = [];
  s.hidden.length = 0;
  for (const x of held) decref(x);
  freeObject(s);
}

function structSeqTraverse(o: PyObject, visit: (c: PyObject) => void): void {
  const s = o as PyStructSeq;
  for (const x of s.items) visit(x);
  for (const x of s.hidden) visit(x);
}

/** structseq_repr: the visible fields, each by the name of the member at its position. */
function structSeqRepr(o: PyObject): PyObject {
  const s = o as PyStructSeq;
  const { names } = layouts.get(s.type)!;
  return newStr(`${s.type.name}(${s.items.map((x, i) => `${names[i]}=${reprString(x)}`).join(', ')})`);
}

/** structseq_new: type(sequence[, dict]) with between n_sequence_fields and n_fields items. */
function structSeqNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError(`structseq() got an unexpected keyword argument '${kwnames[0]}'`);
  if (args.length === 0) throw typeError("structseq() missing required argument 'sequence' (pos 1)");
  if (args.length > 2) throw typeError(`structseq() takes at most 2 arguments (${args.length} given)`);
  const { visible, total } = layouts.get(type)!;
  const items = collect(args[0]!);
  if (items.length < visible || items.length > total) {
    const n = items.length;
    for (const x of items) decref(x);
    const bound = visible === total ? `a ${visible}` : n < visible ? `an at least ${visible}` : `an at most ${total}`;
    throw typeError(`${type.name}() takes ${bound}-sequence (${n}-sequence given)`);
  }
  const dict = args[1] ?? None;
  if (dict !== None && !isDict(dict)) {
    for (const x of items) decref(x);
    throw typeError(`${type.name}() takes a dict as second arg, if any`);
  }
  // A hidden field missing from the sequence comes from the dict by name (members exist only
  // for named fields, hence the n_unnamed shift), or is None.
  const { names } = layouts.get(type)!;
  const unnamed = total - names.length;
  while (items.length < total) {
    const value = dict === None ? null : dictGetStr(dict as PyDict, names[items.length - unnamed]!);
    items.push(newref(value ?? None));
  }
  return newStructSeq(type, items);
}

/** structseq_reduce: (type, (visible items, {hidden field name: value})). */
function structSeqReduce(self: PyObject): PyObject {
  const s = self as PyStructSeq;
  const { names, visible, total } = layouts.get(s.type)!;
  // Members exist only for named fields, so a hidden field's name sits n_unnamed places earlier.
  const unnamed = total - names.length;
  const hidden = newDict();
  s.hidden.forEach((v, k) => {
    const key = newStr(names[visible + k - unnamed]!);
    dictSetItem(hidden, key, v);
    decref(key);
  });
  return newTuple([newref(s.type), newTuple([newTuple(s.items.map((x) => newref(x))), hidden])]);
}

/** PyStructSequence_NewType: a tuple subclass with a member per named field. */
export function newStructSeqType(desc: StructSeqDesc): PyType {
  const total = desc.fields.length;
  const visible = desc.visible ?? total;
  const getsets: Record<string, GetSetDef> = {};
  const names: string[] = [];
  desc.fields.forEach((f, i) => {
    if (f === null) return;
    names.push(f);
    getsets[f] = { get: (o) => newref(structSeqField(o as PyStructSeq, i)) };
  });
  const unnamed = total - names.length;
  const type = defineType({
    name: desc.name,
    base: tupleType,
    flags: TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS,
    layout: { basicsize: 24, itemsize: 8 },
    slots: {
      tp_dealloc: structSeqDealloc,
      tp_traverse: structSeqTraverse,
      tp_repr: structSeqRepr,
      // sys.version_info and its kind cannot be made from Python (their tp_new is cleared).
      tp_new: desc.constructible ? structSeqNew : () => {
        throw typeError(`cannot create '${desc.name}' instances`);
      },
    },
    methods: { __reduce__: { kind: 'noargs', fn: structSeqReduce } },
    getsets,
    attributes: () => ({ n_fields: newInt(total), n_sequence_fields: newInt(visible), n_unnamed_fields: newInt(unnamed) }),
    ...(desc.doc === undefined ? {} : { doc: desc.doc }),
  });
  layouts.set(type, { visible, total, names });
  return type;
}
