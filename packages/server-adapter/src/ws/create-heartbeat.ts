import type { Clock, TimerHandle } from '@vajra-stream/core';

/** How often the server pings, and how long an answer may take. */
export interface HeartbeatOptions<Member> {
  clock: Clock;
  /** Seconds between pings; `0` turns the heartbeat off. */
  intervalSeconds: number;
  /** Seconds a client has to answer a ping (keep it under the interval). */
  timeoutSeconds: number;
  ping(member: Member): void;
  /** Called once for a member that did not answer in time; it is no longer watched. */
  silent(member: Member): void;
}

/**
 * Ping every watched member each interval on one shared timer; a member that has not answered a
 * round's ping by the round's timeout is reported `silent`. The timer runs only while something is
 * watched, so an idle server holds no timer.
 *
 * @example
 * ```ts
 * const heartbeat = createHeartbeat({ clock, intervalSeconds: 30, timeoutSeconds: 10, ping: (c) => c.peer.ping(), silent: (c) => c.peer.terminate() });
 * heartbeat.watch(connection);
 * ws.on('pong', () => heartbeat.pong(connection));
 * ```
 */
export function createHeartbeat<Member>(options: HeartbeatOptions<Member>) {
  const { clock } = options;
  const enabled = Number.isFinite(options.intervalSeconds) && options.intervalSeconds > 0;
  /** Per member: answered since its last ping, else the round of its oldest unanswered ping. */
  const members = new Map<Member, { answered: boolean; since: number }>();
  const checks = new Set<TimerHandle>();
  let round = 0;
  let timer: TimerHandle | undefined;

  const beat = (): void => {
    round += 1;
    const current = round;
    for (const [member, state] of members) {
      if (state.answered) state.since = current;
      state.answered = false;
      try {
        options.ping(member);
      } catch {
        // a socket already closing: its close event forgets it
      }
    }
    const check = clock.setTimeout(() => {
      checks.delete(check);
      for (const [member, state] of [...members]) {
        if (state.answered || state.since > current) continue;
        members.delete(member);
        options.silent(member);
      }
      if (members.size === 0) stop();
    }, options.timeoutSeconds * 1000);
    checks.add(check);
  };

  const stop = (): void => {
    clock.clearInterval(timer);
    timer = undefined;
    for (const check of checks) clock.clearTimeout(check);
    checks.clear();
  };

  return {
    /** Start pinging `member` from the next round. */
    watch(member: Member): void {
      if (!enabled) return;
      members.set(member, { answered: true, since: round });
      timer ??= clock.setInterval(beat, options.intervalSeconds * 1000);
    },
    /** Stop watching `member` (it closed). */
    forget(member: Member): void {
      if (members.delete(member) && members.size === 0) stop();
    },
    /** `member` answered a ping. */
    pong(member: Member): void {
      const state = members.get(member);
      if (state !== undefined) state.answered = true;
    },
    /** Stop every timer and forget everyone. */
    stop(): void {
      members.clear();
      stop();
    },
  };
}
