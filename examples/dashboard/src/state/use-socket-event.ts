import { useEffect, useRef } from 'preact/hooks';
import type { ServerMessage } from '../api/socket-client';
import { useDashboard } from './dashboard-context';

/**
 * Subscribe to `topic` on the WebSocket and call `listener` for every message of one of `types`.
 *
 * @example
 * ```ts
 * useSocketEvent('wheel:*', ['wheel:rotated'], (message) => update(message.data));
 * ```
 */
export function useSocketEvent(topic: string, types: readonly string[], listener: (message: ServerMessage) => void): void {
  const { socket } = useDashboard();
  const latest = useRef(listener);
  latest.current = listener;
  const key = types.join(',');
  useEffect(() => {
    socket.subscribe([topic]);
    const offs = key.split(',').map((type) => socket.on(type, (message) => latest.current(message)));
    return () => offs.forEach((off) => off());
  }, [socket, topic, key]);
}
