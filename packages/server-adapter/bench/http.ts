// HTTP throughput of the node adapter against a bare node:http handler doing the same store read, and
// WebSocket fan-out latency of `audio:spectrum` at 10 Hz to 100 and 1,000 clients. All on 127.0.0.1.
// Prints one JSON line. Run: pnpm --filter @vajra-stream/server-adapter bench
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = 32;

const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const nextMessage = <T>(proc: ChildProcess): Promise<T> => new Promise((resolve) => proc.once('message', (m) => resolve(m as T)));
const ports = await nextMessage<{ adapter: number; bare: number; rssIdle: number }>(child);

const serverCpu = async (): Promise<number> => {
  child.send({ cmd: 'cpu' });
  return (await nextMessage<{ cpuMicros: number }>(child)).cpuMicros;
};

/** Requests per second, and server CPU microseconds per request (less sensitive to other load on the machine). */
async function load(port: number, path: string, seconds: number): Promise<{ rps: number; cpuPerRequest: number }> {
  const cpuBefore = await serverCpu();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await one();
        done += 1;
      }
    }),
  );
  agent.destroy();
  const cpu = (await serverCpu()) - cpuBefore;
  return { rps: done / seconds, cpuPerRequest: cpu / done };
}

const http: Record<string, { adapter: number; bare: number; ratio: number; cpuUsPerRequest: { adapter: number; bare: number }; cpuRatio: number }> = {};
for (const path of ['/health', '/api/v1/sessions']) {
  await load(ports.adapter, path, 0.5); // warm up both
  await load(ports.bare, path, 0.5);
  const adapter: Array<{ rps: number; cpuPerRequest: number }> = [];
  const bare: Array<{ rps: number; cpuPerRequest: number }> = [];
  // Interleaved rounds, best of each: other load on the machine hits both sides alike.
  for (let round = 0; round < 4; round += 1) {
    bare.push(await load(ports.bare, path, SECONDS / 4));
    adapter.push(await load(ports.adapter, path, SECONDS / 4));
  }
  const a = Math.max(...adapter.map((r) => r.rps));
  const b = Math.max(...bare.map((r) => r.rps));
  const aCpu = Math.min(...adapter.map((r) => r.cpuPerRequest));
  const bCpu = Math.min(...bare.map((r) => r.cpuPerRequest));
  http[`GET ${path}`] = {
    adapter: Math.round(a),
    bare: Math.round(b),
    ratio: Math.round((a / b) * 100) / 100,
    cpuUsPerRequest: { adapter: Math.round(aCpu * 10) / 10, bare: Math.round(bCpu * 10) / 10 },
    cpuRatio: Math.round((bCpu / aCpu) * 100) / 100,
  };
}

async function fanOut(clients: number): Promise<Record<string, number>> {
  const sockets: WebSocket[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < clients; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, clients - i) }, () => new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${ports.adapter}/ws`);
        ws.once('open', () => {
          ws.once('message', () => resolve(ws));
          ws.send(JSON.stringify({ type: 'subscribe', topics: ['audio:spectrum'] }));
        });
        ws.once('error', reject);
      })),
    );
    sockets.push(...batch);
  }
  for (const ws of sockets) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; data: { sentAt: number } };
      if (message.type === 'audio:spectrum') latencies.push(performance.timeOrigin + performance.now() - message.data.sentAt);
    });
  }
  child.send({ cmd: 'frames', hz: 10 });
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  child.send({ cmd: 'stop-frames' });
  const { rssMax, emitted } = await nextMessage<{ rssMax: number; emitted: number }>(child);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
    ws.once('close', () => resolve());
    ws.close();
  })));
  latencies.sort((x, y) => x - y);
  const pick = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN) * 100) / 100;
  return { clients, delivered: latencies.length, expected: emitted * clients, p50Ms: pick(0.5), p99Ms: pick(0.99), serverRssMb: Math.round(rssMax / 1e5) / 10 };
}

const ws = [await fanOut(100), await fanOut(1000)];
child.send({ cmd: 'exit' });
console.log(JSON.stringify({ bench: 'server-adapter/http', seconds: SECONDS, concurrency: CONCURRENCY, http, ws, serverRssIdleMb: Math.round(ports.rssIdle / 1e5) / 10, node: process.version }));
