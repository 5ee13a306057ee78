import type { Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/oracle';
import { z } from 'zod';
import { toProblem } from '../http/problem';
import { namedSchema } from '../openapi/named-schema';
import { defineRoute, type AnyRoute } from '../routing/define-route';

const resultSchema = z.object({ kind: z.string(), text: z.string(), provider: z.string(), modelId: z.string() }).meta({ id: 'OracleText' });

/** The oracle's own input schemas, named for the OpenAPI document. */
export const oracleSchemas = (vajra: Vajra) => {
  const { schemas } = vajra.plugin('oracle');
  return { generate: namedSchema(schemas.generateInput, 'GenerateText'), plan: namedSchema(schemas.planInput, 'PlanSession'), sessionPlan: namedSchema(schemas.sessionPlan, 'SessionPlan') };
};

const healthSchema = z
  .object({
    providers: z.array(
      z.object({
        provider: z.string(),
        modelId: z.string(),
        ok: z.boolean(),
        latencyMs: z.number(),
        code: z.string().optional().meta({ description: 'Why not ok, e.g. PROVIDER_MISCONFIGURED' }),
        message: z.string().optional(),
        inRotation: z.boolean().meta({ description: 'False while the chain skips the provider (circuit open)' }),
      }),
    ),
    spending: z.object({
      tokens: z.number(),
      costUsd: z.number(),
      calls: z.number(),
      reservedTokens: z.number().meta({ description: 'Held by calls in flight' }),
      remainingTokens: z.number().nullable(),
      remainingCostUsd: z.number().nullable(),
    }),
  })
  .meta({ id: 'OracleHealth' });

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * `/api/v1/llm`: generate a text, stream one as server-sent events, plan a session (oracle plugin).
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('oracle')) routes.push(...llmRoutes(vajra));
 * ```
 */
export function llmRoutes(vajra: Vajra): AnyRoute[] {
  const oracle = (kernel: Vajra) => kernel.plugin('oracle');
  const schemas = oracleSchemas(vajra);
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/llm/generate',
      summary: 'Generate a prayer, blessing, dedication, teaching, story, meditation or contemplation',
      tags: ['llm'],
      body: schemas.generate,
      response: resultSchema,
      handler: ({ vajra, body, signal }) => oracle(vajra).generate(body, { signal }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/llm/stream',
      summary: 'Stream a text as server-sent events (`delta`, `reset`, then `done` or `error`)',
      tags: ['llm'],
      body: schemas.generate,
      produces: { 'text/event-stream': { description: 'Server-sent events' } },
      handler: ({ vajra, body, signal, request }) => {
        const stream = oracle(vajra).oracle.stream(body, { signal });
        const encoder = new TextEncoder();
        const logger = vajra.logger;
        const events = new ReadableStream<Uint8Array>({
          async start(controller) {
            try {
              for await (const part of stream) {
                if (part.type === 'delta') controller.enqueue(encoder.encode(sse('delta', { text: part.text })));
                else if (part.type === 'reset') controller.enqueue(encoder.encode(sse('reset', { provider: part.provider })));
                else controller.enqueue(encoder.encode(sse('done', part.result)));
              }
            } catch (error) {
              const problem = toProblem(error, logger);
              if (!request.signal.aborted) controller.enqueue(encoder.encode(sse('error', { code: problem.code, message: problem.detail })));
            } finally {
              try {
                controller.close();
              } catch {
                // the client left
              }
            }
          },
        });
        return new Response(events, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' } });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/llm/plan',
      summary: 'Plan a session: phases, audio program and texts',
      tags: ['llm'],
      body: schemas.plan,
      response: schemas.sessionPlan,
      handler: ({ vajra, body, signal }) => oracle(vajra).plan(body, { signal }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/llm/health',
      summary: 'Providers and spending',
      description: "Probes the providers at most once per the oracle's `healthCacheMs` (30 s by default); needs credentials when the server is exposed.",
      tags: ['llm'],
      auth: 'protected',
      response: healthSchema,
      handler: async ({ vajra, signal }) => ({ providers: await oracle(vajra).health({ signal }), spending: oracle(vajra).spending() }),
    }),
  ];
}
