// Loads every builtin type module, then readies the types (fills their namespaces). Importing
// this module is what makes the object model usable.
import './typeobject.js';
import './descr.js';
import './singletons.js';
import './int.js';
import './str.js';
import './tuple.js';
import './dict.js';
import './exceptions.js';
import './objectmethods.js';
import './typemethods.js';
import './mappingproxy.js';
import './property.js';
import './super.js';
import './weakref.js';
import './funcwrappers.js';
import { readyTypes } from './ready.js';

readyTypes();
import './unicode/strtype.js';
import './float.js';
import './complex.js';
import './dictviews.js';
import './set.js';
import './unicode/methods.js';
import './slice.js';
import './bytes.js';
import './unicode/codecerrors.js';
import './bytearray.js';
import './list.js';
import './range.js';
import './memoryview.js';
import './iterators.js';
import './intbytes.js';
import './genericalias.js';
import './exceptionattrs.js';
