// The standard library modules of the container area, for the import system to register.
import type { NativeModuleDef, SourceModuleDef } from './moduledef.js';
import { itertoolsModule } from './itertools.js';
import { operatorModule } from './operator.js';
import { heapqNative, heapqSource } from './heapq.js';
import { bisectModule } from './bisect.js';
import { dequeType } from './deque.js';
import { collectionsSource } from './collectionsSource.js';
import { functoolsSource } from './functoolsSource.js';

/** _collections: the natively implemented part of collections. */
const collectionsNative: NativeModuleDef = { name: '_collections', functions: [], attributes: () => ({ deque: dequeType }) };

/** collections.abc: the ABCs live in _collections_abc, which the collections package imports. */
const collectionsAbcSource: SourceModuleDef = {
  name: 'collections.abc',
  source: 'from _collections_abc import *\nfrom _collections_abc import __all__\nfrom _collections_abc import _CallableGenericAlias\n',
};

export const CONTAINER_MODULES: NativeModuleDef[] = [itertoolsModule, operatorModule, heapqNative, bisectModule, collectionsNative];
export const CONTAINER_SOURCES: SourceModuleDef[] = [heapqSource, collectionsSource, collectionsAbcSource, functoolsSource];
