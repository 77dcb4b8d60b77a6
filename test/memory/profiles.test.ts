// The GC header size has one source, the memory profile, including the patch levels whose layout
// differs (3.7.0-3.7.3, the releases older notes measured).
import { describe, expect, it } from 'vitest';
import { profileFor } from '../../engine/profiles/index.js';
import { memoryProfileFor } from '../../engine/profiles/memory.js';
import { createSession } from '../../engine/index.js';

describe('GC header size per release', () => {
  it('agrees between the object profile and the memory profile', () => {
    for (const v of ['3.6', '3.7', '3.8', '3.11', '3.12', '3.13'] as const) {
      expect(profileFor(v).gcHeaderSize).toBe(memoryProfileFor(v).gcHeaderSize);
    }
    expect(profileFor('3.7').gcHeaderSize).toBe(32);
    expect(profileFor('3.7.3').gcHeaderSize).toBe(24);
    expect(profileFor('3.7.3').micro).toBe(3);
    expect(profileFor('3.11').gcHeaderSize).toBe(16);
  });

  it('gives 3.7.3 programs the sizes its 24-byte header makes', () => {
    const out: string[] = [];
    const s = createSession({
      python: '3.7.3',
      host: { stdout: (t) => out.push(t), stderr: () => {}, display: () => {}, input: () => null },
    });
    s.execute('import sys\nprint(sys.version_info[:3], sys.getsizeof([]), sys.getsizeof(()))\n', { mode: 'exec', filename: 'p.py' });
    expect(out.join('')).toBe('(3, 7, 3) 64 48\n');
  });
});
