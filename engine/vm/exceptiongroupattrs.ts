// BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c BaseExceptionGroup_new, _str,
// derive, split, subgroup): a message and a tuple of exceptions, the class chosen by what the
// group holds, and the recursive splitting except* relies on.
import { PyObject, decref, newref } from '../objects/object.js';
import {
  BaseException, BaseExceptionGroup, Exception, ExceptionGroup, PyBaseException, exceptionNew, typeError, valueError,
} from '../objects/exceptions.js';
import type { PyType } from '../objects/type.js';
import { PyGetSetDescr, PyMethodDescr } from '../objects/descr.js';
import { allocStatic } from '../objects/heap.js';
import { None } from '../objects/singletons.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyStr, newStr } from '../objects/str.js';
import { call, callMethod, collect, getAttrOrNull, isCallable, isTrue, realIsInstance, setAttr } from '../objects/abstract.js';
import { listOps } from './sequences.js';
import type { NativeFunctionDef } from '../objects/native.js';

const NAME = 'BaseExceptionGroup.__new__';

function members(eg: PyObject): PyObject[] {
  return ((eg as PyBaseException).field('exceptions') as PyTuple).items;
}

/** BaseExceptionGroup_new: checks the arguments, then picks ExceptionGroup for a plain
 *  BaseExceptionGroup(...) whose members are all Exceptions. */
function groupNew(cls: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError(`${cls.name}() takes no keyword arguments`);
  const npos = args.length;
  if (npos !== 2) throw typeError(`${NAME}() takes exactly 2 arguments (${npos} given)`);
  const [message, sequence] = args as [PyObject, PyObject];
  if (!(message instanceof PyStr)) throw typeError(`${NAME}() argument 1 must be str, not ${message.type.name}`);
  if (!sequence.type.sq_item) {
    throw typeError('second argument (exceptions) must be a sequence');
  }
  const items = collect(sequence);
  try {
    if (items.length === 0) throw valueError('second argument (exceptions) must be a non-empty sequence');
    let allExceptions = true;
    items.forEach((e, i) => {
      if (!(e instanceof PyBaseException)) throw valueError(`Item ${i} of second argument (exceptions) is not an exception`);
      if (!e.type.isSubtype(Exception)) allExceptions = false;
    });
    if (cls === BaseExceptionGroup) {
      if (allExceptions) cls = ExceptionGroup;
    } else if (cls === ExceptionGroup || cls.isSubtype(Exception)) {
      if (!allExceptions) {
        throw typeError(cls === ExceptionGroup ? 'Cannot nest BaseExceptions in an ExceptionGroup'
          : `Cannot nest BaseExceptions in '${cls.name}'`);
      }
    }
    const eg = exceptionNew(cls, args) as PyBaseException;
    eg.setField('message', message);
    const tuple = newTuple(items.map((x) => newref(x)));
    eg.setField('exceptions', tuple);
    decref(tuple);
    return eg;
  } finally {
    for (const x of items) decref(x);
  }
}

function groupStr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const n = members(o).length;
  return newStr(`${(e.field('message') as PyStr).value} (${n} sub-exception${n > 1 ? 's' : ''})`);
}

type Matcher = (e: PyObject) => boolean;

/** get_matcher_type: an exception type, a tuple of them, or a predicate. */
function matcherOf(value: PyObject): Matcher {
  const isExcType = (t: PyObject): boolean => t instanceof Object && 'isSubtype' in t && (t as PyType).isSubtype(BaseException);
  if (isExcType(value)) return (e) => realIsInstance(e, value as PyType);
  if (value instanceof PyTuple && value.items.every(isExcType)) {
    return (e) => value.items.some((t) => realIsInstance(e, t as PyType));
  }
  if (isCallable(value)) {
    return (e) => {
      const r = call(value, [e]);
      try {
        return isTrue(r);
      } finally {
        decref(r);
      }
    };
  }
  throw typeError('expected a function, exception type or tuple of exception types');
}

