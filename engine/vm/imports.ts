// The import system (Python/import.c PyImport_ImportModuleLevelObject, IMPORT_FROM, import *):
// modules come from sys.modules, from the registry of native modules, or from the registry of
// modules written in Python that the engine ships as source.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyDict, dictGetItem, dictGetStr, dictSetItem, dictDelItem, dictItems, isDict } from '../objects/dict.js';
import { PyStr, internStr, newStr } from '../objects/str.js';
import { PyInt } from '../objects/int.js';
import { None } from '../objects/singletons.js';
import { PyModule, newModule, moduleSet } from '../objects/module.js';
import {
  AttributeError, ImportError, ModuleNotFoundError, PyBaseException, exceptionMatches, pyErr, typeError, valueError,
} from '../objects/exceptions.js';
import { getAttr, getAttrOrNull, getItem, isTrue, setAttr, collect, reprString } from '../objects/abstract.js';
import type { Frame } from './frame.js';

/** A native module: fills the module object it is given. */
export type NativeModuleInit = (m: PyModule) => void;

export const interp = {
  /** sys.modules */
  modules: null as unknown as PyDict,
  builtins: null as unknown as PyDict,
  nativeModules: new Map<string, NativeModuleInit>(),
  /** Modules written in Python, by name: their source. */
  sourceModules: new Map<string, string>(),
  /** Runs a module's source in its namespace (installed by the session). */
  execSource: null as unknown as (source: string, filename: string, globals: PyDict) => void,
};

/** Registers a native module under its import name. */
export function registerNativeModule(name: string, init: NativeModuleInit): void {
  interp.nativeModules.set(name, init);
}

export function registerSourceModule(name: string, source: string): void {
  interp.sourceModules.set(name, source);
}

function moduleNotFound(name: string): PyBaseException {
  const e = pyErr(ModuleNotFoundError, `No module named '${name}'`);
  const n = newStr(name);
  e.setField('name', n);
  decref(n);
  return e;
}

function lookupModule(name: string): PyObject | null {
  return dictGetStr(interp.modules, name);
}

/** Loads one module (its parent already imported): new reference. */
function loadModule(name: string): PyObject {
  const have = lookupModule(name);
  if (have) return newref(have);
  const init = interp.nativeModules.get(name);
  const source = interp.sourceModules.get(name);
  if (!init && source === undefined) throw moduleNotFound(name);
  const m = newModule(name);
  const key = internStr(name);
  dictSetItem(interp.modules, key, m);
  try {
    if (init) init(m);
    else {
      moduleSet(m, '__builtins__', interp.builtins);
      const file = newStr(`<frozen ${name}>`);
      decref(file);
      interp.execSource(source!, `<frozen ${name}>`, m.dict);
    }
  } catch (e) {
    if (dictGetItem(interp.modules, key)) dictDelItem(interp.modules, key);
    decref(key);
    decref(m);
    throw e;
  }
  decref(key);
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const parent = lookupModule(name.slice(0, dot));
    if (parent) setAttr(parent, name.slice(dot + 1), m);
  }
  // The module may have replaced itself in sys.modules.
  const final = lookupModule(name) ?? m;
  final.refcnt++;
  decref(m);
  return final;
}

/** resolve_name for relative imports. */
function resolveName(name: string, globals: PyDict, level: number): string {
  const pkg = dictGetStr(globals, '__package__');
  let base: string | null = null;
  if (pkg instanceof PyStr) base = pkg.value;
  else {
    const modName = dictGetStr(globals, '__name__');
    if (modName instanceof PyStr) {
      const path = dictGetStr(globals, '__path__');
      base = path ? modName.value : modName.value.slice(0, Math.max(0, modName.value.lastIndexOf('.')));
    }
  }
  if (!base) throw pyErr(ImportError, 'attempted relative import with no known parent package');
  const parts = base.split('.');
  if (level - 1 >= parts.length) throw pyErr(ImportError, 'attempted relative import beyond top-level package');
  const prefix = parts.slice(0, parts.length - (level - 1)).join('.');
  return name ? `${prefix}.${name}` : prefix;
}

