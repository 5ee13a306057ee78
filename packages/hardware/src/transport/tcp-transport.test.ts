import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../test/__fixtures__/socat-pair';
import { lcusRelay } from '../drivers/lcus-relay/lcus-relay';
import { createHardware } from '../supervisor/create-hardware';
import { tcpTransport } from './tcp-transport';

/** A ser2net stand-in: a TCP server that decodes LCUS relay frames itself. */
async function startRelayServer(port = 0): Promise<{ server: Server; port: number; frames: number[][]; sockets: Set<Socket> }> {
  const frames: number[][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let pending: number[] = [];
    socket.on('data', (chunk) => {
      pending.push(...chunk);
      while (pending.length >= 4) {
        frames.push(pending.slice(0, 4));
        pending = pending.slice(4);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address !== null ? address.port : 0, frames, sockets };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe('tcpTransport (ser2net)', () => {
  it('sends frames over TCP and reconnects after the server drops the connection', async () => {
    const relay = await startRelayServer();
    servers.push(relay.server);
    const hardware = createHardware({
      devices: [{ id: 'relay', transport: tcpTransport({ host: '127.0.0.1', port: relay.port }), driver: lcusRelay() }] as const,
      backoff: { initialDelayMs: 10, maxDelayMs: 50 },
    });
    hardware.start();
    try {
      await until(() => hardware.status('relay').health.state === 'connected');
      await hardware.device('relay').set(1, true);
      await until(() => relay.frames.some((frame) => frame.join() === [0xa0, 1, 1, 0xa2].join()));
      expect(hardware.status('relay').transport).toEqual({ kind: 'tcp', address: `127.0.0.1:${relay.port}` });
      for (const socket of relay.sockets) socket.destroy();
      await until(() => hardware.status('relay').health.reconnects === 1 && hardware.status('relay').health.state === 'connected', 10_000, 'reconnected');
      // The wanted state is sent again on the new connection.
      await until(() => relay.frames.filter((frame) => frame.join() === [0xa0, 1, 1, 0xa2].join()).length === 2);
    } finally {
      await hardware.stop();
    }
  });

  it('reports an unreachable server as open failures with growing delays', async () => {
    const relay = await startRelayServer();
    const port = relay.port;
    await new Promise((resolve) => relay.server.close(resolve));
    const hardware = createHardware({ devices: [{ id: 'relay', transport: tcpTransport({ host: '127.0.0.1', port }), driver: lcusRelay() }] as const, backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
    hardware.start();
    try {
      await until(() => hardware.status('relay').health.attempt >= 3);
      expect(hardware.status('relay').health.lastError).toMatchObject({ code: 'DEVICE_OPEN_FAILED', message: expect.stringContaining('ECONNREFUSED') });
    } finally {
      await hardware.stop();
    }
  });
});
