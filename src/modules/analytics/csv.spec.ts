import { describe, expect, it } from '@jest/globals';
import { toCsv, wantsCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a header row and CRLF lines, quoting commas, quotes and line breaks', () => {
    const csv = toCsv(
      ['key', 'label', 'n'],
      [
        ['a', 'Plain', 1],
        ['b', 'Sales, North', 2.5],
        ['c', 'The "best" team', null],
        ['d', 'two\nlines', 0],
      ],
    );
    expect(csv).toBe(
      'key,label,n\r\na,Plain,1\r\nb,"Sales, North",2.5\r\nc,"The ""best"" team",\r\nd,"two\nlines",0\r\n',
    );
  });

  it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(toCsv(['x', 'y'], [['=HYPERLINK("http://evil")', -3]])).toBe(
      'x,y\r\n"\'=HYPERLINK(""http://evil"")",-3\r\n',
    );
  });
});

describe('wantsCsv', () => {
  it('follows ?format first, then the Accept header', () => {
    expect(wantsCsv('csv', 'application/json')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/CSV;q=0.5')).toBe(true);
    expect(wantsCsv(undefined, 'text/html,*/*')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
