import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Page } from '../api/types';
import { useDashboard } from './dashboard-context';
import { useSocketState } from './use-socket-state';

/**
 * A list the server holds (its first 50 items at `path`), loaded on mount and again after every reconnection
 * so nothing missed while offline stays stale; a failed load is reported as `Could not load <what>`.
 * `toItems` and `idOf` must be stable (defined outside the component): a new one reloads the list.
 *
 * @example
 * ```ts
 * const { items, setItems, loaded, upsert } = useReloadedList<Wheel, Wheel>('/api/v1/prayers/wheels', 'prayer wheels', wheelsOf, idOfWheel);
 * ```
 */
export function useReloadedList<Raw, Item>(path: string, what: string, toItems: (raw: Raw[]) => Item[], idOf: (item: Item) => string) {
  const { api, notify } = useDashboard();
  const [items, setItems] = useState<Item[]>([]);
  const [loaded, setLoaded] = useState(false);
  const socketState = useSocketState();

  /** Replaces the item with the same id, or puts it first. */
  const upsert = useCallback(
    (item: Item) => {
      setItems((list) => {
        const index = list.findIndex((other) => idOf(other) === idOf(item));
        if (index < 0) return [item, ...list];
        const next = list.slice();
        next[index] = item;
        return next;
      });
    },
    [idOf],
  );

  const reload = useCallback(async () => {
    try {
      setItems(toItems((await api.get<Page<Raw>>(path, { limit: 50 })).items));
      setLoaded(true);
    } catch (error) {
      notify(`Could not load ${what}: ${(error as Error).message}`, 'error');
    }
  }, [api, notify, path, what, toItems]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (socketState === 'open') void reload();
  }, [socketState, reload]);

  return { items, setItems, loaded, upsert, reload };
}
