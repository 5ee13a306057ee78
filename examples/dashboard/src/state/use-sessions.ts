import { useCallback } from 'preact/hooks';
import type { Session } from '../api/types';
import { useReloadedList } from './use-reloaded-list';
import { useSocketEvent } from './use-socket-event';

/** A session with the moment it reached the page, so running time can be counted on locally. */
export interface SessionView {
  session: Session;
  receivedAt: number;
}

const EVENTS = ['session:created', 'session:updated', 'session:started', 'session:paused', 'session:resumed', 'session:stopped', 'session:completed', 'session:recovered', 'session:deleted'];

const viewsOf = (sessions: Session[]): SessionView[] => {
  const receivedAt = Date.now();
  return sessions.map((session) => ({ session, receivedAt }));
};
const idOfView = (view: SessionView): string => view.session.id;

/**
 * The caller's sessions, newest first, kept current by `session:*` events; reloaded after every
 * reconnection so nothing missed while offline stays stale.
 *
 * @example
 * ```ts
 * const { sessions, upsert } = useSessions();
 * ```
 */
export function useSessions() {
  const { items: sessions, setItems: setSessions, loaded, upsert: upsertView, reload } = useReloadedList('/api/v1/sessions', 'sessions', viewsOf, idOfView);
  const upsert = useCallback((session: Session) => upsertView({ session, receivedAt: Date.now() }), [upsertView]);

  useSocketEvent('session:*', EVENTS, (message) => {
    const session = (message.data as { session?: Session } | undefined)?.session;
    if (session === undefined) return;
    if (message.type === 'session:deleted') setSessions((list) => list.filter((item) => item.session.id !== session.id));
    else upsert(session);
  });

  return { sessions, loaded, upsert, reload };
}

/**
 * Seconds of running time of a session now, counted on from when the page received it.
 *
 * @example
 * ```ts
 * elapsedOf(view, Date.now());
 * ```
 */
export function elapsedOf({ session, receivedAt }: SessionView, now: number): number {
  if (session.status !== 'running') return session.elapsedTime;
  return Math.min(session.duration, session.elapsedTime + Math.max(0, now - receivedAt) / 1000);
}
