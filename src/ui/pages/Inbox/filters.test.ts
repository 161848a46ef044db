import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  conversationPath,
  filtersToSearch,
  keptAcrossViews,
  neighbourId,
  parseFilters,
  withFilter,
} from './filters.js';

describe('inbox filters in the URL', () => {
  it('reads only known, non-empty filters', () => {
    const filters = parseFilters(new URLSearchParams('status=new&channel=&q= lid &evil=1'));
    expect(filters).toEqual({ status: 'new', q: 'lid' });
  });

  it('writes them back in a stable order and builds conversation links', () => {
    const filters = withFilter(withFilter({}, 'topic', 'billing'), 'status', 'open');
    expect(filtersToSearch(filters)).toBe('?status=open&topic=billing');
    expect(conversationPath('a/b', filters)).toBe('/inbox/a%2Fb?status=open&topic=billing');
    expect(conversationPath(null, {})).toBe('/inbox');
    expect(withFilter(filters, 'status', '')).toEqual({ topic: 'billing' });
  });

  it('counts filters but not the search or the sort order', () => {
    expect(activeFilterCount({ status: 'new', q: 'x', sort: 'due' })).toBe(1);
  });

  it('keeps the search and the sort order across views', () => {
    expect(keptAcrossViews({ status: 'new', q: 'x', sort: 'due' })).toEqual({ q: 'x', sort: 'due' });
    expect(parseFilters(new URLSearchParams('sort=priority'))).toEqual({ sort: 'priority' });
  });
});

describe('j/k navigation', () => {
  const ids = ['a', 'b', 'c'];
  it('moves to the neighbour and stops at the ends', () => {
    expect(neighbourId(ids, 'a', 1)).toBe('b');
    expect(neighbourId(ids, 'b', -1)).toBe('a');
    expect(neighbourId(ids, 'c', 1)).toBe('c');
    expect(neighbourId(ids, 'a', -1)).toBe('a');
  });
  it('starts at the top (j) or bottom (k) when nothing is open', () => {
    expect(neighbourId(ids, null, 1)).toBe('a');
    expect(neighbourId(ids, null, -1)).toBe('c');
    expect(neighbourId([], null, 1)).toBeNull();
  });
});
