import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, raised } from './session.js';
import { callMethod } from '../../engine/objects/abstract.js';
import { PyInt, newInt } from '../../engine/objects/int.js';
import { byteArrayBytes, newByteArray, type PyByteArray } from '../../engine/objects/bytearray.js';
import { getBuffer, releaseBuffer } from '../../engine/objects/buffer.js';
import { newBytes } from '../../engine/objects/bytes.js';
import { PyByteArray as ByteArrayClass } from '../../engine/objects/bytearray.js';

beforeAll(() => {
  bindFreshProcess();
});

const sizeof = (o: PyByteArray): number => Number((callMethod(o, '__sizeof__', []) as PyInt).value);

describe('bytearray storage', () => {
  it('over-allocates as PyByteArray_Resize (conformance c25)', () => {
    const ba = newByteArray(new Uint8Array(0));
    const seen: string[] = [];
    let prev = -1;
    for (let i = 0; i < 80; i++) {
      const s = sizeof(ba);
      if (s !== prev) seen.push(`${i} ${s}`);
      prev = s;
      callMethod(ba, 'append', [newInt(i)]);
    }
    expect(seen.join('\n')).toBe('0 56\n1 58\n2 61\n5 64\n8 68\n12 75\n19 83\n27 92\n36 102\n46 113\n57 126\n70 140');
    expect(Number((callMethod(newBytes(byteArrayBytes(ba).slice()), '__sizeof__', []) as PyInt).value)).toBe(113);
  });

  it('deletes from the front by moving its start, and gives the storage a real heap block', () => {
    const ba = newByteArray(new TextEncoder().encode('abcdef'));
    expect(sizeof(ba)).toBe(63);
    const addr = (ba as ByteArrayClass).bufAddr;
    expect(addr).toBeGreaterThan(0);
    callMethod(ba, '__delitem__', [newInt(0)]);
    callMethod(ba, '__delitem__', [newInt(0)]);
    expect(sizeof(ba)).toBe(63);
    callMethod(ba, 'extend', [newBytes(new TextEncoder().encode('xyz'))]);
    expect(sizeof(ba)).toBe(66);
    expect(new TextDecoder().decode(byteArrayBytes(ba))).toBe('cdefxyz');
  });

  it('refuses to resize while a buffer is exported, and shares its bytes with the view', () => {
    const ba = newByteArray(new TextEncoder().encode('abc'));
    const view = getBuffer(ba, true);
    expect(raised(() => callMethod(ba, 'append', [newInt(1)]))).toBe('BufferError: Existing exports of data: object cannot be re-sized');
    callMethod(ba, '__setitem__', [newInt(0), newInt(65)]);
    expect(view.data[view.offset]).toBe(65);
    releaseBuffer(view);
    callMethod(ba, 'append', [newInt(1)]);
    expect(Array.from(byteArrayBytes(ba))).toEqual([65, 98, 99, 1]);
  });
});
