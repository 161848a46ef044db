import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../common/errors/app-error.js';
import { resolveWindow } from './analytics.service.js';

const NOW = Date.parse('2025-03-31T12:00:00Z');
const DAY = 86_400_000;

describe('resolveWindow', () => {
  it('defaults to the 30 days before now', () => {
    expect(resolveWindow({}, NOW)).toEqual({ from: NOW - 30 * DAY, to: NOW });
  });

  it('counts 30 days back from an explicit end, and takes both ends as given', () => {
    const to = '2025-01-31T00:00:00Z';
    expect(resolveWindow({ to }, NOW)).toEqual({ from: Date.parse(to) - 30 * DAY, to: Date.parse(to) });
    expect(resolveWindow({ from: '2025-01-01', to: '2025-02-01' }, NOW)).toEqual({
      from: Date.parse('2025-01-01T00:00:00Z'),
      to: Date.parse('2025-02-01T00:00:00Z'),
    });
  });

  it('refuses a time the validator let through but Date cannot read', () => {
    expect(() => resolveWindow({ from: '2025-W01-1' }, NOW)).toThrow(AppError);
  });
});
