// Child process of bench/stall.ts: a kernel with the audio and astrology plugins served on 127.0.0.1.
// `worker`: the built package (dist/, renders on its worker thread); `main-thread`: the sources, where no worker
// file exists, so renders run on the event loop one chunk per turn (the fallback, as the peer).
import { createVajra, silentLogger } from '@vajra-stream/core';
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';

type Main = typeof import('../src/index');
type Node = typeof import('../src/node/index');
const mode = process.argv[2] === 'main-thread' ? 'main-thread' : 'worker';
const base = mode === 'worker' ? new URL('../dist/', import.meta.url) : new URL('../src/', import.meta.url);
const ext = mode === 'worker' ? '.js' : '.ts';
const { createServer } = (await import(new URL(`index${ext}`, base).href)) as Main;
const { serve } = (await import(new URL(`node/index${ext}`, base).href)) as Node;

const vajra = createVajra({ logger: silentLogger, env: {}, plugins: [audioPlugin(), astrologyPlugin()], config: { astrology: { events: false } } });
await vajra.start();
// Every job of the bench comes from 127.0.0.1: let them all in (3 renders + 4 searches).
const server = createServer(vajra, { rateLimit: false, renders: { perClient: 8, maxActive: 8 } });
const listening = await serve(server, { port: 0 });
process.on('message', async () => {
  await listening.close();
  server.close();
  await vajra.stop();
  process.exit(0);
});
process.send?.({ port: listening.port });
