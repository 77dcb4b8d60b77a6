// Attributes stored on exception instances (`self.msg = msg` in a subclass's __init__) live in
// the exception's __dict__, as BaseException's tp_dictoffset gives them in CPython.
import { decref } from './object.js';
import { setInstanceAttrs } from './abstract.js';
import { BaseException, type PyBaseException } from './exceptions.js';
import { dictDelStr, dictGetStr, dictSetItem, newDict } from './dict.js';
import { internStr } from './str.js';

setInstanceAttrs(BaseException, {
  get(o, name) {
    const d = (o as PyBaseException).dict;
    return d ? dictGetStr(d, name) : null;
  },
  set(o, name, value) {
    const e = o as PyBaseException;
    if (value === null) return e.dict ? dictDelStr(e.dict, name) : false;
    const d = (e.dict ??= newDict());
    const key = internStr(name);
    dictSetItem(d, key, value);
    decref(key);
    return true;
  },
});
