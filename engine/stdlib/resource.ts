// The resource module's view of memory (Modules/resource.c): getrusage with ru_maxrss, the peak
// resident size in KiB, from the running process's simulated pages.
import { newref, type PyObject } from '../objects/object.js';
import { asIndex } from '../objects/abstract.js';
import { valueError } from '../objects/exceptions.js';
import { newInt } from '../objects/int.js';
import { newFloat } from '../objects/float.js';
import { PAGE_SIZE } from '../memory/frames.js';
import { runningMemory } from '../memory/running.js';
import { newStructSeq, newStructSeqType } from '../objects/structseq.js';
import type { NativeModuleDef } from './moduledef.js';

const RUSAGE_SELF = 0;
const RUSAGE_CHILDREN = -1;
const RUSAGE_THREAD = 1;

const FIELDS = [
  'ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt', 'ru_majflt', 'ru_nswap',
  'ru_inblock', 'ru_oublock', 'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw',
] as const;

const rusageType = newStructSeqType({ name: 'resource.struct_rusage', fields: FIELDS, constructible: true });

// Modules/resource.c resource_getrusage. Times stay 0.0 until the simulated clock exists; page
// faults count the pages that ever became resident. Children are not simulated yet: zeros.
function getrusage(_m: PyObject, who: PyObject): PyObject {
  const w = asIndex(who);
  if (w !== RUSAGE_SELF && w !== RUSAGE_CHILDREN && w !== RUSAGE_THREAD) throw valueError('invalid who parameter');
  const status = w === RUSAGE_CHILDREN ? null : runningMemory().status();
  const maxrss = status ? status.VmHWM : 0;
  const minflt = status ? (status.VmHWM * 1024) / PAGE_SIZE : 0;
  const values: Record<(typeof FIELDS)[number], number> = {
    ru_utime: 0, ru_stime: 0, ru_maxrss: maxrss, ru_ixrss: 0, ru_idrss: 0, ru_isrss: 0, ru_minflt: minflt,
    ru_majflt: 0, ru_nswap: 0, ru_inblock: 0, ru_oublock: 0, ru_msgsnd: 0, ru_msgrcv: 0, ru_nsignals: 0,
    ru_nvcsw: 0, ru_nivcsw: 0,
  };
  return newStructSeq(rusageType, FIELDS.map((f, i) => (i < 2 ? newFloat(values[f]) : newInt(values[f]))));
}

export const resourceModule: NativeModuleDef = {
  name: 'resource',
  functions: [
    { name: 'getrusage', code: { kind: 'o', fn: getrusage } },
    { name: 'getpagesize', code: { kind: 'noargs', fn: () => newInt(PAGE_SIZE) } },
  ],
  attributes: () => ({
    RUSAGE_SELF: newInt(RUSAGE_SELF),
    RUSAGE_CHILDREN: newInt(RUSAGE_CHILDREN),
    RUSAGE_THREAD: newInt(RUSAGE_THREAD),
    struct_rusage: newref(rusageType),
  }),
};