/** PyImport_ImportModuleLevelObject: new reference. */
export function importModuleLevel(name: string, globals: PyDict | null, fromlist: PyObject, level: number): PyObject {
  if (level < 0) throw valueError('level must be >= 0');
  if (!name && level === 0) throw valueError('Empty module name');
  const absName = level > 0 ? resolveName(name, globals!, level) : name;
  const parts = absName.split('.');
  let top: PyObject | null = null;
  let mod: PyObject | null = null;
  for (let i = 0; i < parts.length; i++) {
    const full = parts.slice(0, i + 1).join('.');
    const m = loadModule(full);
    if (i === 0) top = newref(m);
    if (mod) decref(mod);
    mod = m;
  }
  const hasFromlist = fromlist !== None && isTrue(fromlist);
  if (!hasFromlist) {
    decref(mod!);
    if (level === 0 || name.length > 0) {
      if (level > 0) {
        // `from . import x` style handled by fromlist; a bare relative import returns the first part
        const firstPart = name.split('.')[0]!;
        const cut = absName.length - (name.length - firstPart.length);
        decref(top!);
        const r = lookupModule(absName.slice(0, cut))!;
        return newref(r);
      }
      return top!;
    }
    return top!;
  }
  decref(top!);
  // from-imports of submodules: `from pkg import sub` imports pkg.sub when it is not an attribute
  for (const item of collect(fromlist)) {
    if (item instanceof PyStr && item.value !== '*' && !getAttrOrNullQuiet(mod!, item.value)) {
      const sub = `${absName}.${item.value}`;
      if (interp.nativeModules.has(sub) || interp.sourceModules.has(sub)) decref(loadModule(sub));
    }
    decref(item);
  }
  return mod!;
}

function getAttrOrNullQuiet(o: PyObject, name: string): boolean {
  const v = getAttrOrNull(o, name);
  if (v) decref(v);
  return v !== null;
}

/** IMPORT_NAME */
export function importName(f: Frame, name: string, fromlist: PyObject, levelObj: PyObject): PyObject {
  const level = Number((levelObj as PyInt).value);
  const imp = dictGetStr(f.builtins, '__import__');
  if (imp === null) throw pyErr(ImportError, '__import__ not found');
  return importModuleLevel(name, f.globals, fromlist, level);
}

/** IMPORT_FROM */
export function importFrom(m: PyObject, name: string): PyObject {
  try {
    return getAttr(m, name);
  } catch (e) {
    if (!(e instanceof PyBaseException) || !exceptionMatches(e, AttributeError)) throw e;
    decref(e);
  }
  const pkgName = getAttrOrNull(m, '__name__');
  const pkg = pkgName instanceof PyStr ? pkgName.value : null;
  if (pkgName) decref(pkgName);
  if (pkg) {
    const sub = lookupModule(`${pkg}.${name}`);
    if (sub) return newref(sub);
  }
  const file = getAttrOrNull(m, '__file__');
  const where = file instanceof PyStr ? file.value : 'unknown location';
  if (file) decref(file);
  const e = pyErr(ImportError, pkg ? `cannot import name '${name}' from '${pkg}' (${where})` : `cannot import name '${name}' from '<unknown module name>' (${where})`);
  return rethrow(e);
}

function rethrow(e: PyBaseException): never {
  throw e;
}

/** import * : __all__, or every public name of the module's namespace. */
export function importStar(f: Frame, m: PyObject): void {
  const locals = f.locals;
  if (!locals) throw pyErr(ImportError, 'import * only allowed at module level');
  const all = getAttrOrNull(m, '__all__');
  const names: PyObject[] = [];
  if (all) {
    for (const n of collect(all)) names.push(n);
    decref(all);
  } else {
    const d = getAttr(m, '__dict__');
    if (!isDict(d)) {
      decref(d);
      throw pyErr(ImportError, "from-import-* object has no __dict__ and no __all__");
    }
    for (const [k] of dictItems(d as PyDict)) {
      if (k instanceof PyStr && !k.value.startsWith('_')) names.push(newref(k));
    }
    decref(d);
  }
  try {
    for (const n of names) {
      if (!(n instanceof PyStr)) throw typeError(`Item in ${reprString(m)}.__all__ must be str, not ${n.type.name}`);
      const v = getAttr(m, n.value);
      try {
        if (isDict(locals)) dictSetItem(locals as PyDict, n, v);
        else getItem(locals, n);
      } finally {
        decref(v);
      }
    }
  } finally {
    for (const n of names) decref(n);
  }
}

