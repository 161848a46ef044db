import { describe, expect, it } from '@jest/globals';
import { validateEnvironment } from './env.schema.js';

describe('validateEnvironment', () => {
  it('fills defaults for an empty environment', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe(false);
    expect(env.SLA_CHECK_INTERVAL_SECONDS).toBe(30);
  });

  it('converts numbers and booleans from their string form', () => {
    const env = validateEnvironment({ PORT: '8080', DEMO_DATA: 'true', ALLOW_PRIVATE_FEED_URLS: '0' });
    expect(env.PORT).toBe(8080);
    expect(env.DEMO_DATA).toBe(true);
    expect(env.ALLOW_PRIVATE_FEED_URLS).toBe(false);
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      validateEnvironment({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SECRET_KEY: 'short',
        LOG_LEVEL: 'loud',
      });
    expect(attempt).toThrow(/^Invalid configuration/);
    for (const name of ['PORT', 'DATABASE_URL', 'SECRET_KEY', 'LOG_LEVEL']) {
      expect(attempt).toThrow(new RegExp(`\\b${name}:`));
    }
  });

  it('ignores unrelated variables and empty strings', () => {
    const env = validateEnvironment({ PATH: '/usr/bin', DATABASE_URL: '', PORT: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });
});
