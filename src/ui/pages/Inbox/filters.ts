/** Inbox filters live in the URL, so a view can be bookmarked, shared and linked from the dashboard. */
export const FILTER_KEYS = [
  'status',
  'channel',
  'departmentId',
  'assigneeId',
  'sentiment',
  'topic',
  'q',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Not filters: they stay when a view is chosen or the filters are cleared. */
const KEPT_ACROSS_VIEWS = ['q', 'sort'] as const satisfies readonly FilterKey[];

/** The search and the sort order of `filters`, to carry into another view. */
export function keptAcrossViews(filters: Filters): Filters {
  const kept: Filters = {};
  for (const key of KEPT_ACROSS_VIEWS) if (filters[key]) kept[key] = filters[key];
  return kept;
}

export function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function filtersToSearch(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export function withFilter(filters: Filters, key: FilterKey, value: string): Filters {
  const next = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

export function activeFilterCount(filters: Filters): number {
  return FILTER_KEYS.filter((key) => !(KEPT_ACROSS_VIEWS as readonly string[]).includes(key) && filters[key])
    .length;
}

export function conversationPath(id: string | null, filters: Filters): string {
  return (id ? `/inbox/${encodeURIComponent(id)}` : '/inbox') + filtersToSearch(filters);
}

/** The id next to `current` in the list (j = +1, k = -1); the first one when nothing is open. */
export function neighbourId(ids: string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current ? ids.indexOf(current) : -1;
  if (index === -1) return ids[step === 1 ? 0 : ids.length - 1];
  const next = index + step;
  return next >= 0 && next < ids.length ? ids[next] : current;
}
