/** Runs the mala plugin inside a kernel and serves its routes next to the built-in API. */
import { createVajra } from '@vajra-stream/core';
import { createServer } from '@vajra-stream/server-adapter';
import { serve } from '@vajra-stream/server-adapter/node';
import { malaPlugin } from './mala-plugin';
import { malaRoutes } from './mala-routes';

const vajra = createVajra({ plugins: [malaPlugin()], config: { mala: { beadsPerRound: 108 } } });
await vajra.start();
vajra.events.on('mala:round-completed', (e) => console.log(`${e.practitioner} completed round ${e.rounds}`));
await vajra.plugin('mala').count('pema', 216);
const { url, close } = await serve(createServer(vajra, { routes: malaRoutes }), { port: Number(process.env.PORT ?? 0) });
const response = await fetch(`${url}/api/v1/mala/pema`);
console.log(`GET ${url}/api/v1/mala/pema →`, await response.json());
await close();
await vajra.stop();
