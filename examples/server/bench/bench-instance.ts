// One server instance of the scale-out bench, run as its own process by scale-out.ts: the reference server
// (startServer, as `vajra serve`) with the settings it is forked with, no rate limit and no per-address cap on
// WebSockets (every bench client comes from 127.0.0.1). Reports its URL over IPC.
import { startServer } from '@vajra-stream/cli';

const settings = JSON.parse(process.env.BENCH_INSTANCE ?? '{}') as { dataDir: string; databaseUrl?: string; databaseSchema?: string; busUrl?: string; busPrefix?: string };
const server = await startServer({
  ...settings,
  port: 0,
  env: { VAJRA_AUDIO__SPECTRUM_RATE: '10' },
  server: { rateLimit: false, logRequests: false, limits: { wsConnectionsPerAddress: Number.POSITIVE_INFINITY } },
});
process.send?.({ url: server.url });
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd !== 'close') return;
  void server.close().finally(() => process.exit(0));
});
