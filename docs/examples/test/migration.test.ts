import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { hardwarePlugin } from '@vajra-stream/hardware';
import { oraclePlugin } from '@vajra-stream/oracle';
import { clientMessageSchemas, createServer, fromSeedAlias } from '@vajra-stream/server-adapter';
import { visualsPlugin } from '@vajra-stream/visuals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
beforeAll(async () => {
  await vajra.start();
  const document = createServer(vajra, { auth: 'none', logger: silentLogger }).openapi() as { paths: Record<string, Record<string, unknown>> };
  operations = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)));
});
afterAll(() => vajra.stop());

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

  it("maps the seed's WebSocket messages to messages this server accepts", () => {
    const clientTable = guide.slice(guide.indexOf('### Client → server'), guide.indexOf('### Server → client'));
    const nowTypes = [...clientTable.matchAll(/^\| [^|]+ \| (.+?) \| .+ \|$/gm)].flatMap((match) => [...match[1]!.matchAll(/"type": "([\w.]+)"/g)].map((type) => type[1]!));
    expect(nowTypes.length).toBeGreaterThan(5);
    for (const type of nowTypes) expect(Object.keys(clientMessageSchemas), type).toContain(type);
    // The seed names the page says are still accepted become valid messages of this protocol.
    const seedMessages = [
      { type: 'subscribe_audio' },
      { type: 'unsubscribe_audio' },
      { type: 'start_session', session_id: 'ses_1' },
      { type: 'stop_session', session_id: 'ses_1' },
      { type: 'subscribe', topic: 'session:*' },
    ];
    for (const message of seedMessages) {
      expect(clientTable, message.type).toContain(message.type);
      const rewritten = fromSeedAlias(message);
      const schema = clientMessageSchemas[rewritten.type as keyof typeof clientMessageSchemas];
      expect(schema?.safeParse(rewritten).success, JSON.stringify(message)).toBe(true);
    }
  });
});
