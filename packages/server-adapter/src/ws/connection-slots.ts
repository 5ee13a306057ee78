import { VajraError } from '@vajra-stream/core';

/** One open (or opening) WebSocket's place in the connection counts; `release` gives it back once. */
export interface ConnectionSlot {
  release(): void;
}

/** The caps a {@link createConnectionSlots} enforces. */
export interface ConnectionCaps {
  /** Open connections at most, for the whole server (over: 503 `WS_CONNECTIONS_EXHAUSTED`). */
  wsConnections: number;
  /** Open connections at most from one client address (over: 429 `WS_TOO_MANY_CONNECTIONS`). */
  wsConnectionsPerAddress: number;
  /** Open connections at most of one authenticated principal (over: 429 `WS_TOO_MANY_CONNECTIONS`). */
  wsConnectionsPerPrincipal: number;
}

/**
 * Counts WebSocket connections for the whole server, per client address and per principal, and hands
 * out a slot only while every count is under its cap. A slot is taken when an upgrade is accepted
 * (before the handshake) so concurrent upgrades cannot overshoot, and released when the socket closes
 * or the handshake never completes.
 *
 * @example
 * ```ts
 * const slots = createConnectionSlots({ wsConnections: 10_000, wsConnectionsPerAddress: 100, wsConnectionsPerPrincipal: 50 });
 * const slot = slots.reserve('203.0.113.7', 'key:alice'); // throws a 429 VajraError past a cap
 * slot.release();
 * ```
 */
export function createConnectionSlots(caps: ConnectionCaps) {
  const perAddress = new Map<string, number>();
  const perPrincipal = new Map<string, number>();
  let open = 0;
  const add = (counts: Map<string, number>, key: string, delta: number): void => {
    const next = (counts.get(key) ?? 0) + delta;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
  };
  return {
    /** Connections holding a slot. */
    get open(): number {
      return open;
    },
    /** Take a slot for a connection from `address` of `principal` (`null`: anonymous), or throw past a cap. */
    reserve(address: string, principal: string | null): ConnectionSlot {
      if (open >= caps.wsConnections) throw new VajraError('WS_CONNECTIONS_EXHAUSTED', 'Too many open WebSocket connections; try again later', { status: 503 });
      if ((perAddress.get(address) ?? 0) >= caps.wsConnectionsPerAddress) throw tooMany('address', caps.wsConnectionsPerAddress);
      if (principal !== null && (perPrincipal.get(principal) ?? 0) >= caps.wsConnectionsPerPrincipal) throw tooMany('principal', caps.wsConnectionsPerPrincipal);
      open += 1;
      add(perAddress, address, 1);
      if (principal !== null) add(perPrincipal, principal, 1);
      let held = true;
      return {
        release() {
          if (!held) return;
          held = false;
          open -= 1;
          add(perAddress, address, -1);
          if (principal !== null) add(perPrincipal, principal, -1);
        },
      };
    },
  };
}

const tooMany = (per: 'address' | 'principal', limit: number) =>
  new VajraError('WS_TOO_MANY_CONNECTIONS', `At most ${limit} open WebSocket connections per ${per === 'address' ? 'client address' : 'principal'}; close one first`, {
    status: 429,
    details: { per, limit },
  });
