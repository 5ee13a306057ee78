import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';
import { recordingLogger } from './recording-logger';

const node = adapters.find((a) => a.name === 'node')!;
const deep = (levels: number): string => `{"intention":"deep","duration":60,"metadata":{"a":${'['.repeat(levels)}${']'.repeat(levels)}}}`;

/** Stream `size` bytes as a POST body with node:http (as a plain client would) and read the answer. */
function upload(url: string, size: number, options: { chunked?: boolean } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.chunked !== true) headers['content-length'] = String(size);
    const req = request(`${url}/api/v1/sessions`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const bytes = Math.min(chunk.length, size - sent);
        sent += bytes;
        if (!req.write(chunk.subarray(0, bytes))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('request bodies', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  for (const adapter of adapters) {
    it(`${adapter.name}: refuses JSON nested 1,000 levels deep with a 400 problem, and accepts normal nesting`, async () => {
      running = await startServer(adapter);
      const tooDeep = await call(running.url, 'POST', '/api/v1/sessions', { raw: deep(1000), headers: { 'content-type': 'application/json' } });
      expect(tooDeep.status).toBe(400);
      expect(tooDeep.headers.get('content-type')).toContain('application/problem+json');
      expect(tooDeep.body).toMatchObject({ code: 'JSON_TOO_DEEP', details: { maxDepth: 64 } });
      const fine = await call(running.url, 'POST', '/api/v1/sessions', { raw: deep(10), headers: { 'content-type': 'application/json' } });
      expect(fine.status).toBe(201);
    });
  }

  it('node: honours a configured depth limit', async () => {
    running = await startServer(node, { limits: { jsonDepth: 4 } });
    expect((await call(running.url, 'POST', '/api/v1/sessions', { raw: deep(3), headers: { 'content-type': 'application/json' } })).body.code).toBe('JSON_TOO_DEEP');
    expect((await call(running.url, 'POST', '/api/v1/sessions', { raw: deep(2), headers: { 'content-type': 'application/json' } })).status).toBe(201);
  });

  it('node: a plain client still sending an oversized body reads the 413 (declared and chunked)', async () => {
    running = await startServer(node, { limits: { bodyBytes: 64 * 1024 } });
    for (const size of [200 * 1024, 3 * 1024 * 1024, 12 * 1024 * 1024]) {
      for (const chunked of [false, true]) {
        for (let round = 0; round < 3; round += 1) {
          const reply = await upload(running.url, size, { chunked });
          expect(reply.status, `${size} bytes, chunked ${chunked}`).toBe(413);
          expect(JSON.parse(reply.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 64 * 1024 } });
        }
      }
    }
  });

  it('node: a client that aborts mid-body is answered 400 in the log, never logged as an error', async () => {
    const { createVajra } = await import('@vajra-stream/core');
    const { createServer } = await import('../src/index');
    const { serve } = await import('../src/node/index');
    const logger = recordingLogger();
    const vajra = createVajra({ logger, env: {} });
    await vajra.start();
    const listening = await serve(createServer(vajra, { logger, logRequests: true }), { port: 0 });
    try {
      const req = request(`${listening.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('error', () => undefined);
      // the server's handler is waiting for the rest of the body when the client goes away
      listening.httpServer.once('request', () => req.destroy());
      req.write('{"intention":');
      await vi.waitFor(() => expect(logger.lines.find((line) => line.message === 'request')).toBeDefined(), { timeout: 20_000, interval: 20 });
      expect(logger.lines.find((line) => line.message === 'request')!.fields).toMatchObject({ status: 400 });
      expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await listening.close();
      await vajra.stop();
    }
  });
});
