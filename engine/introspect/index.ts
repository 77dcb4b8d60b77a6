// The engine's answer to the memory magics (api.ts MemoryIntrospection): reports built from the
// simulated layouts, allocator and collector of the running session, as plain data.
import type { Introspected, MemoryIntrospection, PythonError } from '../api.js';
import { decref, type PyObject } from '../objects/object.js';
import { PyDict } from '../objects/dict.js';
import { PyFunction } from '../objects/function.js';
import { PyMemoryView } from '../objects/memoryview.js';
import { typeError } from '../objects/exceptions.js';
import { compileSource } from '../vm/compileSource.js';
import { runCode, vm } from '../vm/eval.js';
import { getline } from '../vm/linecache.js';
import { monotonicNs } from '../os/clock.js';
import { sizeReport } from './sizes.js';
import { refsReport } from './refs.js';
import { gcReport, observeCollections } from './gcview.js';
import { heapReport } from './heapview.js';
import { dictReport } from './dictview.js';
import { memoryviewReport } from './viewview.js';
import { hostData } from './hostdata.js';
import { functionSource } from './source.js';
import { measure, onMark, residentBytes } from './marks.js';
import { pageCopyReport } from './pages.js';

export { pymemlabModule } from './marks.js';

export interface IntrospectionContext {
  /** __main__'s namespace and the builtins, where expressions are evaluated. */
  globals: PyDict;
  builtins: PyDict;
  /** How the session formats an exception that reached the top. */
  errorOf(err: unknown): PythonError;
}

export function createMemoryIntrospection(context: IntrospectionContext): MemoryIntrospection {
  observeCollections();

  function evaluate(expression: string): PyObject {
    const code = compileSource(expression, '<pymemlab>', 'eval');
    try {
      return runCode(code, context.globals, context.builtins, context.globals);
    } finally {
      decref(code);
    }
  }

  /** Evaluates, then describes; both may raise a Python exception, which becomes the error. */
  function withValue<T>(expression: string, describe: (o: PyObject) => T): Introspected<T> {
    try {
      const o = evaluate(expression);
      try {
        return { status: 'ok', value: describe(o) };
      } finally {
        decref(o);
      }
    } catch (err) {
      return { status: 'error', error: context.errorOf(err) };
    } finally {
      vm.current = null;
      vm.depth = 0;
    }
  }

  function expect<T extends PyObject>(o: PyObject, type: abstract new (...args: never[]) => T, what: string, magic: string): T {
    if (o instanceof type) return o;
    throw typeError(`%${magic} needs ${what}, not '${o.type.name}'`);
  }

  return {
    sizeOf: (expression, deep) => withValue(expression, (o) => sizeReport(o, deep)),
    refs: (expression) => withValue(expression, (o) => refsReport(o, context.globals, 1)),
    gc: gcReport,
    heap: heapReport,
    dict: (expression, probeKey) => withValue(expression, (o) => {
      const d = expect(o, PyDict, 'a dict', 'dict');
      if (probeKey === undefined) return dictReport(d, null);
      const key = evaluate(probeKey);
      try {
        return dictReport(d, key);
      } finally {
        decref(key);
      }
    }),
    memoryview: (expression) => withValue(expression, (o) => memoryviewReport(expect(o, PyMemoryView, 'a memoryview', 'memoryview'))),
    data: (expression) => withValue(expression, (o) => hostData(o)),
    functionSource: (expression) => withValue(expression, (o) => functionSource(expect(o, PyFunction, 'a function defined in Python', 'mprun'))),
    sourceLine: getline,
    monotonicNs,
    rss: residentBytes,
    onMark,
    measure,
    pageCopies: pageCopyReport,
  };
}
