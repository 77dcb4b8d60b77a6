// BaseExceptionGroup's own behaviour (Objects/exceptions.c BaseExceptionGroup_new, _str, derive,
// split, subgroup): the message and the tuple of sub-exceptions, and splitting a group by a
// type, a tuple of types, a predicate or a set of leaf identities.
import { PyObject, decref, newref } from './object.js';
import { PyType } from './type.js';
import type { TypeSpec } from './define.js';
import { PyStr, newStr } from './str.js';
import { PyTuple, newTuple, sequenceTuple } from './tuple.js';
import { newList } from './list.js';
import { None } from './singletons.js';
import { call, callMethod, collect, getAttrOrNull, isCallable, isTrue, setAttr } from './abstract.js';
import {
  BaseException, BaseExceptionGroup, Exception, ExceptionGroup, PyBaseException, exceptionInit, exceptionNew, typeError, valueError,
  attributeError,
} from './exceptions.js';

export function isExceptionGroup(o: PyObject): o is PyBaseException {
  return o instanceof PyBaseException && o.type.isSubtype(BaseExceptionGroup);
}

/** The group's sub-exceptions (the tuple BaseExceptionGroup_new stored). */
export function groupExceptions(eg: PyBaseException): PyObject[] {
  const excs = eg.field('exceptions');
  return excs instanceof PyTuple ? excs.items : [];
}

/** BaseExceptionGroup_new */
function groupNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError(`${type.name}() takes no keyword arguments`);
  const fname = 'BaseExceptionGroup.__new__';
  if (args.length !== 2) {
    throw typeError(`${fname}() takes exactly 2 arguments (${args.length} given)`);
  }
  const [message, given] = args as [PyObject, PyObject];
  if (!(message instanceof PyStr)) throw typeError(`${fname}() argument 1 must be str, not ${message.type.name}`);
  if (!given.type.sq_item) throw typeError('second argument (exceptions) must be a sequence');
  const excs = sequenceTuple(given);
  try {
    if (excs.items.length === 0) throw valueError('second argument (exceptions) must be a non-empty sequence');
    let nestedBase = false;
    excs.items.forEach((e, i) => {
      if (!(e instanceof PyBaseException)) throw valueError(`Item ${i} of second argument (exceptions) is not an exception`);
      if (!e.type.isSubtype(Exception)) nestedBase = true;
    });
    let cls = type;
    if (cls === BaseExceptionGroup) {
      if (!nestedBase) cls = ExceptionGroup;
    } else if (cls === ExceptionGroup) {
      if (nestedBase) throw typeError('Cannot nest BaseExceptions in an ExceptionGroup');
    } else if (nestedBase && cls.isSubtype(Exception)) {
      throw typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
    }
    const self = exceptionNew(cls, args) as PyBaseException;
    self.setField('message', message);
    self.setField('exceptions', excs);
    return self;
  } finally {
    decref(excs);
  }
}

/** BaseExceptionGroup_str: "message (N sub-exception[s])". */
function groupStr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const msg = e.field('message');
  const n = groupExceptions(e).length;
  return newStr(`${msg instanceof PyStr ? msg.value : ''} (${n} sub-exception${n > 1 ? 's' : ''})`);
}

/** BaseExceptionGroup.derive: a plain group with this message and the given exceptions. */
function derive(self: PyObject, excs: PyObject): PyObject {
  return call(BaseExceptionGroup, [(self as PyBaseException).field('message'), excs]);
}

type Matcher =
  | { kind: 'type'; value: PyObject }
  | { kind: 'predicate'; value: PyObject }
  | { kind: 'ids'; ids: Set<PyObject> };

function isExceptionClass(o: PyObject): boolean {
  return o instanceof PyType && o.isSubtype(BaseException);
}

/** get_matcher_type */
function matcherFor(value: PyObject): Matcher {
  if (isExceptionClass(value)) return { kind: 'type', value };
  if (value instanceof PyTuple) {
    if (value.items.every(isExceptionClass)) return { kind: 'type', value };
  } else if (isCallable(value)) {
    return { kind: 'predicate', value };
  }
  throw typeError('expected a function, exception type or tuple of exception types');
}

/** exceptiongroup_split_check_match */
function matches(exc: PyBaseException, m: Matcher): boolean {
  switch (m.kind) {
    case 'type': {
      const types = m.value instanceof PyTuple ? m.value.items : [m.value];
      return types.some((t) => exc.type.isSubtype(t as PyType));
    }
    case 'predicate': {
      const r = call(m.value, [exc]);
      try {
        return isTrue(r);
      } finally {
        decref(r);
      }
    }
    case 'ids':
      return !isExceptionGroup(exc) && m.ids.has(exc);
  }
}

