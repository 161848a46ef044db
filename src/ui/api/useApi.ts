import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; keeps the current data on screen while it does (no flicker on live updates). */
  reload: () => Promise<void>;
  setData: (update: T | ((current: T | undefined) => T)) => void;
}

/**
 * Runs `load` when `key` changes and whenever `reload` is called. Answers that arrive after a newer
 * request started are dropped, so fast filter changes never show stale lists.
 */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (clear: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    if (clear) setDataState(undefined);
    try {
      const result = await loadRef.current();
      if (mine !== generation.current) return;
      setDataState(result);
      setError(null);
    } catch (err) {
      if (mine !== generation.current) return;
      setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run(true);
  }, [key, run]);

  const reload = useCallback(() => run(false), [run]);
  const setData = useCallback((update: T | ((current: T | undefined) => T)) => {
    setDataState((current) =>
      typeof update === 'function' ? (update as (c: T | undefined) => T)(current) : update,
    );
  }, []);

  return { data, error, loading, reload, setData };
}
