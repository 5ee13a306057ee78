import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { serverPerTest } from './server-per-test';

/** Send `request` on `socket` and read one whole answer (Content-Length framed): its head and whether the server then closed. */
function exchange(socket: Socket, request: string): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer): void => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(data.slice(0, end))?.[1] ?? 0);
      if (data.length < end + 4 + length) return;
      socket.off('data', onData).off('error', reject);
      resolve({ head: data.slice(0, end), body: data.slice(end + 4, end + 4 + length) });
    };
    socket.on('data', onData).on('error', reject);
    socket.write(request);
  });
}

describe.each(adapters)('keep-alive through $name', (adapter) => {
  const start = serverPerTest(adapter);

  it('answers several body-less requests on one connection and leaves it open', async () => {
    const { url } = await start({ rateLimit: { max: 100, windowMs: 60_000 } });
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    let closed = false;
    socket.once('close', () => (closed = true));
    try {
      for (const path of ['/health', '/api/v1/sessions?limit=2', '/health', '/api/v1/no-such-route']) {
        const { head, body } = await exchange(socket, `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
        expect(head).not.toMatch(/\r\nconnection:\s*close/i);
        expect(JSON.parse(body)).toBeTypeOf('object');
      }
      expect(closed).toBe(false);
    } finally {
      socket.destroy();
    }
  });
});
