// Child process of bench/stall.ts: a separate client timing GET /health back to back (one keep-alive
// connection, 5 ms apart) until told to stop; answers with the latencies in ms.
import { Agent, request } from 'node:http';

const port = Number(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let running = true;
process.on('message', () => (running = false));

const health = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    request({ host: '127.0.0.1', port, path: '/health', agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });

process.send?.({ ready: true });
while (running) {
  latencies.push(await health());
  await new Promise((resolve) => setTimeout(resolve, 5));
}
agent.destroy();
process.send?.({ latencies }, () => process.exit(0));
