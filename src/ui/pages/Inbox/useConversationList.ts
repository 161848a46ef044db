import { useCallback, useEffect, useRef, useState } from 'react';
import { conversationsApi } from '../../api/endpoints.js';
import type { ConversationSummary } from '../../api/types.js';
import type { Filters } from './filters.js';

const PAGE = 50;
const MAX_PAGE = 100;

export interface ConversationListState {
  items: ConversationSummary[] | undefined;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Fetches the first page again (sized to what is on screen) without blanking the list. */
  refresh: () => void;
}

/** The conversation list for the given filters, with cursor paging and quiet live refreshes. */
export function useConversationList(filters: Filters, key: string): ConversationListState {
  const [items, setItems] = useState<ConversationSummary[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const shown = useRef(PAGE);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fetchFirst = useCallback(async (clear: boolean) => {
    const mine = ++generation.current;
    if (clear) {
      setItems(undefined);
      shown.current = PAGE;
    }
    setLoading(true);
    try {
      const page = await conversationsApi.list({
        ...filtersRef.current,
        limit: Math.min(MAX_PAGE, Math.max(PAGE, shown.current)),
      });
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void fetchFirst(true);
  }, [key, fetchFirst]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    conversationsApi
      .list({ ...filtersRef.current, limit: PAGE, cursor })
      .then((page) => {
        if (mine !== generation.current) return;
        setItems((current) => {
          const seen = new Set((current ?? []).map((c) => c.id));
          const merged = [...(current ?? []), ...page.items.filter((c) => !seen.has(c.id))];
          shown.current = merged.length;
          return merged;
        });
        setCursor(page.nextCursor);
      })
      .catch((err: unknown) => setError(err))
      .finally(() => setLoadingMore(false));
  }, [cursor]);

  const refresh = useCallback(() => void fetchFirst(false), [fetchFirst]);

  return { items, loading, error, hasMore: !!cursor, loadingMore, loadMore, refresh };
}
