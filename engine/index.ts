// The engine's entry point: createSession builds one simulated interpreter (its process
// memory, sys, builtins and __main__) and runs cells and files in it.
import type {
  Completion, EngineOptions, EngineSession, ExecuteOptions, ExecuteOutcome, Inspection, IsCompleteStatus, MemoryIntrospection, MimeBundle,
  PythonError, UserVariable,
} from './api.js';
import './objects/index.js';
import './vm/generators.js';
import { installExceptionAttributes } from './vm/exceptionattrs.js';
import { installBuiltinFunctionAttributes } from './vm/builtinattrs.js';
import './vm/framehooks.js';
import { profileFor, versionString, type Profile } from './profiles/index.js';
import { ProcessMemory } from './memory/index.js';
import { runInProcess } from './memory/objectWrites.js';
import { startCollector } from './stdlib/gc.js';
import { applyLayouts } from './objects/define.js';
import { setHashSeed } from './objects/siphash.js';
import { PyObject, decref } from './objects/object.js';
import { PyDict, dictDelItem, dictDelStr, dictGetItem, dictGetStr, dictItems, dictSetItem, newDict } from './objects/dict.js';
import { PyStr, emptyStr, internStr, newStr } from './objects/str.js';
import { PyInt, newInt } from './objects/int.js';
import { None } from './objects/singletons.js';
import { PyModule, newModule, moduleSet } from './objects/module.js';
import { PyBaseException, SystemExit } from './objects/exceptions.js';
import { length, repr, strString, reprString } from './objects/abstract.js';
import { vm, runCode, displayHook, asPyException } from './vm/eval.js';
import { interp, registerNativeModule, registerSourceModule } from './vm/imports.js';
import { registerPythonSources } from './stdlib/pysources.js';
import { finalizeModules, moduleClearDict } from './vm/finalize.js';
import { compileSource } from './vm/compileSource.js';
import { formatException } from './vm/traceback.js';
import { engineIO, writeErr, writeOut } from './vm/io.js';
import { listOps } from './vm/sequences.js';
import { initBuiltins } from './stdlib/builtins/index.js';
import { initSys } from './stdlib/sys.js';
import { registerStdlib } from './stdlib/registry.js';
import { isComplete } from './syntax/complete.js';
import { formatObject } from './interactive/formatters.js';
import { completeCode } from './interactive/complete.js';
import { inspectCode } from './interactive/inspect.js';
import type { UserScope } from './interactive/scope.js';
import { createMemoryIntrospection } from './introspect/index.js';
import { engineStreams, startFileSystem } from './os/files.js';
import { ProcessExit, runLeftoverProcesses, shellExitCode } from './os/processSwitch.js';


/** IPython's DisplayHook.cache_size: how many results Out keeps before culling the oldest. */
const OUTPUT_CACHE_SIZE = 1000;

class Session implements EngineSession {
  readonly version: string;
  exitRequested: number | null = null;
  private readonly main: PyModule;
  private readonly builtins: PyModule;
  private readonly sys: PyModule;
  private readonly profile: Profile;
  readonly memory: MemoryIntrospection;

  constructor(options: EngineOptions) {
    this.profile = profileFor(options.python);
    this.version = versionString(this.profile);
    runInProcess(new ProcessMemory({ profile: this.profile.name, micro: this.profile.micro }), this.profile);
    applyLayouts(this.profile);
    installExceptionAttributes();
    installBuiltinFunctionAttributes();
    // Without PYTHONHASHSEED the engine stays reproducible: the seed 0 keys CPython's own hashes.
    setHashSeed(options.hashSeed ?? 0);
    startCollector(this.profile);
    vm.recursionLimit = this.profile.recursionLimit;
    vm.depth = 0;
    vm.current = null;
    vm.interruptFlag = options.interruptFlag ?? null;
    engineIO.host = options.host;
    startFileSystem(engineStreams);
    const modules = newDict();
    interp.modules = modules;
    this.builtins = newModule('builtins', newStr("Built-in functions, types, exceptions, and other objects."));
    initBuiltins(this.builtins);
    interp.builtins = this.builtins.dict;
    vm.builtins = this.builtins.dict;
    this.sys = newModule('sys');
    initSys(this.sys, this.profile, options.argv ?? [''], modules);
    this.setModule('builtins', this.builtins);
    this.setModule('sys', this.sys);
    this.main = newModule('__main__');
    moduleSet(this.main, '__builtins__', this.builtins);
    const annotations = newDict();
    moduleSet(this.main, '__annotations__', annotations);
    decref(annotations);
    this.setModule('__main__', this.main);
    interp.execSource = (source, filename, globals) => {
      const code = compileSource(source, filename, 'exec');
      try {
        decref(runCode(code, globals, this.builtins.dict, globals));
      } finally {
        decref(code);
      }
    };
    registerStdlib(registerNativeModule, registerSourceModule);
    registerPythonSources(registerSourceModule);
    displayHook.run = (v) => this.displayhook(v);
    this.memory = createMemoryIntrospection({ globals: this.main.dict, builtins: this.builtins.dict, errorOf: (err) => this.errorOf(err) });
  }

