import { describe, expect, it } from 'vitest';
import { dueState, formatDuration, initials } from './format.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000).toISOString();

describe('formatDuration', () => {
  it('uses at most two units and never shows 60 minutes', () => {
    expect(formatDuration(45, 'en')).toBe('45s');
    expect(formatDuration(12 * 60, 'en')).toBe('12m');
    expect(formatDuration(3 * 3600 + 20 * 60, 'en')).toBe('3h 20m');
    expect(formatDuration(7 * 3600 + 59 * 60 + 50, 'en')).toBe('8h');
    expect(formatDuration(3590, 'en')).toBe('1h');
    expect(formatDuration(2 * 86400 + 4 * 3600, 'en')).toBe('2d 4h');
    expect(formatDuration(null, 'en')).toBe('–');
  });
});

describe('dueState', () => {
  const open = { firstResponseAt: null, status: 'open' };

  it('is overdue once the first-response target has passed without an answer', () => {
    expect(dueState({ ...open, firstResponseDueAt: at(-600) }, NOW)).toEqual({
      state: 'overdue',
      seconds: 600,
    });
  });

  it('is "soon" within the last hour and "ok" before', () => {
    expect(dueState({ ...open, firstResponseDueAt: at(1800) }, NOW).state).toBe('soon');
    expect(dueState({ ...open, firstResponseDueAt: at(7200) }, NOW).state).toBe('ok');
  });

  it('has nothing due once answered or resolved', () => {
    expect(
      dueState({ firstResponseDueAt: at(-600), firstResponseAt: at(-900), status: 'open' }, NOW).state,
    ).toBe('none');
    expect(
      dueState({ firstResponseDueAt: at(-600), firstResponseAt: null, status: 'resolved' }, NOW).state,
    ).toBe('none');
    expect(dueState({ ...open, firstResponseDueAt: null }, NOW).state).toBe('none');
  });
});

describe('initials', () => {
  it('takes the first and last name, or the mail address parts', () => {
    expect(initials('Erika Maria Muster')).toBe('EM');
    expect(initials('jonas.weber@example.com')).toBe('JW');
    expect(initials('')).toBe('?');
  });
});
