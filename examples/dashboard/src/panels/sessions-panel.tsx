import { SessionControls } from '../components/session-controls';
import { StatusChip } from '../components/status-chip';
import { formatClock } from '../format';
import { useNow } from '../state/use-now';
import type { SessionAction } from '../state/use-session-actions';
import { elapsedOf, type SessionView } from '../state/use-sessions';
import { describeSound } from './now-playing';
import { SessionForm } from './session-form';
import type { Session } from '../api/types';

/**
 * The list of sessions (newest first) with their controls, and the form that creates one.
 *
 * @example
 * ```tsx
 * <SessionsPanel sessions={sessions} onAction={act} onCreated={created} />
 * ```
 */
export function SessionsPanel({
  sessions,
  loaded,
  onAction,
  onCreated,
}: {
  sessions: SessionView[];
  loaded: boolean;
  onAction: (id: string, action: SessionAction) => void;
  onCreated: (session: Session, begin: boolean) => void;
}) {
  const now = useNow(1000);
  return (
    <section class="panel sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title" class="panel__title">
        Sessions
      </h2>
      <SessionForm onCreated={onCreated} />
      {loaded && sessions.length === 0 ? (
        <p class="empty">No sessions yet.</p>
      ) : (
        <ul class="session-list" aria-label="Your sessions">
          {sessions.slice(0, 12).map((view) => (
            <li key={view.session.id} class="session-list__item" data-session-id={view.session.id} data-status={view.session.status}>
              <div class="session-list__text">
                <p class="session-list__intention">{view.session.intention}</p>
                <p class="session-list__meta">
                  <StatusChip status={view.session.status} />
                  <span>
                    {formatClock(elapsedOf(view, now))} / {formatClock(view.session.duration)}
                  </span>
                  <span>{describeSound(view.session.audioType, view.session.frequencies, view.session.prayerBowlMode)}</span>
                </p>
              </div>
              <SessionControls session={view.session} compact onAction={(action) => onAction(view.session.id, action)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
