// How a native module of the standard library describes itself to the import system: its
// functions, its types and other attributes. The registry turns a definition into a module.
import type { PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';

export interface NativeModuleDef {
  name: string;
  functions: NativeFunctionDef[];
  /** Types and constants, created when the module is first imported. */
  attributes: () => Record<string, PyObject>;
}

/** A module written in Python that the engine ships as source. */
export interface SourceModuleDef {
  name: string;
  source: string;
}
