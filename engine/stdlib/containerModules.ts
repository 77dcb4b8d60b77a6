// The standard library modules of the container area, for the import system to register.
import type { NativeModuleDef, SourceModuleDef } from './moduledef.js';
import { itertoolsModule } from './itertools.js';

export const CONTAINER_MODULES: NativeModuleDef[] = [itertoolsModule];
export const CONTAINER_SOURCES: SourceModuleDef[] = [];