  private setModule(name: string, m: PyObject): void {
    const key = internStr(name);
    dictSetItem(interp.modules, key, m);
    decref(key);
  }

  /** sys.displayhook for 'single' mode: print the repr, bind it to builtins._ */
  private displayhook(v: PyObject): void {
    if (v === None) return;
    moduleSet(this.builtins, '_', None);
    const r = repr(v) as PyStr;
    writeOut(r.value + '\n');
    decref(r);
    moduleSet(this.builtins, '_', v);
  }

  execute(code: string, options: ExecuteOptions): ExecuteOutcome {
    this.exitRequested = null;
    if (options.history) this.recordInput(options.history.count, options.history.input);
    if (options.mode === 'exec') {
      // _PyRun_SimpleFileObject: a script's __main__ knows its file while it runs.
      const file = newStr(options.filename);
      moduleSet(this.main, '__file__', file);
      decref(file);
      moduleSet(this.main, '__cached__', None);
      const outcome = this.runInMain(code, options.filename, 'exec', () => ({ status: 'ok' }));
      this.finalizeMain();
      return outcome;
    }
    return this.runInMain(code, options.filename, 'cell', (result) => {
      const outcome: ExecuteOutcome = { status: 'ok' };
      if (options.mode === 'cell' && result !== None) {
        outcome.result = this.mimeBundle(result);
        if (options.history) this.recordOutput(options.history.count, result);
      }
      return outcome;
    });
  }

  evaluate(expression: string): ExecuteOutcome {
    return this.runInMain(expression, '<string>', 'eval', (result) => ({ status: 'ok', result: this.mimeBundle(result) }));
  }

  /** Compiles and runs source in __main__, turning the value or the exception into an outcome. */
  private runInMain(source: string, filename: string, mode: 'cell' | 'exec' | 'eval', done: (result: PyObject) => ExecuteOutcome): ExecuteOutcome {
    const g = this.main.dict;
    try {
      const co = compileSource(source, filename, mode);
      let result: PyObject;
      try {
        result = runCode(co, g, this.builtins.dict, g);
      } finally {
        decref(co);
      }
      try {
        return done(result);
      } finally {
        decref(result);
      }
    } catch (err) {
      return { status: 'error', error: this.errorOf(err) };
    } finally {
      vm.current = null;
      vm.depth = 0;
      engineIO.flush();
      runLeftoverProcesses();
    }
  }

  /** A program's end (Python/pylifecycle.c finalize_modules): __main__'s namespace is cleared
   *  as _PyModule_ClearDict does, so objects die and their finalizers run in CPython's order. */
  private finalizeMain(): void {
    try {
      moduleClearDict(this.main.dict);
    } finally {
      vm.current = null;
      vm.depth = 0;
      engineIO.flush();
    }
  }

  private mimeBundle(v: PyObject): MimeBundle {
    return formatObject(v).data;
  }

