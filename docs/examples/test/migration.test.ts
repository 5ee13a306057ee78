import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { hardwarePlugin } from '@vajra-stream/hardware';
import { oraclePlugin } from '@vajra-stream/oracle';
import { clientMessageSchemas, createServer, WS_PROTOCOL } from '@vajra-stream/server-adapter';
import { serve } from '@vajra-stream/server-adapter/node';
import { visualsPlugin } from '@vajra-stream/visuals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

// docs/migration-from-seed.md against two independent lists: the seed's routes (extracted from the seed's
// sources into the fixture) and the routes of this server (its OpenAPI document with every plugin).
const guide = readFileSync(fileURLToPath(new URL('../../migration-from-seed.md', import.meta.url)), 'utf8');
const seed = JSON.parse(readFileSync(fileURLToPath(new URL('./__fixtures__/seed-routes.json', import.meta.url)), 'utf8')) as {
  routes: Array<{ source: string; method: string; path: string; module: string }>;
};
const routesSection = guide.slice(guide.indexOf('## Routes'), guide.indexOf('## WebSocket'));
const rows = [...routesSection.matchAll(/^\| `(\w+) ([^`]+)` \| (.+?) \| (.+) \|$/gm)].map((match) => ({ seed: `${match[1]} ${match[2]}`, now: match[3]!, change: match[4]! }));

const vajra = createVajra({ plugins: [audioPlugin(), astrologyPlugin(), oraclePlugin(), visualsPlugin(), hardwarePlugin()], logger: silentLogger });
let operations = new Set<string>();
let listening: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  await vajra.start();
  const server = createServer(vajra, { auth: 'none', logger: silentLogger });
  const document = server.openapi() as { paths: Record<string, Record<string, unknown>> };
  operations = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)));
  listening = await serve(server, { port: 0 });
});
afterAll(async () => {
  await listening.close();
  await vajra.stop();
});

describe('docs/migration-from-seed.md', () => {
  it('has a row for every route of the seed, backend and web API design alike', () => {
    expect(seed.routes.length).toBeGreaterThan(350);
    const listed = new Set(rows.map((row) => row.seed));
    const missing = seed.routes.map((route) => `${route.method} ${route.path}`).filter((route) => !listed.has(route));
    expect(missing).toEqual([]);
    for (const row of rows) expect(row.change.trim().length, row.seed).toBeGreaterThan(10);
  });

  it('points only to routes this server has', () => {
    const targets = rows.flatMap((row) =>
      [...`${row.now} ${row.change}`.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`?\s]*)[^`]*`/g)].map((match) => ({ row: row.seed, operation: `${match[1]} ${match[2]}` })),
    );
    expect(targets.length).toBeGreaterThan(100);
    const unknown = targets.filter(({ operation }) => !operations.has(operation.replace(/([^ ])\/$/, '$1'))).map(({ row, operation }) => `${row} → ${operation}`);
    expect(unknown).toEqual([]);
  });

  it('says for every seed route either where it went or that it was not carried over', () => {
    for (const row of rows) {
      if (row.now.trim() === '—') expect(row.change, row.seed).toMatch(/not carried over|close the stream|not in the API/);
      else expect(row.now, row.seed).toMatch(/^`(GET|POST|PUT|PATCH|DELETE) \/|^`\/ws`/);
    }
  });

  it("maps the seed's WebSocket messages to messages this server accepts", async () => {
    const clientTable = guide.slice(guide.indexOf('### Client → server'), guide.indexOf('### Server → client'));
    const nowTypes = [...clientTable.matchAll(/^\| [^|]+ \| (.+?) \| .+ \|$/gm)].flatMap((match) => [...match[1]!.matchAll(/"type": "([\w.]+)"/g)].map((type) => type[1]!));
    expect(nowTypes.length).toBeGreaterThan(5);
    for (const type of nowTypes) expect(Object.keys(clientMessageSchemas), type).toContain(type);
    // The seed names the page says are still accepted, sent over a real WebSocket, get this protocol's answers
    // (each carries an id, so its reply is told apart from the events it sets off).
    const created = await fetch(`${listening.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ intention: 'peace', duration: 600 }) });
    expect(created.status).toBe(201);
    const session = (await created.json()) as { id: string };
    const socket = new WebSocket(`${listening.url.replace('http', 'ws')}/ws`, [WS_PROTOCOL]);
    await once(socket, 'open');
    const ask = (message: Record<string, unknown>): Promise<Record<string, unknown>> =>
      new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData): void => {
          const reply = JSON.parse(String(data)) as Record<string, unknown>;
          if (reply.id !== message.id) return;
          socket.off('message', onMessage);
          resolve(reply);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify(message));
      });
    const seedMessages: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ type: 'subscribe_audio' }, { type: 'subscribed', topics: ['audio:spectrum'] }],
      [{ type: 'unsubscribe_audio' }, { type: 'unsubscribed', topics: [] }],
      [
        { type: 'start_session', session_id: session.id },
        { type: 'result', command: 'session.start', data: { id: session.id, status: 'running' } },
      ],
      [
        { type: 'stop_session', session_id: session.id },
        { type: 'result', command: 'session.stop', data: { id: session.id, status: 'stopped' } },
      ],
      [
        { type: 'subscribe', topic: 'session:*' },
        { type: 'subscribed', topics: ['session:*'] },
      ],
    ];
    try {
      for (const [index, [message, reply]] of seedMessages.entries()) {
        expect(clientTable, String(message.type)).toContain(String(message.type));
        expect(await ask({ ...message, id: index + 1 }), JSON.stringify(message)).toMatchObject({ ...reply, id: index + 1 });
      }
    } finally {
      socket.close();
    }
  });
});
