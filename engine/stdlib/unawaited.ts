// _PyErr_WarnUnawaitedCoroutine (Python/_warnings.c): a coroutine destroyed before it ever ran
// warns through warnings._warn_unawaited_coroutine; a failure there is reported as unraisable.
import { decref } from '../objects/object.js';
import { callMethod } from '../objects/abstract.js';
import { PyBaseException } from '../objects/exceptions.js';
import { None } from '../objects/singletons.js';
import { coroutineHooks } from '../objects/generator.js';
import { instanceHooks } from '../objects/instance.js';
import { importModuleLevel } from '../vm/imports.js';

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
