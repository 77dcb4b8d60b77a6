// The standard library modules of the container area, for the import system to register.
import type { NativeModuleDef, SourceModuleDef } from './moduledef.js';
import { itertoolsModule } from './itertools.js';
import { operatorModule } from './operator.js';
import { heapqNative, heapqSource } from './heapq.js';
import { bisectModule } from './bisect.js';

export const CONTAINER_MODULES: NativeModuleDef[] = [itertoolsModule, operatorModule, heapqNative, bisectModule];
export const CONTAINER_SOURCES: SourceModuleDef[] = [heapqSource];
