// The server as Hono middleware, served on Node by serveHono (@hono/node-server for HTTP, ws for /ws).
import { Hono } from 'hono';
import { createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { serveHono, vajraHono } from '@vajra-stream/server-adapter/hono';

const vajra = createVajra();
await vajra.start();
const server = createServer(vajra, { auth: { apiKeys: [{ name: 'me', key: process.env.VAJRA_KEY! }] } });

const app = new Hono();
app.get('/hello', (c) => c.json({ hello: 'from hono' }));
app.use(vajraHono(server)); // answers the server's paths, lets the others through
const { url, close } = await serveHono(app, server, { port: Number(process.env.PORT ?? 8000) });
console.log(`listening on ${url} (docs ${url}/docs)`);

process.once('SIGTERM', async () => {
  await close();
  await vajra.stop();
});
