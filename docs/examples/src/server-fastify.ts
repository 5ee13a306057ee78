// The server as a Fastify 5 plugin, next to the app's own routes; the plugin attaches /ws to
// fastify.server.
import Fastify from 'fastify';
import { createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { vajraFastify } from '@vajra-stream/server-adapter/fastify';

const vajra = createVajra();
await vajra.start();
const server = createServer(vajra, { auth: { apiKeys: [{ name: 'me', key: process.env.VAJRA_KEY! }] } });

const app = Fastify();
app.get('/hello', async () => ({ hello: 'from fastify' }));
await app.register(vajraFastify(server)); // register without a prefix
const url = await app.listen({ port: Number(process.env.PORT ?? 8000), host: '127.0.0.1' });
console.log(`listening on ${url} (docs ${url}/docs)`);

process.once('SIGTERM', async () => {
  await app.close();
  await vajra.stop();
});
