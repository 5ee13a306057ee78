// The SDK's own cost per request, without sockets: the node adapter's listener answers stand-in Node
// requests (a GET with two headers) in one process, batch after batch, and each batch's CPU time (all
// threads of this process) is divided by its requests. Two versions of the SDK can be compared in the same
// process and alternating batches, which a loaded machine disturbs far less than separate server runs:
// PIPELINE_OLD=<directory holding an older src/> adds it as "old" (`git archive HEAD src | tar -x -C <dir>`).
// The peer is "bare", bench-server.ts's node:http handler on the same stand-ins. The sockets' cost (the same for
// every server, and most of a /health request's) is left out: the HTTP benches (http.ts, ab.ts) measure it.
// Run: pnpm --filter @vajra-stream/server-adapter exec tsx bench/pipeline.ts
// (PIPELINE_BATCHES per route, default 30; PIPELINE_REQUESTS per batch, default 4000; PIPELINE_ORIGIN, an Origin
// header to send, such as http://localhost:5173 which the default CORS allowlist allows).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createVajra, silentLogger } from '@vajra-stream/core';
import * as current from '../src/index';
import * as currentNode from '../src/node/index';

const BATCHES = Number(process.env.PIPELINE_BATCHES ?? 30);
const REQUESTS = Number(process.env.PIPELINE_REQUESTS ?? 4000);
const CONCURRENCY = 50;
const ORIGIN = process.env.PIPELINE_ORIGIN; // e.g. http://localhost:5173, an origin the default CORS allowlist allows
const ROUTES: Record<string, string> = { health: '/health', sessions: '/api/v1/sessions?limit=20' };

const vajra = createVajra({ logger: silentLogger, env: {} });
await vajra.start();
for (let i = 0; i < 20; i += 1) await vajra.sessions.create({ intention: `bench ${i}`, duration: 600, frequencies: [432, 528] });

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
const options = { rateLimit: { max: 1e9, windowMs: 60_000 } };
/** The peer: by hand what bench-server.ts's bare node:http server does (store read, JSON.stringify each time). */
const bare: Listener = (req, res) => {
  const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  const [path, search] = (req.url ?? '/').split('?');
  if (req.method === 'GET' && path === '/health') return send(200, JSON.stringify({ status: 'ok', kernel: vajra.status }));
  if (req.method === 'GET' && path === '/api/v1/sessions') {
    const limit = Number(new URLSearchParams(search).get('limit') ?? 50);
    vajra.sessions.list({ owner: null, limit, offset: 0, order: 'desc' }).then(
      (page) => send(200, JSON.stringify(page)),
      () => send(500, '{}'),
    );
    return;
  }
  send(404, '{}');
};
/** The node adapter's listener of a server that, like one listening on 127.0.0.1, lets anonymous callers see unowned sessions. */
function sdk(create: typeof current.createServer, toNodeListener: typeof currentNode.toNodeListener): Listener {
  const server = create(vajra, options);
  server.setListening('127.0.0.1');
  return toNodeListener(server);
}
const versions: Record<string, Listener> = { current: sdk(current.createServer, currentNode.toNodeListener), bare };
if (process.env.PIPELINE_OLD !== undefined) {
  const dir = resolve(process.env.PIPELINE_OLD);
  const old = (await import(pathToFileURL(`${dir}/src/index.ts`).href)) as typeof current;
  const oldNode = (await import(pathToFileURL(`${dir}/src/node/index.ts`).href)) as typeof currentNode;
  versions.old = sdk(old.createServer, oldNode.toNodeListener);
}

/** Answer `count` requests for `url`, `CONCURRENCY` at a time; resolves when every one has ended, each with `bytes` bytes. */
function run(listener: Listener, url: string, count: number, bytes: number): Promise<void> {
  return new Promise((done, fail) => {
    let started = 0;
    let ended = 0;
    const next = (): void => {
      if (started === count) return;
      started += 1;
      const req = {
        method: 'GET',
        url,
        headers: { host: '127.0.0.1:8000', accept: 'application/json', ...(ORIGIN === undefined ? {} : { origin: ORIGIN }) },
        rawHeaders: ['Host', '127.0.0.1:8000', 'Accept', 'application/json', ...(ORIGIN === undefined ? [] : ['Origin', ORIGIN])],
        socket: { remoteAddress: '127.0.0.1' },
        complete: true,
        readableEnded: true,
      } as unknown as IncomingMessage;
      let status = 0;
      const res = {
        headersSent: false,
        shouldKeepAlive: true,
        writeHead(code: number) {
          status = code;
          return this;
        },
        end(body: string) {
          if (status !== 200 || body.length !== bytes) return fail(new Error(`${url}: status ${status}, ${body.length} bytes where ${bytes} were expected`));
          ended += 1;
          if (ended === count) done();
          else queueMicrotask(next);
        },
      } as unknown as ServerResponse;
      listener(req, res);
    };
    for (let i = 0; i < CONCURRENCY; i += 1) next();
  });
}

const cpuUs = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const names = Object.keys(versions);
const expected: Record<string, number> = {
  health: JSON.stringify({ status: 'ok', kernel: vajra.status }).length,
  sessions: JSON.stringify(await vajra.sessions.list({ owner: null, limit: 20, offset: 0, order: 'desc' })).length,
};
for (const [route, url] of Object.entries(ROUTES)) {
  for (const name of names) await run(versions[name]!, url, REQUESTS, expected[route]!); // warm-up
  const perRequest: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const ratios: number[] = [];
  const bareRatios: number[] = [];
  for (let b = 0; b < BATCHES; b += 1) {
    const batch: Record<string, number> = {};
    for (const name of b % 2 === 0 ? names : [...names].reverse()) {
      const before = cpuUs();
      await run(versions[name]!, url, REQUESTS, expected[route]!);
      batch[name] = (cpuUs() - before) / REQUESTS;
      perRequest[name]!.push(batch[name]!);
    }
    if (batch.old !== undefined) ratios.push(batch.current! / batch.old);
    bareRatios.push(batch.current! / batch.bare!);
  }
  console.log(
    JSON.stringify({
      bench: 'server-adapter/pipeline',
      route,
      cpuUsPerRequest: Object.fromEntries(names.map((n) => [n, Math.round(median(perRequest[n]!) * 100) / 100])),
      currentVsBare: Math.round(median(bareRatios) * 1000) / 1000,
      ...(ratios.length > 0 ? { currentVsOld: Math.round(median(ratios) * 1000) / 1000 } : {}),
      batches: BATCHES,
      requestsPerBatch: REQUESTS,
      loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
    }),
  );
}
await vajra.stop();
