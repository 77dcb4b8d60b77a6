// What a program sees of interpreter shutdown (Python/pylifecycle.c finalize_modules and
// Objects/moduleobject.c _PyModule_ClearDict): modules leave sys.modules in import order, a
// full collection runs, and the globals of modules still alive are set to None, names with one
// leading underscore first. __del__ methods and weakref callbacks run at these points.
import { decref, newref } from '../objects/object.js';
import { PyDict, dictClear, dictGetItem, dictItems, dictSetItem } from '../objects/dict.js';
import { PyStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';
import { PyBaseException } from '../objects/exceptions.js';
import { PyModule, moduleName } from '../objects/module.js';
import { collect } from '../gc/collector.js';
import { instanceHooks } from '../objects/instance.js';
import { interp } from './imports.js';

/** Runs `step`, reporting a Python exception it raises as unraisable instead of stopping. */
function guarded(step: () => void): void {
  try {
    step();
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    instanceHooks.unraisable(e, None);
    decref(e);
  }
}

/** _PyModule_ClearDict: globals set to None, one-underscore names first, __builtins__ kept.
 *  Each key is held while its value goes, since a __del__ it triggers may change the dict. */
export function moduleClearDict(d: PyDict): void {
  const pass = (pick: (name: string) => boolean): void => {
    const keys: PyStr[] = [];
    for (const [key, value] of dictItems(d)) {
      if (value !== None && key instanceof PyStr && pick(key.value)) keys.push(newref(key));
    }
    for (const key of keys) {
      guarded(() => {
        if (dictGetItem(d, key) !== None) dictSetItem(d, key, None);
      });
      decref(key);
    }
  };
  pass((n) => n.startsWith('_') && !n.startsWith('__'));
  pass((n) => n !== '__builtins__');
}

/** finalize_modules, for a session about to end. `main` is the host's own reference to
 *  __main__ (CPython's runner holds none), given up first. */
export function finalizeModules(main: PyModule): void {
  const modules = interp.modules;
  const builtins = interp.builtins;
  const underscore = builtins ? [...dictItems(builtins)].find(([k]) => k instanceof PyStr && k.value === '_') : undefined;
  if (underscore && builtins) guarded(() => dictSetItem(builtins, underscore[0], None));
  const imported: PyModule[] = [];
  for (const [, m] of dictItems(modules)) if (m instanceof PyModule) imported.push(m);
  decref(main);
  for (const [key] of [...dictItems(modules)]) guarded(() => dictSetItem(modules, key, None));
  guarded(() => dictClear(modules));
  guarded(() => collect());
  // finalize_modules_clear_weaklist: modules something still holds, newest first; sys and
  // builtins are cleared last of all, after anything user code can observe.
  for (const m of imported.reverse()) {
    const name = moduleName(m);
    if (m.addr === 0 || m.refcnt <= 0 || name === 'sys' || name === 'builtins') continue;
    guarded(() => moduleClearDict(m.dict));
  }
}
