import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Page, Session } from '../api/types';
import { useDashboard } from './dashboard-context';
import { useSocketEvent } from './use-socket-event';
import { useSocketState } from './use-socket-state';

/** A session with the moment it reached the page, so running time can be counted on locally. */
export interface SessionView {
  session: Session;
  receivedAt: number;
}

const EVENTS = ['session:created', 'session:updated', 'session:started', 'session:paused', 'session:resumed', 'session:stopped', 'session:completed', 'session:recovered', 'session:deleted'];

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
  const { api, notify } = useDashboard();
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const socketState = useSocketState();

  const upsert = useCallback((session: Session) => {
    setSessions((list) => {
      const view = { session, receivedAt: Date.now() };
      const index = list.findIndex((item) => item.session.id === session.id);
      if (index < 0) return [view, ...list];
      const next = list.slice();
      next[index] = view;
      return next;
    });
  }, []);

  const reload = useCallback(async () => {
    try {
      const page = await api.get<Page<Session>>('/api/v1/sessions', { limit: 50 });
      const receivedAt = Date.now();
      setSessions(page.items.map((session) => ({ session, receivedAt })));
      setLoaded(true);
    } catch (error) {
      notify(`Could not load sessions: ${(error as Error).message}`, 'error');
    }
  }, [api, notify]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (socketState === 'open') void reload();
  }, [socketState, reload]);

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