  /** The exception as the host sees it; SystemExit sets exitRequested. */
  private errorOf(err: unknown): PythonError {
    if (err instanceof ProcessExit) {
      this.exitRequested = shellExitCode(err.status);
      return { ename: 'SystemExit', evalue: String(this.exitRequested), traceback: [] };
    }
    const e = asPyException(err);
    try {
      if (e.type.isSubtype(SystemExit)) {
        const code = e.args.items.length === 1 ? e.args.items[0]! : e.args.items.length ? e.args : None;
        if (code === None) this.exitRequested = 0;
        else if (code instanceof PyInt) this.exitRequested = Number(code.value);
        else this.exitRequested = 1;
        return { ename: 'SystemExit', evalue: code === None ? '' : strString(code), traceback: [] };
      }
      const lines = formatException(e);
      let evalue = '';
      try {
        evalue = strString(e);
      } catch (inner) {
        if (inner instanceof PyBaseException) decref(inner);
      }
      return { ename: e.type.qualname, evalue, traceback: lines };
    } finally {
      decref(e);
    }
  }

  private recordInput(count: number, input: string): void {
    const g = this.main.dict;
    const get = (n: string): PyObject => dictGetStr(g, n) ?? None;
    const text = newStr(input);
    const set = (n: string, v: PyObject): void => moduleSet(this.main, n, v);
    set('_iii', get('_ii'));
    set('_ii', get('_i'));
    set('_i', get(`_i${count - 1}`) === None ? get('_i') : get(`_i${count - 1}`));
    set(`_i${count}`, text);
    let inList = dictGetStr(g, 'In');
    if (!inList) {
      try {
        const l = listOps.make([newStr('')]);
        set('In', l);
        decref(l);
        inList = l;
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
      }
    }
    if (inList) {
      while (length(inList) < count) listOps.append(inList, None);
      listOps.append(inList, text);
    }
    decref(text);
    if (!dictGetStr(g, 'Out')) {
      const d = newDict();
      set('Out', d);
      decref(d);
    }
  }

  /** IPython's DisplayHook.cull_cache: the oldest fifth of Out goes, with its `_N` names. */
  private cullOutputs(out: PyDict): void {
    const oldest = [...dictItems(out)].flatMap(([key]) => (key instanceof PyInt ? [key] : [])).sort((a, b) => Number(a.value) - Number(b.value));
    const culled = oldest.slice(0, Math.max(Math.floor(oldest.length * 0.2), 2));
    writeErr(`UserWarning: Output cache limit (currently ${oldest.length} entries) hit.\nFlushing oldest ${culled.length} entries.\n`);
    for (const key of culled) {
      dictDelStr(this.main.dict, `_${key.value}`);
      dictDelItem(out, key);
    }
  }

  private recordOutput(count: number, v: PyObject): void {
    const g = this.main.dict;
    const set = (n: string, x: PyObject): void => moduleSet(this.main, n, x);
    const out = dictGetStr(g, 'Out') as PyDict | null;
    if (out) {
      if (length(out) >= OUTPUT_CACHE_SIZE) this.cullOutputs(out);
      const k = newInt(count);
      dictSetItem(out, k, v);
      decref(k);
    }
    set('___', dictGetStr(g, '__') ?? emptyStr);
    set('__', dictGetStr(g, '_') ?? emptyStr);
    set('_', v);
    set(`_${count}`, v);
  }

  isComplete(code: string): IsCompleteStatus {
    return isComplete(code);
  }

  /** What completion and inspection look into: the user's namespace and the builtins. */
  private get scope(): UserScope {
    return { globals: this.main.dict, builtins: this.builtins.dict };
  }

  complete(code: string, cursorPos: number): Completion {
    return completeCode(this.scope, code, cursorPos);
  }

  inspect(code: string, cursorPos: number, detailLevel: 0 | 1): Inspection {
    return inspectCode(this.scope, code, cursorPos, detailLevel);
  }

  /** The end of a program run by `exec`: interpreter shutdown as far as a program can see it. */
  finalize(): void {
    finalizeModules(this.main);
    engineIO.flush();
  }

  userVariables(): UserVariable[] {
    const out: UserVariable[] = [];
    for (const [k, v] of dictItems(this.main.dict)) {
      if (!(k instanceof PyStr) || k.value.startsWith('_') || k.value === 'In' || k.value === 'Out') continue;
      if (v instanceof PyModule && k.value === '__builtins__') continue;
      let summary: string;
      try {
        summary = v.type.sq_length || v.type.mp_length ? `n=${length(v)}` : reprString(v);
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
        summary = '';
      }
      out.push({ name: k.value, type: v.type.name, summary });
    }
    return out;
  }
}

export function createSession(options: EngineOptions): EngineSession {
  return new Session(options);
}

