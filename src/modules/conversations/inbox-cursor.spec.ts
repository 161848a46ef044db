import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';
import { fts5Query, orTsquery } from './search-query.js';

describe('inbox cursor', () => {
  it('round-trips and refuses forgeries', () => {
    const cursor = { lastMessageAt: 1_700_000_000_000, id: '6f1c8f7e-0000-4000-8000-000000000000' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('bm9wZQ')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('[1,"x"]').toString('base64url'))).toThrow(/cursor/);
  });
});

describe('fts5Query', () => {
  it('quotes every word so user input is never FTS syntax', () => {
    expect(fts5Query('Paket "kaputt" OR (NEAR')).toBe('"Paket"* "kaputt"* "OR" "NEAR"*');
    expect(fts5Query('*** ()')).toBeNull();
    expect(fts5Query('Grüße')).toBe('"Grüße"*');
  });
});

describe('orTsquery', () => {
  it('ORs the stemmings, each kept whole, and has nothing to search without words', () => {
    expect(orTsquery(["'rechnung' & 'paket'", "'invoic'"])).toBe("('rechnung' & 'paket') | ('invoic')");
    expect(orTsquery([])).toBeNull();
  });
});
