import { serve as honoNodeServe } from '@hono/node-server';
import { createVajra, silentLogger, type Logger, type Vajra } from '@vajra-stream/core';
import express from 'express';
import { Hono } from 'hono';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions, type VajraServer } from '../src/index';
import { vajraExpress } from '../src/express/index';
import { vajraHono } from '../src/hono/index';
import { attachWebSocket, serve, toNodeListener } from '../src/node/index';
import { createSecondHost, type SecondHost } from './second-host';

// What another machine sees: run inside the namespace, it posts a session, lists sessions and asks for the
// WebSocket upgrade, and prints the three statuses.
const probe = (base: string, token?: string): string => `
const headers = { 'content-type': 'application/json', ${token === undefined ? '' : `authorization: 'Bearer ${token}'`} };
const post = await fetch('${base}/api/v1/sessions', { method: 'POST', headers, body: JSON.stringify({ intention: 'peace', duration: 60 }) });
const list = await fetch('${base}/api/v1/sessions');
const http = await import('node:http');
const upgrade = await new Promise((resolve, reject) => {
  const req = http.request('${base}/ws', { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers } });
  req.on('upgrade', (_res, socket) => { socket.destroy(); resolve(101); });
  req.on('response', (res) => { res.resume(); resolve(res.statusCode); });
  req.on('error', reject);
  req.end();
});
console.log(JSON.stringify({ post: post.status, list: list.status, upgrade }));
`;

interface Statuses {
  post: number;
  list: number;
  upgrade: number;
}

/** One embedding, as apps write it by hand: the listener on 0.0.0.0, no listen helper of ours. */
interface Embedding {
  name: string;
  listen(server: VajraServer): Promise<{ port: number; close(): Promise<void> }>;
}

const closeServer = (httpServer: Server) =>
  new Promise<void>((resolve) => {
    httpServer.close(() => resolve());
    httpServer.closeAllConnections();
  });

const embeddings: Embedding[] = [
  {
    name: 'node:http + toNodeListener + attachWebSocket',
    async listen(server) {
      const httpServer = createHttpServer(toNodeListener(server));
      const ws = attachWebSocket(httpServer, server);
      await new Promise<void>((resolve) => httpServer.listen(0, '0.0.0.0', resolve));
      return {
        port: (httpServer.address() as AddressInfo).port,
        close: async () => {
          ws.close();
          await closeServer(httpServer);
        },
      };
    },
  },
  {
    name: "Express app.listen('0.0.0.0')",
    async listen(server) {
      const app = express();
      app.use(vajraExpress(server));
      const httpServer = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '0.0.0.0', () => resolve(s));
      });
      return { port: (httpServer.address() as AddressInfo).port, close: () => closeServer(httpServer) };
    },
  },
  {
    name: 'Hono through @hono/node-server on 0.0.0.0',
    async listen(server) {
      const app = new Hono();
      app.use(vajraHono(server));
      const httpServer = await new Promise<Server>((resolve) => {
        const s = honoNodeServe({ fetch: app.fetch, port: 0, hostname: '0.0.0.0' }, () => resolve(s as Server)) as Server;
      });
      return { port: (httpServer.address() as AddressInfo).port, close: () => closeServer(httpServer) };
    },
  },
];

const recordingLogger = (warnings: string[]): Logger => {
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message) => void warnings.push(message), child: () => logger };
  return logger;
};

describe('a second host on the network (network namespace + veth)', () => {
  let peer: SecondHost;
  let vajra: Vajra;
  beforeAll(async () => {
    peer = await createSecondHost();
    vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
  }, 60_000);
  afterAll(async () => {
    await vajra?.stop();
    await peer?.remove();
  });

  const from = async (port: number, token?: string): Promise<Statuses> => JSON.parse(await peer.node(probe(`http://${peer.localAddress}:${port}`, token))) as Statuses;
  const mount = async (embedding: Embedding, options: ServerOptions) => {
    const server = createServer(vajra, { rateLimit: false, ...options });
    const listening = await embedding.listen(server);
    return {
      server,
      port: listening.port,
      close: async () => {
        await listening.close();
        await server.close();
      },
    };
  };

  for (const embedding of embeddings) {
    it(`${embedding.name}: refuses writes and the WebSocket without credentials, accepts them with a key`, async () => {
      const mounted = await mount(embedding, { auth: { apiKeys: [{ name: 'tara', key: 'tara-key-0123456789' }] } });
      try {
        const anonymous = await from(mounted.port);
        expect(anonymous.post).toBe(401);
        expect(anonymous.list).toBe(200);
        // Hono and Express here have no WebSocket attached: the upgrade is never accepted.
        expect(anonymous.upgrade).not.toBe(101);
        if (embedding.name.startsWith('node:http')) expect(anonymous.upgrade).toBe(401);
        const keyed = await from(mounted.port, 'tara-key-0123456789');
        expect(keyed.post).toBe(201);
        if (embedding.name.startsWith('node:http')) expect(keyed.upgrade).toBe(101);
      } finally {
        await mounted.close();
      }
    }, 60_000);

    it(`${embedding.name}: with auth: 'none', accepts anonymous writes and warns at start`, async () => {
      const warnings: string[] = [];
      const mounted = await mount(embedding, { auth: 'none', logger: recordingLogger(warnings) });
      try {
        expect(warnings.some((w) => w.includes('auth is off'))).toBe(true);
        expect((await from(mounted.port)).post).toBe(201);
      } finally {
        await mounted.close();
      }
    }, 60_000);
  }

  it('serve() on 0.0.0.0: the peer needs a key for writes and the WebSocket', async () => {
    const server = createServer(vajra, { rateLimit: false, auth: { apiKeys: [{ name: 'tara', key: 'tara-key-0123456789' }] } });
    const listening = await serve(server, { port: 0, hostname: '0.0.0.0' });
    try {
      expect(await from(listening.port)).toEqual({ post: 401, list: 200, upgrade: 401 });
      expect(await from(listening.port, 'tara-key-0123456789')).toEqual({ post: 201, list: 200, upgrade: 101 });
    } finally {
      await listening.close();
    }
  }, 60_000);

  it('serve() on loopback behind a reverse proxy on the network address: proxied writes need a key', async () => {
    const server = createServer(vajra, { rateLimit: false, auth: { apiKeys: [{ name: 'tara', key: 'tara-key-0123456789' }] } });
    const upstream = await serve(server, { port: 0, hostname: '127.0.0.1' });
    // A minimal reverse proxy, as nginx would be: it adds X-Forwarded-For and relays requests and upgrades.
    const proxy = createHttpServer((req, res) => {
      const forwarded = httpRequest(
        { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forwarded);
    });
    proxy.on('upgrade', (req, socket) => {
      const forwarded = httpRequest({ host: '127.0.0.1', port: upstream.port, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress } });
      forwarded.on('response', (answer) => {
        socket.end(`HTTP/1.1 ${answer.statusCode} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        answer.resume();
      });
      forwarded.on('upgrade', (_answer, upstreamSocket) => {
        socket.end('HTTP/1.1 101 Switching Protocols\r\n\r\n');
        upstreamSocket.destroy();
      });
      forwarded.end();
    });
    await new Promise<void>((resolve) => proxy.listen(0, peer.localAddress, resolve));
    try {
      expect(server.exposed).toBe(false);
      const port = (proxy.address() as AddressInfo).port;
      expect(await from(port)).toEqual({ post: 401, list: 200, upgrade: 401 });
      expect((await from(port, 'tara-key-0123456789')).post).toBe(201);
    } finally {
      await closeServer(proxy);
      await upstream.close();
    }
  }, 60_000);
});
