import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Page, Wheel, WheelDedication, WheelRotatedEvent } from '../api/types';
import { useDashboard } from './dashboard-context';
import { useSocketEvent } from './use-socket-event';
import { useSocketState } from './use-socket-state';

const EVENTS = ['wheel:created', 'wheel:started', 'wheel:stopped', 'wheel:updated', 'wheel:deleted', 'wheel:rotated', 'wheel:dedicated'];

/**
 * The caller's prayer wheels with live counts (`wheel:rotated`) and state changes (`wheel:*`),
 * reloaded after every reconnection.
 *
 * @example
 * ```ts
 * const { wheels, upsert } = useWheels();
 * ```
 */
export function useWheels() {
  const { api, notify } = useDashboard();
  const [wheels, setWheels] = useState<Wheel[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [latestDedication, setLatestDedication] = useState<WheelDedication | null>(null);
  const socketState = useSocketState();

  const upsert = useCallback((wheel: Wheel) => {
    setWheels((list) => {
      const index = list.findIndex((item) => item.id === wheel.id);
      if (index < 0) return [wheel, ...list];
      const next = list.slice();
      next[index] = wheel;
      return next;
    });
  }, []);

  const reload = useCallback(async () => {
    try {
      setWheels((await api.get<Page<Wheel>>('/api/v1/prayers/wheels', { limit: 50 })).items);
      setLoaded(true);
    } catch (error) {
      notify(`Could not load prayer wheels: ${(error as Error).message}`, 'error');
    }
  }, [api, notify]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (socketState === 'open') void reload();
  }, [socketState, reload]);

  useSocketEvent('wheel:*', EVENTS, (message) => {
    if (message.type === 'wheel:rotated') {
      const event = message.data as WheelRotatedEvent;
      setWheels((list) => list.map((wheel) => (wheel.id === event.wheelId ? { ...wheel, rotations: event.rotations, recitations: event.recitations } : wheel)));
      return;
    }
    const data = message.data as { wheel?: Wheel; dedication?: WheelDedication };
    if (data.wheel === undefined) return;
    if (message.type === 'wheel:deleted') setWheels((list) => list.filter((wheel) => wheel.id !== data.wheel!.id));
    else upsert(data.wheel);
    if (data.dedication !== undefined) setLatestDedication(data.dedication);
  });

  return { wheels, loaded, upsert, latestDedication };
}
