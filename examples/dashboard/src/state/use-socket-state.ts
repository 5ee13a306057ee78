import { useEffect, useState } from 'preact/hooks';
import type { SocketState } from '../api/socket-client';
import { useDashboard } from './dashboard-context';

/**
 * The WebSocket's state, re-rendering on every change.
 *
 * @example
 * ```ts
 * const state = useSocketState();
 * useEffect(() => { if (state === 'open') reload(); }, [state]);
 * ```
 */
export function useSocketState(): SocketState {
  const { socket } = useDashboard();
  const [state, setState] = useState<SocketState>(socket.state);
  useEffect(() => socket.onState(setState), [socket]);
  return state;
}
