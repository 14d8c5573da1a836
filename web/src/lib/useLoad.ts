import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, networkError } from '../api/errors';

interface Loaded<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

export interface Load<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a key (the route's ids and filters) and reloads when the key changes or on demand.
 * Results of a superseded key are dropped, so a slow old answer never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Load<T> {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Loaded<T>>({ key: '' });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const fullKey = `${key}#${tick}`;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setState({ key: fullKey, data });
      },
      (error: unknown) => {
        if (live)
          setState({
            key: fullKey,
            error: error instanceof ApiError ? error : networkError(error),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [fullKey]);

  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  const current = state.key === fullKey;
  // While reloading the same key, keep showing the previous data instead of flashing a spinner.
  const sameBase = state.key.split('#')[0] === key;
  return {
    data: sameBase ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current,
    reload,
  };
}
