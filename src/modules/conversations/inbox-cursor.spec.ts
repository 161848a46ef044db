import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';
import { NOT_DUE } from './inbox-order.js';
import { fts5Query, orTsquery } from './search-query.js';

const ID = '6f1c8f7e-0000-4000-8000-000000000000';
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('inbox cursor', () => {
  it('round-trips and refuses forgeries', () => {
    const cursor = { sort: 'activity' as const, keys: [1_700_000_000_000], id: ID };
    expect(decodeCursor(encodeCursor(cursor), 'activity')).toEqual(cursor);
    expect(() => decodeCursor('bm9wZQ', 'activity')).toThrow(/cursor/);
    expect(() => decodeCursor(encoded([1, 'x']), 'activity')).toThrow(/cursor/);
    expect(() => decodeCursor(encoded(['activity', 1.5, ID]), 'activity')).toThrow(/cursor/);
    expect(() => decodeCursor(encoded(['due', 1, ID]), 'due')).toThrow(/cursor/);
  });

  it('belongs to the order it was read in', () => {
    const cursor = { sort: 'due' as const, keys: [NOT_DUE, -1_700_000_000_000], id: ID };
    expect(decodeCursor(encodeCursor(cursor), 'due')).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), 'priority')).toThrow(/another sort order/);
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
