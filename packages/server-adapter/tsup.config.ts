import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig(
  packageBuild(
    {
      index: 'src/index.ts',
      'node/index': 'src/node/index.ts',
      'express/index': 'src/express/index.ts',
      'fastify/index': 'src/fastify/index.ts',
      'hono/index': 'src/hono/index.ts',
      // The render worker thread's entry, started from its file URL next to the server module (never imported).
      'render-worker': 'src/render/render-worker.ts',
    },
    { external: ['express', 'fastify', 'hono', '@hono/node-server', /^@vajra-stream\//] },
  ),
);
