/**
 * The sessions known to have no prayer wheel attached, so that their transitions can skip looking the
 * wheels up. Sound only while one instance writes the wheels (the kernel keeps none when instances share
 * the store) and every attachment goes through the wheel service's mutex, which forgets the session first.
 * Bounded: past `limit` sessions it forgets them all and learns again. Internal to the kernel.
 *
 * @example
 * ```ts
 * const unattached = createUnattachedSessions();
 * unattached.add('ses_1'); // a transition of ses_1 found no wheel
 * unattached.delete('ses_1'); // a wheel is being attached to ses_1
 * unattached.has('ses_1'); // false: the next transition looks again
 * ```
 */
export interface UnattachedSessions {
  has(sessionId: string): boolean;
  add(sessionId: string): void;
  delete(sessionId: string): void;
}

/**
 * Create an empty {@link UnattachedSessions} of at most `limit` sessions.
 * @example
 * ```ts
 * const unattached = createUnattachedSessions(10_000);
 * ```
 */
export function createUnattachedSessions(limit = 10_000): UnattachedSessions {
  const known = new Set<string>();
  return {
    has: (sessionId) => known.has(sessionId),
    add(sessionId) {
      if (known.size >= limit) known.clear();
      known.add(sessionId);
    },
    delete: (sessionId) => void known.delete(sessionId),
  };
}
