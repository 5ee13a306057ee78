import { createVajra, silentLogger } from '@vajra-stream/core';
import { request as httpRequest } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, defineRoute } from '../src/index';
import { adapters } from './adapters';

const CHUNK = 64 * 1024;
const CHUNKS = 128; // 8 MiB

/** A route streaming 8 MiB in 64 KiB chunks, each byte `index % 251` so the reader can check what arrives. */
const big = defineRoute({
  method: 'GET',
  path: '/api/v1/big',
  summary: 'A large streamed body',
  handler: () => {
    let sent = 0;
    return new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === CHUNKS) return controller.close();
          const chunk = new Uint8Array(CHUNK);
          for (let i = 0; i < CHUNK; i++) chunk[i] = (sent * CHUNK + i) % 251;
          sent++;
          controller.enqueue(chunk);
        },
      }),
      { headers: { 'content-type': 'application/octet-stream' } },
    );
  },
});

/** Read a response slowly: one event-loop turn between chunks, so the server keeps waiting for 'drain'. */
function slowGet(url: string): Promise<{ status: number; bytes: number; intact: boolean }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      res.pause();
      let bytes = 0;
      let intact = true;
      const readSome = async (): Promise<void> => {
        for (;;) {
          const chunk = res.read(16 * 1024) as Buffer | null;
          if (chunk === null) break;
          for (let i = 0; i < chunk.length; i += 997) if (chunk[i] !== (bytes + i) % 251) intact = false;
          bytes += chunk.length;
          await nextTurn();
        }
      };
      let reading = Promise.resolve();
      res.on('readable', () => (reading = reading.then(readSome)));
      res.on('end', () => void reading.then(() => resolve({ status: res.statusCode ?? 0, bytes, intact })));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe.each(adapters)('large streamed responses through $name', (adapter) => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    process.off('warning', onWarning);
    await stop?.();
  });

  it('reach a slow reader whole, with no MaxListenersExceededWarning', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const server = createServer(vajra, { routes: [big], rateLimit: false });
    const listener = await adapter.start(server);
    stop = async () => {
      await listener.close();
      server.close();
      await vajra.stop();
    };
    process.on('warning', onWarning);
    const result = await slowGet(`${listener.url}/api/v1/big`);
    expect(result).toEqual({ status: 200, bytes: CHUNK * CHUNKS, intact: true });
    // Warnings are emitted on the next tick after the listener that crosses the limit is added.
    await nextTurn();
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  });
});
