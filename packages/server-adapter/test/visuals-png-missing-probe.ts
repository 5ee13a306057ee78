// Child process (with packages/visuals/test/helpers/without-resvg.mjs): the server on a machine without
// @resvg/resvg-js answers a PNG request with 406 and still serves SVG.
import { createVajra, silentLogger } from '@vajra-stream/core';
import { visualsPlugin } from '@vajra-stream/visuals';
import { createServer } from '../src/index';

const vajra = createVajra({ logger: silentLogger, env: {}, plugins: [visualsPlugin()] });
await vajra.start();
const server = createServer(vajra);
const ask = (accept: string) => server.fetch(new Request('http://127.0.0.1/api/v1/visuals/seed-of-life?size=64', { headers: { accept } }));
const png = await ask('image/png');
const svg = await ask('image/png;q=0.9, image/svg+xml;q=0.5');
const index = await server.fetch(new Request('http://127.0.0.1/api/v1/visuals'));
console.log(JSON.stringify({ pngStatus: png.status, pngProblem: await png.json(), fallbackStatus: svg.status, index: await index.json() }));
server.close();
await vajra.stop();
