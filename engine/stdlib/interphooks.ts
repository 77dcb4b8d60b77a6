// Hooks the object layer calls into the interpreter through, installed when the standard
// library is registered: _PyErr_WarnUnawaitedCoroutine and _PyEval_GetBuiltin.
import { decref, newref } from '../objects/object.js';
import { callMethod } from '../objects/abstract.js';
import { PyBaseException, pyErr, RuntimeError } from '../objects/exceptions.js';
import { None } from '../objects/singletons.js';
import { dictGetStr } from '../objects/dict.js';
import { coroutineHooks } from '../objects/generator.js';
import { evalBuiltins } from '../objects/evalbuiltins.js';
import { instanceHooks } from '../objects/instance.js';
import { importModuleLevel, interp } from '../vm/imports.js';

// A coroutine destroyed before it ever ran warns through warnings._warn_unawaited_coroutine; a
// failure there is reported as unraisable.
coroutineHooks.warnUnawaited = (coro) => {
  try {
    const warnings = importModuleLevel('warnings', null, None, 0);
    try {
      decref(callMethod(warnings, '_warn_unawaited_coroutine', [coro]));
    } finally {
      decref(warnings);
    }
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    instanceHooks.unraisable(e, coro);
  }
};

evalBuiltins.get = (name) => {
  const value = dictGetStr(interp.builtins, name);
  if (!value) throw pyErr(RuntimeError, `lost builtins.${name}`);
  return newref(value);
};
