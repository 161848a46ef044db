import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

const KEY = 'unit-test-secret-key-0123456789abcdef';

describe('SecretBox', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('hunter2-päss');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2-päss');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox(KEY);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed with another key or purpose', () => {
    const sealed = new SecretBox(KEY).seal('secret');
    expect(() => new SecretBox('another-secret-key-0123456789abcdef').open(sealed)).toThrow(
      /cannot be opened/,
    );
    expect(() => new SecretBox(KEY, 'other-purpose').open(sealed)).toThrow(/cannot be opened/);
  });

  it('detects tampering', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('secret value');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    parts[4] = data.toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow(/cannot be opened/);
    expect(() => box.open('enc:v1:abc')).toThrow(/Malformed/);
    expect(() => box.open('plain')).toThrow(/Not a sealed/);
  });
});
