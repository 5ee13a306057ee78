// The server inside an Express 5 app, next to the app's own routes. Express never sees WebSocket
// upgrades, so listenExpress attaches /ws to the HTTP server it creates.
import express from 'express';
import { createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { listenExpress, vajraExpress } from '@vajra-stream/server-adapter/express';

const vajra = createVajra();
await vajra.start();
const server = createServer(vajra, { auth: { apiKeys: [{ name: 'me', key: process.env.VAJRA_KEY! }] } });

const app = express();
app.get('/hello', (_request, response) => {
  response.json({ hello: 'from express' });
});
app.use(vajraExpress(server)); // /api/v1, /docs, /openapi.json, /health …; other paths reach next()
const { url, close } = await listenExpress(app, server, { port: Number(process.env.PORT ?? 8000) });
console.log(`listening on ${url} (docs ${url}/docs)`);

process.once('SIGTERM', async () => {
  await close();
  await vajra.stop();
});
