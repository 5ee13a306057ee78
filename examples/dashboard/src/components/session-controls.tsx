import type { Session } from '../api/types';
import { actionsFor, type SessionAction } from '../state/use-session-actions';
import { Icon, type IconName } from './icon';

const LOOK: Record<SessionAction, { label: string; icon: IconName }> = {
  start: { label: 'Start', icon: 'play' },
  pause: { label: 'Pause', icon: 'pause' },
  resume: { label: 'Resume', icon: 'play' },
  stop: { label: 'Stop', icon: 'stop' },
};

/**
 * The buttons for the transitions a session can take now (start; pause and stop; resume and stop).
 *
 * @example
 * ```tsx
 * <SessionControls session={session} onAction={(action) => act(session.id, action)} />
 * ```
 */
export function SessionControls({ session, onAction, compact = false }: { session: Session; onAction: (action: SessionAction) => void; compact?: boolean }) {
  return (
    <div class="session-controls">
      {actionsFor(session.status).map((action, index) => (
        <button
          key={action}
          type="button"
          class={index === 0 ? 'button button--accent' : 'button'}
          data-action={action}
          aria-label={compact ? `${LOOK[action].label} “${session.intention}”` : undefined}
          onClick={() => onAction(action)}
        >
          <Icon name={LOOK[action].icon} />
          {!compact && LOOK[action].label}
        </button>
      ))}
    </div>
  );
}
