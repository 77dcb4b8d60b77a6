// The inline caches of attribute instructions: what CPython 3.11's specialising interpreter does
// with LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE and LOAD_METHOD_WITH_VALUES
// (Python/specialize.c). A site remembers, for one class at one namespace version, where the
// attribute lives, so the next execution skips the MRO walk and the shared-keys lookup. Anything
// the cache cannot prove (another class, a changed namespace, an instance with a real dict, a
// missing value) takes the generic path, which is the one that raises and explains.
import { newref, decref, type PyObject } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { genericGetAttr, genericSetAttr, instanceAttrsOf } from '../objects/abstract.js';
import { heapInstanceAttrs, type HeapInstance } from '../objects/instance.js';
import { sharedKeyIndex } from '../objects/dict.js';

/** What a site knows: nothing (the generic path, remembered so it is not re-examined each time),
 *  an inline value's index, or a method. */
export const enum SiteKind { GENERIC, VALUE, METHOD }

export class AttrSite {
  constructor(
    readonly kind: SiteKind,
    readonly type: PyType,
    readonly version: number,
    /** The attribute's entry in the class's shared keys; for a method, the number of entries
     *  the keys had when the method was found not shadowed. */
    readonly index: number,
    /** The method found on the class (borrowed: the version check proves it is still there). */
    readonly method: PyObject | null,
  ) {}
}

/** Instances whose attributes live in inline values over the class's shared keys, read and
 *  written only through the generic protocol. */
function hasInlineValues(type: PyType): boolean {
  return (
    type.cachedKeys !== null &&
    (type.tp_getattro === undefined || type.tp_getattro === genericGetAttr) &&
    (type.tp_setattro === undefined || type.tp_setattro === genericSetAttr) &&
    instanceAttrsOf(type) === heapInstanceAttrs
  );
}

/** The value an up-to-date site finds in `o`'s inline values (borrowed), or null. */
export function loadInstanceValue(site: AttrSite | null, o: PyObject): PyObject | null {
  if (site === null || site.kind !== SiteKind.VALUE || site.type !== o.type || site.version !== site.type.version) return null;
  const h = o as HeapInstance;
  if (h.dict || !h.values) return null;
  return h.values.values[site.index] ?? null;
}

/** Replaces an attribute already present in `o`'s inline values; false when the site cannot. */
export function storeInstanceValue(site: AttrSite | null, o: PyObject, value: PyObject): boolean {
  if (site === null || site.kind !== SiteKind.VALUE || site.type !== o.type || site.version !== site.type.version) return false;
  const h = o as HeapInstance;
  if (h.dict || !h.values) return false;
  const values = h.values.values;
  const old = values[site.index];
  if (!old) return false;
  values[site.index] = newref(value);
  decref(old);
  return true;
}

/** The method an up-to-date site found on the class, when `o` cannot shadow it (borrowed). */
export function loadMethodCached(site: AttrSite | null, o: PyObject): PyObject | null {
  if (site === null || site.kind !== SiteKind.METHOD || site.type !== o.type || site.version !== site.type.version) return null;
  const h = o as HeapInstance;
  if (h.dict || !h.values || site.type.cachedKeys!.nentries !== site.index) return null;
  return site.method;
}

/** Whether a site that just missed on an instance of `type` should be examined again. */
export function needsSpecializing(site: AttrSite | null, type: PyType): boolean {
  return site === null || site.type !== type || site.version !== type.version;
}

function genericSite(type: PyType): AttrSite {
  return new AttrSite(SiteKind.GENERIC, type, type.version, -1, null);
}

/** A site for reading or writing `name` on instances of `type`: an inline value's index when its
 *  instances keep `name` there and no data descriptor on the class takes precedence. */
export function specializeAttr(type: PyType, name: string): AttrSite {
  if (!hasInlineValues(type)) return genericSite(type);
  const descr = type.lookup(name);
  if (descr !== null && descr.type.tp_descr_set) return genericSite(type);
  const ix = sharedKeyIndex(type.cachedKeys!, name);
  return ix < 0 ? genericSite(type) : new AttrSite(SiteKind.VALUE, type, type.version, ix, null);
}

/** A site for a method call `o.name(...)` on instances of `type`, when `name` is a plain method
 *  of the class that the instance's values do not shadow. */
export function specializeMethod(type: PyType, name: string): AttrSite {
  if (!hasInlineValues(type)) return genericSite(type);
  const descr = type.lookup(name);
  if (descr === null || !(descr.type.flags & TypeFlags.METHOD_DESCRIPTOR)) return genericSite(type);
  const keys = type.cachedKeys!;
  if (sharedKeyIndex(keys, name) >= 0) return genericSite(type);
  return new AttrSite(SiteKind.METHOD, type, type.version, keys.nentries, descr);
}
