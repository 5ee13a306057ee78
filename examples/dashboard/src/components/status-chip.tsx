import type { Session } from '../api/types';

const LABELS: Record<Session['status'], string> = { created: 'Ready', running: 'Playing', paused: 'Paused', stopped: 'Stopped', completed: 'Complete' };

/**
 * A small status label for a session.
 *
 * @example
 * ```tsx
 * <StatusChip status="running" />
 * ```
 */
export function StatusChip({ status }: { status: Session['status'] }) {
  return (
    <span class={`chip chip--${status}`} data-status={status}>
      {LABELS[status]}
    </span>
  );
}
