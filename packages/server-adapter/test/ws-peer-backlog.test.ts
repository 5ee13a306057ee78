// The send queue limit of a WebSocket peer, both ways a peer can report its backlog: by calling `done` for each
// message (the server counts what is unconfirmed), or by `bufferedBytes` (then `send` gets no `done`).
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type WsPeer } from '../src/index';

const QUEUE_BYTES = 4096;
const frame = { owner: null, bins: Array.from({ length: 40 }, (_, i) => i / 7) }; // some 800 characters once serialised
const frameText = JSON.stringify({ type: 'audio:spectrum', data: frame });

let vajra: Vajra | undefined;
afterEach(async () => vajra?.stop());

/** A server with one open connection on `peer`, subscribed to `audio:spectrum`; gives the messages it was sent. */
async function subscribed(peer: Omit<WsPeer, 'close' | 'ping' | 'terminate'>) {
  vajra = createVajra({ logger: silentLogger, env: {} });
  await vajra.start();
  const server = createServer(vajra, { rateLimit: false, limits: { wsQueueBytes: QUEUE_BYTES } });
  server.setListening('127.0.0.1');
  const accepted = await server.websocket.upgrade(new Request('http://127.0.0.1:8000/ws', { headers: { upgrade: 'websocket', host: '127.0.0.1:8000' } }), { remoteAddress: '127.0.0.1' });
  if (accepted instanceof Response) throw new Error(`upgrade refused: ${accepted.status}`);
  const connection = server.websocket.open({ ...peer, close: () => undefined, ping: () => undefined, terminate: () => undefined }, accepted.context);
  connection.message(JSON.stringify({ type: 'subscribe', topics: ['audio:spectrum'] }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { server, emit: () => (vajra!.events.emit as (name: string, payload: unknown) => void)('audio:spectrum', frame) };
}

const types = (sent: string[]) => sent.map((text) => (JSON.parse(text) as { type: string }).type);

describe('WebSocket send queue limit', () => {
  it('counts the messages whose done has not come, and drops the topic once they would pass the limit', async () => {
    const sent: string[] = [];
    const pending: Array<(error?: Error) => void> = [];
    const { server, emit } = await subscribed({
      send(data, done) {
        sent.push(data);
        pending.push(done!);
      },
    });
    pending.splice(0).forEach((done) => done()); // the `subscribed` reply left
    const fit = Math.floor(QUEUE_BYTES / frameText.length);
    for (let i = 0; i < fit; i += 1) emit();
    expect(types(sent).filter((t) => t === 'audio:spectrum')).toHaveLength(fit);
    expect(server.websocket.stats().topics['audio:spectrum']).toBe(1);
    pending.splice(0).forEach((done) => done()); // they left: the queue is empty again
    for (let i = 0; i < fit; i += 1) emit();
    expect(server.websocket.stats().topics['audio:spectrum']).toBe(1);
    emit(); // one more than fits
    expect(server.websocket.stats().topics['audio:spectrum']).toBeUndefined();
    expect(JSON.parse(sent.at(-1)!)).toEqual({ type: 'unsubscribed', topic: 'audio:spectrum', reason: 'slow-consumer' });
  });

  it('reads the backlog of a peer with bufferedBytes, calls its send without done, and drops the topic past the limit', async () => {
    const sent: string[] = [];
    let buffered = 0;
    const dones: unknown[] = [];
    const { server, emit } = await subscribed({
      send(data, done) {
        sent.push(data);
        dones.push(done);
        buffered += data.length;
      },
      bufferedBytes: () => buffered,
    });
    buffered = 0; // the `subscribed` reply left
    for (let i = 0; i < 20; i += 1) {
      emit();
      buffered = 0; // each frame leaves at once: never a backlog
    }
    expect(types(sent).filter((t) => t === 'audio:spectrum')).toHaveLength(20);
    expect(dones.every((done) => done === undefined)).toBe(true);
    const fit = Math.floor(QUEUE_BYTES / frameText.length);
    for (let i = 0; i < fit; i += 1) emit(); // now nothing leaves
    expect(server.websocket.stats().topics['audio:spectrum']).toBe(1);
    emit();
    expect(server.websocket.stats().topics['audio:spectrum']).toBeUndefined();
    expect(JSON.parse(sent.at(-1)!)).toEqual({ type: 'unsubscribed', topic: 'audio:spectrum', reason: 'slow-consumer' });
  });
});