/** exceptiongroup_subset: a derived group holding `excs`, carrying the original's traceback,
 *  cause, context and notes; None when nothing is left. */
function subset(orig: PyObject, excs: PyObject[]): PyObject {
  if (excs.length === 0) return newref(None);
  const list = listOps.make(excs);
  let eg: PyObject;
  try {
    eg = callMethod(orig, 'derive', [list]);
  } finally {
    decref(list);
  }
  if (!(eg instanceof PyBaseException) || !eg.type.isSubtype(BaseExceptionGroup)) {
    decref(eg);
    throw typeError('derive must return an instance of BaseExceptionGroup');
  }
  for (const name of ['__traceback__', '__cause__', '__context__']) {
    const v = getAttrOrNull(orig, name);
    if (v !== null) {
      setAttr(eg, name, v);
      decref(v);
    }
  }
  const notes = getAttrOrNull(orig, '__notes__');
  if (notes !== null) {
    const copy = notes.type.sq_item ? listOps.make(collect(notes)) : newref(notes);
    setAttr(eg, '__notes__', copy);
    decref(copy);
    decref(notes);
  }
  return eg;
}

interface Split {
  match: PyObject | null;
  rest: PyObject | null;
}

/** exceptiongroup_split_recursive */
function splitRecursive(exc: PyObject, matches: Matcher, withRest: boolean): Split {
  if (matches(exc)) return { match: newref(exc), rest: null };
  const isGroup = exc instanceof PyBaseException && exc.type.isSubtype(BaseExceptionGroup);
  if (!isGroup) return { match: null, rest: withRest ? newref(exc) : null };
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  try {
    for (const e of members(exc)) {
      const r = splitRecursive(e, matches, withRest);
      if (r.match) matched.push(r.match);
      if (r.rest) rest.push(r.rest);
    }
    const m = subset(exc, matched);
    const out: Split = { match: m === None ? (decref(m), null) : m, rest: null };
    if (withRest) {
      const r = subset(exc, rest);
      out.rest = r === None ? (decref(r), null) : r;
    }
    return out;
  } finally {
    for (const x of [...matched, ...rest]) decref(x);
  }
}

const methods: NativeFunctionDef[] = [
  {
    name: 'derive',
    code: { kind: 'o', fn: (self, excs) => call(BaseExceptionGroup, [(self as PyBaseException).field('message'), excs]) },
  },
  {
    name: 'split',
    code: {
      kind: 'o',
      fn: (self, matcher) => {
        const r = splitRecursive(self, matcherOf(matcher), true);
        return newTuple([r.match ?? newref(None), r.rest ?? newref(None)]);
      },
    },
  },
  {
    name: 'subgroup',
    code: { kind: 'o', fn: (self, matcher) => splitRecursive(self, matcherOf(matcher), false).match ?? newref(None) },
  },
];

/** Installs the constructor, str and the group attributes on both builtin group types. */
export function installExceptionGroups(): void {
  if (BaseExceptionGroup.dict.has('split')) return;
  for (const type of [BaseExceptionGroup, ExceptionGroup]) {
    type.tp_new = groupNew;
    type.tp_init = () => {};
    type.tp_str = groupStr;
  }
  const getsets = {
    message: { get: (o: PyObject) => newref((o as PyBaseException).field('message')) },
    exceptions: { get: (o: PyObject) => newref((o as PyBaseException).field('exceptions')) },
  };
  for (const [name, def] of Object.entries(getsets)) {
    const d = new PyGetSetDescr(name, def, BaseExceptionGroup);
    allocStatic(d, 48);
    d.refcnt = 1 << 20;
    BaseExceptionGroup.dict.set(name, d);
  }
  for (const def of methods) {
    const d = new PyMethodDescr(def, BaseExceptionGroup);
    allocStatic(d, 56);
    d.refcnt = 1 << 20;
    BaseExceptionGroup.dict.set(def.name, d);
  }
  BaseExceptionGroup.modified();
  ExceptionGroup.modified();
}
