import { defineRoute } from '@vajra-stream/server-adapter';
import { z } from 'zod';

const count = z.object({ practitioner: z.string(), beads: z.number(), rounds: z.number(), updatedAt: z.string() });
const params = z.object({ practitioner: z.string().min(1).max(64) });

/**
 * The mala plugin's HTTP routes, contributed through `createServer(vajra, { routes: malaRoutes })`:
 * validated, protected and documented in /openapi.json like the built-in ones.
 *
 * @example
 * ```ts
 * const server = createServer(vajra, { routes: malaRoutes });
 * ```
 */
export const malaRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/mala/{practitioner}',
    summary: "A practitioner's mala count",
    tags: ['mala'],
    params,
    response: count,
    handler: ({ vajra, params: { practitioner } }) => vajra.plugin('mala').get(practitioner),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/mala/{practitioner}/beads',
    summary: 'Add counted beads',
    tags: ['mala'],
    params,
    body: z.object({ beads: z.number().int().min(1).max(10_000) }).strict(),
    response: count,
    handler: ({ vajra, params: { practitioner }, body }) => vajra.plugin('mala').count(practitioner, body.beads),
  }),
];
