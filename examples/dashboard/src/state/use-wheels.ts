import { useState } from 'preact/hooks';
import type { Wheel, WheelDedication, WheelRotatedEvent } from '../api/types';
import { useReloadedList } from './use-reloaded-list';
import { useSocketEvent } from './use-socket-event';

const EVENTS = ['wheel:created', 'wheel:started', 'wheel:stopped', 'wheel:updated', 'wheel:deleted', 'wheel:rotated', 'wheel:dedicated'];

const wheelsOf = (wheels: Wheel[]): Wheel[] => wheels;
const idOfWheel = (wheel: Wheel): string => wheel.id;

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
  const { items: wheels, setItems: setWheels, loaded, upsert } = useReloadedList('/api/v1/prayers/wheels', 'prayer wheels', wheelsOf, idOfWheel);
  const [latestDedication, setLatestDedication] = useState<WheelDedication | null>(null);

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
