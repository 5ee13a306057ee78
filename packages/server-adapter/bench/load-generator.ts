// A keep-alive HTTP/1.1 load generator on raw sockets: each connection sends one GET, reads the whole
// answer (Content-Length or chunked), records its latency and sends the next. It does far less work per
// request than any server it measures; `saturated` says when it was busy anyway (its CPU near its wall time).
import { connect, type Socket } from 'node:net';

/** What one run of {@link generateLoad} measured. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** Share of one core the generator used while it ran. */
  generatorCpu: number;
  saturated: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

/**
 * GET `path` on 127.0.0.1:`port` over `connections` keep-alive connections for `seconds`.
 *
 * @example
 * ```ts
 * const { requests, latenciesMs } = await generateLoad(8000, '/health', { connections: 50, seconds: 5 });
 * ```
 */
export async function generateLoad(port: number, path: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: application/json\r\n\r\n`, 'latin1');
  const latenciesMs: number[] = [];
  let requests = 0;
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket: Socket = connect({ port, host: '127.0.0.1', noDelay: true });
      let pending: Buffer | undefined;
      let sentAt = 0;
      let done = false;
      const send = (): void => {
        if (performance.now() >= end) {
          done = true;
          socket.end();
          return resolve();
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('error', reject);
      // A server that closes a keep-alive connection would otherwise leave this run waiting for ever.
      socket.on('close', () => done || reject(new Error(`the server closed a keep-alive connection while ${path} was under load`)));
      socket.on('data', (chunk: Buffer) => {
        const data = pending === undefined ? chunk : Buffer.concat([pending, chunk]);
        const headerEnd = data.indexOf(HEADER_END);
        if (headerEnd < 0) return void (pending = data);
        const head = data.toString('latin1', 0, headerEnd);
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        let total: number;
        if (length !== null) total = headerEnd + 4 + Number(length[1]);
        else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
          const last = data.indexOf(CHUNKED_END, headerEnd);
          total = last < 0 ? Infinity : last + CHUNKED_END.length;
        } else total = headerEnd + 4;
        if (data.length < total) return void (pending = data);
        if (data.length > total) return reject(new Error(`unexpected bytes after a response to ${path}`));
        pending = undefined;
        latenciesMs.push(performance.now() - sentAt);
        if (head.startsWith('HTTP/1.1 200')) requests += 1;
        else errors += 1;
        send();
      });
    });
  await Promise.all(Array.from({ length: options.connections }, one));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const generatorCpu = (cpu.user + cpu.system) / 1e6 / seconds;
  return { requests, errors, seconds, latenciesMs, generatorCpu, saturated: generatorCpu > 0.9 };
}
