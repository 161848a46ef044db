import { describe, expect, it } from '@jest/globals';
import type { RawRemark } from './raw-remark.js';
import { clip, clipBytes, MAX_BODY_BYTES, normalizeRemark } from './normalize.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const raw = (overrides: Partial<RawRemark> = {}): RawRemark => ({
  channel: 'email',
  connectorId: null,
  externalId: '<1@mail>',
  text: 'Hallo',
  author: { email: 'Kunde@Example.DE', name: '  Max   Muster ' },
  ...overrides,
});

describe('normalizeRemark', () => {
  it('cleans author, email and dedupe scope', () => {
    const result = normalizeRemark(raw(), 0, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.remark).toMatchObject({
      source: 'api',
      email: 'kunde@example.de',
      authorName: 'Max Muster',
      receivedAt: NOW,
      flags: [],
    });
  });

  it('fails what cannot be stored honestly', () => {
    expect(normalizeRemark(raw({ text: '  ' }), 0, NOW)).toEqual({
      ok: false,
      message: 'text must not be empty',
    });
    expect(normalizeRemark(raw({ externalId: '' }), 0, NOW).ok).toBe(false);
    expect(normalizeRemark(raw({ channel: 'fax' as never }), 0, NOW).ok).toBe(false);
  });

  it('flags and repairs broken text, bad addresses, links and dates', () => {
    const result = normalizeRemark(
      raw({
        text: 'a\ud800b\u0000c',
        author: { email: 'not an address' },
        url: 'javascript:alert(1)',
        receivedAt: NOW + 86_400_000,
      }),
      0,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.remark.body).toBe('a\ufffdbc');
    expect(result.remark.email).toBeNull();
    expect(result.remark.url).toBeNull();
    expect(result.remark.receivedAt).toBe(NOW);
    expect(result.remark.flags.sort()).toEqual(
      ['control_characters', 'future_date', 'invalid_email', 'invalid_url', 'invalid_utf8'].sort(),
    );
  });

  it('cuts bodies over 100 KB and takes the text from HTML when there is none', () => {
    const big = normalizeRemark(raw({ text: 'ä'.repeat(MAX_BODY_BYTES) }), 0, NOW);
    if (!big.ok) throw new Error(big.message);
    expect(Buffer.byteLength(big.remark.body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(big.remark.truncated).toBe(true);
    expect(big.remark.flags).toContain('truncated');
    const html = normalizeRemark(raw({ text: '', html: '<p>Hi <img src=x onerror=alert(1)></p>' }), 0, NOW);
    if (!html.ok) throw new Error(html.message);
    expect(html.remark.body).toBe('Hi');
    expect(html.remark.html).toBe('<p>Hi </p>');
  });
});

describe('clip helpers', () => {
  it('never split a character', () => {
    expect(clipBytes('aä', 2)).toEqual({ text: 'a', cut: true });
    expect(clip('a😀', 2)).toBe('a');
    expect(clip('abc', 5)).toBe('abc');
  });
});
