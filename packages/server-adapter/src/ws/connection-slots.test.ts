import { isVajraError } from '@vajra-stream/core';
import { describe, expect, it } from 'vitest';
import { createConnectionSlots } from './connection-slots';

const codeOf = (take: () => unknown): string | undefined => {
  try {
    take();
    return undefined;
  } catch (error) {
    return isVajraError(error) ? `${error.status} ${error.code}` : 'other';
  }
};

describe('createConnectionSlots', () => {
  it('refuses past each cap and counts a released slot back only once', () => {
    const slots = createConnectionSlots({ wsConnections: 3, wsConnectionsPerAddress: 2, wsConnectionsPerPrincipal: 2 });
    const a = slots.reserve('10.0.0.1', 'key:alice');
    slots.reserve('10.0.0.1', null);
    expect(codeOf(() => slots.reserve('10.0.0.1', 'key:bob'))).toBe('429 WS_TOO_MANY_CONNECTIONS');
    slots.reserve('10.0.0.2', 'key:alice');
    expect(slots.open).toBe(3);
    expect(codeOf(() => slots.reserve('10.0.0.3', null))).toBe('503 WS_CONNECTIONS_EXHAUSTED');
    a.release();
    a.release(); // a close after an abandon, or the reverse: still one slot
    expect(slots.open).toBe(2);
    expect(codeOf(() => slots.reserve('10.0.0.3', 'key:alice'))).toBeUndefined();
    expect(codeOf(() => slots.reserve('10.0.0.4', 'key:alice'))).toBe('503 WS_CONNECTIONS_EXHAUSTED');
  });

  it('caps a principal across addresses; anonymous connections count only by address', () => {
    const slots = createConnectionSlots({ wsConnections: 100, wsConnectionsPerAddress: 5, wsConnectionsPerPrincipal: 2 });
    slots.reserve('10.0.0.1', 'jwt:carol');
    slots.reserve('10.0.0.2', 'jwt:carol');
    expect(codeOf(() => slots.reserve('10.0.0.3', 'jwt:carol'))).toBe('429 WS_TOO_MANY_CONNECTIONS');
    expect(codeOf(() => slots.reserve('10.0.0.3', 'key:carol'))).toBeUndefined();
    for (let i = 0; i < 5; i += 1) slots.reserve('10.0.0.9', null);
    expect(codeOf(() => slots.reserve('10.0.0.9', null))).toBe('429 WS_TOO_MANY_CONNECTIONS');
  });
});
