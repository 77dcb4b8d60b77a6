// The native modules an import can find, by name.
import { decref } from '../objects/object.js';
import { newCFunction } from '../objects/descr.js';
import { moduleSet, type PyModule } from '../objects/module.js';
import type { NativeFunctionDef } from '../objects/native.js';
import type { PyObject } from '../objects/object.js';
import { mathConstants, mathFunctions } from './math.js';
import { gcConstants, gcFunctions } from './gc.js';
import { weakrefModule } from './weakrefmodule.js';
import { resourceModule } from './resource.js';
import { procfsModule } from './procfs.js';
import { tracemallocModule } from './tracemalloc.js';
import type { NativeModuleDef, SourceModuleDef } from './moduledef.js';
import { CONTAINER_MODULES, CONTAINER_SOURCES } from './containerModules.js';
import { underscoreStringFunctions } from './string.js';
import { astBridgeModule } from './astbridge.js';
import { pymemlabModule } from '../introspect/marks.js';
import { binasciiModule } from './binascii.js';
import { pickleModule } from './picklebuffer.js';
import { arrayModule } from './array.js';
import { posixModule } from './posix/index.js';
import { ioModule } from './io/index.js';
import { randomModule } from './random.js';
import { sha512Module } from './sha512.js';
import { sourceCacheModule } from './sourcecache.js';
import { disBridgeModule } from './disbridge.js';
import { TIME_MODULES } from './time.js';
import { structModule } from './struct.js';
import { codecsNativeModule } from './codecsmodule.js';
import './interphooks.js';
import { multiprocessingModule } from './semlock.js';
import { mmapModule } from './mmap.js';
import { mpschedModule } from './mpsched.js';
import { frontendModule } from '../interactive/frontendmodule.js';

/** Fills a module with native functions and constants. */
export function fillModule(m: PyModule, name: string, functions: NativeFunctionDef[], constants: Record<string, PyObject> = {}): void {
  for (const def of functions) {
    const f = newCFunction(def, m, name);
    moduleSet(m, def.name, f);
    decref(f);
  }
  for (const [k, v] of Object.entries(constants)) moduleSet(m, k, v);
}

/** Registers a module described by a NativeModuleDef. */
function registerDef(register: (name: string, init: (m: PyModule) => void) => void, def: NativeModuleDef): void {
  register(def.name, (m) => {
    const attributes = def.attributes();
    fillModule(m, def.name, def.functions, attributes);
    for (const v of Object.values(attributes)) decref(v);
  });
}

export function registerStdlib(
  register: (name: string, init: (m: PyModule) => void) => void,
  registerSource: (name: string, source: string) => void,
): void {
  registerDef(register, weakrefModule);
  registerDef(register, frontendModule);
  registerDef(register, resourceModule);
  registerDef(register, procfsModule);
  registerDef(register, tracemallocModule);
  registerDef(register, astBridgeModule);
  registerDef(register, pymemlabModule);
  registerDef(register, binasciiModule);
  registerDef(register, pickleModule);
  registerDef(register, arrayModule);
  registerDef(register, posixModule);
  registerDef(register, ioModule);
  registerDef(register, randomModule);
  registerDef(register, sha512Module);
  registerDef(register, sourceCacheModule);
  registerDef(register, disBridgeModule);
  for (const def of TIME_MODULES) registerDef(register, def);
  registerDef(register, structModule);
  registerDef(register, codecsNativeModule);
  registerDef(register, multiprocessingModule);
  registerDef(register, mmapModule);
  registerDef(register, mpschedModule);
  for (const def of CONTAINER_MODULES) registerDef(register, def);
  for (const def of CONTAINER_SOURCES as SourceModuleDef[]) registerSource(def.name, def.source);
  register('_string', (m) => fillModule(m, '_string', underscoreStringFunctions));
  register('math', (m) => fillModule(m, 'math', mathFunctions, mathConstants()));
  register('gc', (m) => {
    const constants = gcConstants();
    fillModule(m, 'gc', gcFunctions, constants);
    for (const v of Object.values(constants)) decref(v);
  });
}
