// GET /api/v1/llm/health against an OpenAI-compatible vendor on 127.0.0.1 that counts the probes it gets
// (GET /v1/models): anonymous callers cannot make the server call the vendor once per request.
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { oraclePlugin } from '@vajra-stream/oracle';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { call } from './harness';

const KEY = 'health-reader-key-0123456789';

describe('/api/v1/llm/health', () => {
  let vendor: Server;
  let vendorUrl: string;
  let probes = 0;
  beforeAll(async () => {
    vendor = createHttpServer((req, res) => {
      if (req.method === 'GET' && req.url === '/v1/models') {
        probes += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'counted', object: 'model', created: 0, owned_by: 'test' }] }));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => vendor.close(() => resolve())));

  const start = async (options: Parameters<typeof createServer>[1], healthCacheMs?: number): Promise<{ vajra: Vajra; url: string; close(): Promise<void> }> => {
    const vajra = createVajra({
      logger: silentLogger,
      env: {},
      plugins: [oraclePlugin()],
      config: { oracle: { compatible: { baseURL: `${vendorUrl}/v1`, model: 'counted' }, ...(healthCacheMs === undefined ? {} : { healthCacheMs }) } },
    });
    await vajra.start();
    const listening = await serve(createServer(vajra, { validateResponses: true, rateLimit: false, ...options }), { port: 0, hostname: '127.0.0.1' });
    return {
      vajra,
      url: listening.url,
      async close() {
        await listening.close();
        await vajra.stop();
      },
    };
  };

  it('answers 40 anonymous calls (20 at once, then 20 in a row) with one probe of the vendor', async () => {
    const running = await start({});
    try {
      const before = probes;
      const burst = await Promise.all(Array.from({ length: 20 }, () => call(running.url, 'GET', '/api/v1/llm/health')));
      for (let i = 0; i < 20; i++) burst.push(await call(running.url, 'GET', '/api/v1/llm/health'));
      expect(burst.map((reply) => reply.status)).toEqual(Array(40).fill(200));
      expect(burst.every((reply) => reply.body.providers[0].provider === 'openai-compatible' && reply.body.providers[0].ok === true)).toBe(true);
      expect(probes - before).toBe(1);
    } finally {
      await running.close();
    }
  });

  it('probes again on every call when healthCacheMs is 0', async () => {
    const running = await start({}, 0);
    try {
      const before = probes;
      for (let i = 0; i < 3; i++) expect((await call(running.url, 'GET', '/api/v1/llm/health')).status).toBe(200);
      expect(probes - before).toBe(3);
    } finally {
      await running.close();
    }
  });

  it('needs credentials when the server is exposed: anonymous callers get 401 and cause no probe', async () => {
    const running = await start({ auth: { require: 'always', apiKeys: [{ name: 'reader', key: KEY }] } });
    try {
      const before = probes;
      const refused = await call(running.url, 'GET', '/api/v1/llm/health');
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
      expect(probes - before).toBe(0);
      expect((await call(running.url, 'GET', '/api/v1/llm/health', { token: KEY })).status).toBe(200);
      expect(probes - before).toBe(1);
      const operation = (await call(running.url, 'GET', '/openapi.json')).body.paths['/api/v1/llm/health'].get;
      expect(operation.security).toEqual([{ bearer: [] }]);
    } finally {
      await running.close();
    }
  });
});
