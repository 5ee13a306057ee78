/**
 * Entry of a render worker thread (shipped as `dist/render-worker.js`; the server starts it from its own
 * file URL): WAV renders and window searches off the event loop.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { createRenderJobs } from './create-render-jobs';
import type { RenderRequest } from './render-messages';

const port = parentPort;
if (port !== null) {
  const jobs = createRenderJobs((reply, transfer) => port.postMessage(reply, transfer ?? []));
  port.on('message', (request: RenderRequest) => void jobs.handle(request));
}
