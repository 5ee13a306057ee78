import type { Vajra } from '@vajra-stream/core';

const MAX_ENTRIES = 50_000;

/**
 * Knows who owns the session or wheel an event is about, so the WebSocket forwards it only to
 * principals that may see it. Learns owners from the events themselves; asks the kernel on a miss.
 *
 * @example
 * ```ts
 * const owners = createOwnerIndex(vajra);
 * owners.ownerOf('session:started', { session }); // session.owner
 * ```
 */
export function createOwnerIndex(vajra: Vajra) {
  const sessions = new Map<string, string | null>();
  const wheels = new Map<string, string | null>();
  const remember = (map: Map<string, string | null>, id: string, owner: string | null): void => {
    if (map.size >= MAX_ENTRIES && !map.has(id)) map.delete(map.keys().next().value as string);
    map.set(id, owner);
  };
  const lookup = async (kind: 'session' | 'wheel', id: string): Promise<string | null> => {
    try {
      const record = kind === 'session' ? await vajra.sessions.get(id) : await vajra.wheels.get(id);
      remember(kind === 'session' ? sessions : wheels, id, record.owner);
      return record.owner;
    } catch {
      return '\u0000unknown'; // deleted or never existed: visible to admins only
    }
  };
  return {
    observe(name: string, payload: unknown): void {
      const p = payload as { session?: { id?: unknown; owner?: unknown }; wheel?: { id?: unknown; owner?: unknown } };
      if (typeof p?.session?.id === 'string') {
        if (name === 'session:deleted') sessions.delete(p.session.id);
        else remember(sessions, p.session.id, typeof p.session.owner === 'string' ? p.session.owner : null);
      }
      if (typeof p?.wheel?.id === 'string') {
        if (name === 'wheel:deleted') wheels.delete(p.wheel.id);
        else remember(wheels, p.wheel.id, typeof p.wheel.owner === 'string' ? p.wheel.owner : null);
      }
    },
    /** The owner (`null`: unowned), `undefined` when the event names none, or a promise when it must be looked up. */
    ownerOf(name: string, payload: unknown): string | null | undefined | Promise<string | null> {
      const p = payload as Record<string, unknown> | null;
      if (p === null || typeof p !== 'object') return undefined;
      const session = p.session as { owner?: unknown } | undefined;
      if (session !== undefined && typeof session === 'object') return typeof session.owner === 'string' ? session.owner : null;
      const wheel = p.wheel as { owner?: unknown } | undefined;
      if (wheel !== undefined && typeof wheel === 'object') return typeof wheel.owner === 'string' ? wheel.owner : null;
      // Our own id-only events (wheel:rotated, audio:spectrum) carry their owner; the look-up is for third-party ones.
      if (typeof p.owner === 'string' || p.owner === null) return p.owner as string | null;
      if (typeof p.wheelId === 'string') return wheels.has(p.wheelId) ? wheels.get(p.wheelId)! : lookup('wheel', p.wheelId);
      if (typeof p.sessionId === 'string') return sessions.has(p.sessionId) ? sessions.get(p.sessionId)! : lookup('session', p.sessionId);
      void name;
      return undefined;
    },
  };
}
