import { useCallback } from 'preact/hooks';
import type { Session } from '../api/types';
import { useDashboard } from './dashboard-context';

/** A transition a session can take. */
export type SessionAction = 'start' | 'pause' | 'resume' | 'stop';

/**
 * Run a session transition over REST, hand the updated session to `onSession`, and report failures.
 *
 * @example
 * ```ts
 * const act = useSessionActions(upsert);
 * await act(session.id, 'start');
 * ```
 */
export function useSessionActions(onSession: (session: Session) => void) {
  const { api, notify } = useDashboard();
  return useCallback(
    async (id: string, action: SessionAction): Promise<void> => {
      try {
        onSession(await api.post<Session>(`/api/v1/sessions/${encodeURIComponent(id)}/${action}`));
      } catch (error) {
        notify(`Could not ${action} the session: ${(error as Error).message}`, 'error');
      }
    },
    [api, notify, onSession],
  );
}

/**
 * The transitions offered for a session in its current state.
 *
 * @example
 * ```ts
 * actionsFor('running'); // ['pause', 'stop']
 * ```
 */
export function actionsFor(status: Session['status']): SessionAction[] {
  if (status === 'created') return ['start'];
  if (status === 'running') return ['pause', 'stop'];
  if (status === 'paused') return ['resume', 'stop'];
  return [];
}
