// The server on node:http: `serve` listens on 127.0.0.1 and attaches the WebSocket at /ws.
import { createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { serve } from '@vajra-stream/server-adapter/node';

const vajra = createVajra();
await vajra.start();
const server = createServer(vajra, { auth: { apiKeys: [{ name: 'me', key: process.env.VAJRA_KEY! }] } });
const { url, close } = await serve(server, { port: Number(process.env.PORT ?? 8000) });
console.log(`listening on ${url} (docs ${url}/docs)`);

process.once('SIGTERM', async () => {
  await close();
  await vajra.stop();
});