/** exceptiongroup_subset: derive a group of `excs` carrying the original's traceback, chain
 *  and a copy of its notes; None when nothing is left. */
function subset(orig: PyBaseException, excs: PyObject[]): PyObject {
  if (excs.length === 0) return newref(None);
  const list = newList(excs.map((e) => newref(e)));
  let eg: PyObject;
  try {
    eg = callMethod(orig, 'derive', [list]);
  } finally {
    decref(list);
  }
  try {
    if (!isExceptionGroup(eg)) throw typeError('derive must return an instance of BaseExceptionGroup');
    for (const name of ['__traceback__', '__context__', '__cause__']) {
      const v = getAttrOrNull(orig, name) ?? newref(None);
      setAttr(eg, name, v);
      decref(v);
    }
    const notes = getAttrOrNull(orig, '__notes__');
    if (notes !== null) {
      if (notes.type.sq_item) {
        const copy = newList(collect(notes));
        setAttr(eg, '__notes__', copy);
        decref(copy);
      }
      decref(notes);
    }
  } catch (err) {
    decref(eg);
    throw err;
  }
  return eg;
}

/** exceptiongroup_split_recursive: [match, rest]; rest is null when not wanted. */
function splitRecursive(exc: PyBaseException, m: Matcher, wantRest: boolean): [PyObject, PyObject | null] {
  if (matches(exc, m)) return [newref(exc), wantRest ? newref(None) : null];
  if (!isExceptionGroup(exc)) return [newref(None), wantRest ? newref(exc) : null];
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  try {
    for (const e of groupExceptions(exc)) {
      const [mt, rs] = splitRecursive(e as PyBaseException, m, wantRest);
      matched.push(mt);
      if (rs !== null) rest.push(rs);
    }
    const keep = (xs: PyObject[]): PyObject[] => xs.filter((x) => x !== None);
    const match = subset(exc, keep(matched));
    if (!wantRest) return [match, null];
    try {
      return [match, subset(exc, keep(rest))];
    } catch (err) {
      decref(match);
      throw err;
    }
  } finally {
    for (const x of matched) decref(x);
    for (const x of rest) decref(x);
  }
}

/** BaseExceptionGroup.split */
function split(self: PyObject, value: PyObject): PyObject {
  const [match, rest] = splitRecursive(self as PyBaseException, matcherFor(value), true);
  return newTuple([match, rest!]);
}

/** BaseExceptionGroup.subgroup */
function subgroup(self: PyObject, value: PyObject): PyObject {
  return splitRecursive(self as PyBaseException, matcherFor(value), false)[0];
}

/** collect_exception_group_leaf_ids */
function collectLeaves(e: PyObject, into: Set<PyObject>): void {
  if (e === None) return;
  if (!isExceptionGroup(e)) {
    into.add(e);
    return;
  }
  for (const x of groupExceptions(e)) collectLeaves(x, into);
}

/** exception_group_projection: the part of `eg` whose leaves are the leaves of `keep`. */
export function groupProjection(eg: PyBaseException, keep: PyObject[]): PyObject {
  const ids = new Set<PyObject>();
  for (const k of keep) collectLeaves(k, ids);
  return splitRecursive(eg, { kind: 'ids', ids }, false)[0];
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(msg, excs), which picks ExceptionGroup when
 *  every member is an Exception. */
export function createExceptionGroup(msg: string, excs: PyObject): PyObject {
  const m = newStr(msg);
  try {
    return call(BaseExceptionGroup, [m, excs]);
  } finally {
    decref(m);
  }
}

function readonlyField(name: string) {
  return {
    get: (o: PyObject) => newref((o as PyBaseException).field(name)),
    set: () => {
      throw attributeError('readonly attribute');
    },
  };
}

/** The parts of BaseExceptionGroup's type declaration (a function so that the module cycle
 *  with exceptions.ts resolves before it is read). */
export function exceptionGroupSpec(): Pick<TypeSpec, 'slots' | 'methods' | 'getsets'> {
  return {
    slots: { tp_new: groupNew, tp_init: exceptionInit, tp_str: groupStr },
    methods: {
      derive: { kind: 'o', fn: derive },
      split: { kind: 'o', fn: split },
      subgroup: { kind: 'o', fn: subgroup },
    },
    getsets: { message: readonlyField('message'), exceptions: readonlyField('exceptions') },
  };
}
