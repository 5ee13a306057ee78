import { describe, expect, it } from 'vitest';
import { createSharedEncoder } from './create-shared-encoder';

describe('createSharedEncoder', () => {
  it('gives the UTF-8 bytes of each text, the same Buffer for the same text within one turn, and forgets it after', async () => {
    const encode = createSharedEncoder();
    const text = JSON.stringify({ type: 'session:created', data: { intention: 'ॐ मणि पद्मे हूँ — may all beings be free 🙏' } });
    const first = encode(text);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(first)).toBe(text);
    expect(first.byteLength).toBe(new TextEncoder().encode(text).byteLength);
    expect(encode(`${text}`)).toBe(first); // an equal string, as every subscriber of one event is handed
    const other = encode('{"type":"pong"}');
    expect(other.toString('utf8')).toBe('{"type":"pong"}');
    const again = encode(text);
    expect(again.toString('utf8')).toBe(text); // a different text in between did not leave stale bytes
    expect(encode(text)).toBe(again);
    await new Promise((resolve) => setImmediate(resolve));
    expect(encode(text)).not.toBe(again); // the turn ended: nothing is kept
  });
});
