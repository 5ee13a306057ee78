import type { Session } from '../sessions/session';
import type { Wheel } from './wheel';
import { recitationsOf, rotationsAt } from './wheel-counting';
import { isoInstant, parseInstant } from '../clock/iso-instant';

/** Seconds `a + b ms` with millisecond precision, free of binary float noise. */
const addMs = (seconds: number, ms: number): number => Math.round(seconds * 1000 + ms) / 1000;

/** The wheel with its counts advanced to `now` (ms; unchanged when it is not spinning). */
export function advanceWheel(wheel: Wheel, now: number): Wheel {
  if (wheel.segment === null) return wheel;
  const { rotations, phase } = rotationsAt(wheel.segment, now);
  const lastTick = parseInstant(wheel.segment.lastTickAt);
  return {
    ...wheel,
    rotations,
    phase,
    recitations: recitationsOf(rotations, wheel.copiesPerRotation),
    spinningSeconds: addMs(wheel.spinningSeconds, Math.max(0, now - lastTick)),
    segment: { ...wheel.segment, lastTickAt: isoInstant(now) },
    updatedAt: isoInstant(now),
  };
}

/** The wheel set spinning at `now` (ms), keeping the fraction of a turn it had. */
export function startWheel(wheel: Wheel, now: number): Wheel {
  return {
    ...wheel,
    status: 'spinning',
    startedAt: isoInstant(now),
    updatedAt: isoInstant(now),
    segment: { since: isoInstant(now), rpm: wheel.rpm, rotationsAtStart: wheel.rotations, phaseAtStart: wheel.phase, lastTickAt: isoInstant(now) },
  };
}

/** The wheel stopped at `now` (ms) with its counts up to that instant. */
export function stopWheel(wheel: Wheel, now: number): Wheel {
  return { ...advanceWheel(wheel, now), status: 'stopped', stoppedAt: isoInstant(now), segment: null };
}

/**
 * An attached wheel brought to its session's state: spinning from the instant the session runs, stopped
 * at the instant it paused, stopped or completed (never before its last durable count). Returns the same
 * object when nothing changes.
 */
export function followSession(wheel: Wheel, session: Session, now: number): Wheel {
  if (session.status === 'running') {
    if (wheel.status === 'spinning') return wheel;
    const since = session.runningSince === null ? now : parseInstant(session.runningSince);
    return startWheel(wheel, Math.min(since, now));
  }
  if (wheel.status !== 'spinning') return wheel;
  const instant = parseInstant(session.completedAt ?? session.stoppedAt ?? session.updatedAt);
  const lastTick = wheel.segment === null ? now : parseInstant(wheel.segment.lastTickAt);
  return stopWheel(wheel, Math.max(lastTick, Math.min(instant, now)));
}

/**
 * A wheel found spinning in the store when the kernel starts. An attached wheel agrees with its session
 * on the time the process was down: it counts that time while the session counts it (running) and stops
 * where the session stopped. A free wheel resumes from its last durable count: nobody spun it meanwhile.
 */
export function resumeWheel(wheel: Wheel, session: Session | undefined, now: number): Wheel {
  if (wheel.segment === null) return wheel;
  if (session !== undefined) return followSession(wheel, session, now);
  const { phase } = rotationsAt(wheel.segment, parseInstant(wheel.segment.lastTickAt));
  return { ...wheel, phase, segment: { since: isoInstant(now), rpm: wheel.rpm, rotationsAtStart: wheel.rotations, phaseAtStart: phase, lastTickAt: isoInstant(now) } };
}
