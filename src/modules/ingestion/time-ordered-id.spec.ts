import { describe, expect, it } from '@jest/globals';
import { isUUID } from 'class-validator';
import { timeOrderedId } from './time-ordered-id.js';

describe('timeOrderedId', () => {
  it('is a valid version-7 UUID that sorts by time', () => {
    const a = timeOrderedId(1_700_000_000_000);
    const b = timeOrderedId(1_700_000_000_001);
    expect(isUUID(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
    // Ids come from a pool of random bytes: across refills they stay unique.
    const many = Array.from({ length: 2_000 }, () => timeOrderedId(1_700_000_000_000));
    expect(new Set(many).size).toBe(many.length);
  });
});
