// os.stat_result (Modules/posixmodule.c stat_result_fields, built by objects/structseq.ts): a struct
// sequence of 10 visible items (with integer times) and 9 more fields readable only by name
// (float times, nanosecond times, st_blksize, st_blocks, st_rdev).
import type { PyObject } from '../../objects/object.js';
import { newInt } from '../../objects/int.js';
import { newFloat } from '../../objects/float.js';
import { newStructSeq, newStructSeqType } from '../../objects/structseq.js';
import type { StatInfo } from '../../os/fdtable.js';

// The integer times are visible without names; their names belong to the hidden float times.
export const statResultType = newStructSeqType({
  name: 'os.stat_result',
  fields: ['st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', null, null, null,
    'st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'],
  visible: 10,
  constructible: true,
});

const NS = 1_000_000_000n;

/** The stat_result of a node's fields (fill_time: whole seconds, float seconds, nanoseconds). */
export function newStatResult(st: StatInfo): PyObject {
  const times = [st.atimeNs, st.mtimeNs, st.ctimeNs];
  const floorSec = (ns: bigint): bigint => (ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS));
  const items = [
    newInt(st.mode), newInt(st.ino), newInt(st.dev), newInt(st.nlink), newInt(st.uid), newInt(st.gid), newInt(st.size),
    ...times.map((t) => newInt(floorSec(t))),
  ];
  const hidden = [
    ...times.map((t) => newFloat(Number(floorSec(t)) + Number(t - floorSec(t) * NS) * 1e-9)),
    ...times.map((t) => newInt(t)),
    newInt(4096), newInt(Math.ceil(st.size / 4096) * 8), newInt(st.rdev),
  ];
  return newStructSeq(statResultType, [...items, ...hidden]);
}
