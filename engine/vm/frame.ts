// The interpreter frame (Include/internal/pycore_frame.h _PyInterpreterFrame): what the
// evaluation loop runs. It owns references to its fast locals and its value stack; a Python
// frame object (objects/frame.ts) is created only when something asks for one.
import type { PyObject } from '../objects/object.js';
import { xdecref } from '../objects/object.js';
import type { PyCode } from '../objects/code.js';
import type { PyDict } from '../objects/dict.js';
import type { PyFunction } from '../objects/function.js';
import type { PyFrameObject } from '../objects/frame.js';

export const enum FrameState { CREATED = 0, SUSPENDED = 1, EXECUTING = 2, COMPLETED = 3, CLEARED = 4 }

export class Frame {
  /** localsplus: arguments and locals, then cells, then free variables */
  readonly fast: (PyObject | null)[];
  readonly stack: (PyObject | null)[];
  sp = 0;
  /** Index of the next instruction. */
  pc = 0;
  /** Index of the instruction running or last run (f_lasti). */
  lasti = -1;
  back: Frame | null = null;
  frameObject: PyFrameObject | null = null;
  /** Returning from this frame leaves the evaluation loop (is_entry). */
  isEntry = false;
  state = FrameState.CREATED;
  /** KW_NAMES' operand for the next CALL. */
  kwnames: PyObject | null = null;
  /** The generator or coroutine this frame belongs to (owner == FRAME_OWNED_BY_GENERATOR). */
  generator: PyObject | null = null;
  /** For an `__init__` called by a class call: the new instance, which the call returns (a
   *  strong reference; CPython 3.13's init shim frame). */
  initSelf: PyObject | null = null;
  /** What the calling instruction holds while this frame runs, in the order it took them (a class
   *  call's arguments tuple, CALL_FUNCTION_EX's tuple and dict): released when the frame returns. */
  callerRefs: PyObject[] | null = null;
  constructor(
    readonly code: PyCode,
    public func: PyFunction | null,
    public globals: PyDict,
    public builtins: PyDict,
    /** The namespace of module and class bodies (f_locals), null for functions. */
    public locals: PyObject | null,
  ) {
    const n = code.localsplusnames.length;
    this.fast = new Array<PyObject | null>(n).fill(null);
    this.stack = new Array<PyObject | null>(code.stacksize + 1).fill(null);
  }

  /** A cleared function frame made ready for another call of the same code: frames are the
   *  engine's most frequent host allocation, and a frame nobody else saw can be kept. */
  reuse(func: PyFunction, globals: PyDict, builtins: PyDict): this {
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.pc = 0;
    this.lasti = -1;
    this.back = null;
    this.isEntry = false;
    this.state = FrameState.CREATED;
    return this;
  }

  /** The line of the instruction being run, as f_lineno reports it. */
  get lineno(): number {
    return this.code.lineOf(this.lasti < 0 ? 0 : this.lasti);
  }

  /** _PyFrame_Clear's release of the frame's references: locals, then the value stack. */
  clearLocals(): void {
    const fast = this.fast;
    for (let i = 0; i < fast.length; i++) {
      const v = fast[i];
      if (v) {
        fast[i] = null;
        xdecref(v);
      }
    }
    const stack = this.stack;
    for (let i = this.sp - 1; i >= 0; i--) {
      const v = stack[i];
      stack[i] = null;
      xdecref(v);
    }
    this.sp = 0;
    const locals = this.locals;
    this.locals = null;
    xdecref(locals);
  }
}
