import type { Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/oracle';
import { z } from 'zod';
import { toProblem } from '../http/problem';
import { defineRoute, type AnyRoute } from '../routing/define-route';

// Documented here (the oracle package validates fully), so the adapter never loads the oracle package.
const kinds = ['prayer', 'blessing', 'dedication', 'teaching', 'story', 'meditation', 'contemplation'] as const;
/** Body of `POST /api/v1/llm/generate` and `/stream`. */
export const generateBodySchema = z
  .object({
    kind: z.enum(kinds),
    intention: z.string().min(1).max(500),
    tradition: z.string().min(1).max(60).optional(),
    length: z.enum(['short', 'medium', 'long']).optional(),
    minutes: z.number().positive().max(240).optional(),
    context: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'GenerateText' });
const planBody = z
  .object({ intention: z.string().min(1).max(500), minutes: z.number().positive().max(1440), tradition: z.string().min(1).max(60).optional(), context: z.record(z.string(), z.unknown()).optional(), seed: z.number().int().optional() })
  .strict()
  .meta({ id: 'PlanSession' });
const resultSchema = z.object({ kind: z.string(), text: z.string(), provider: z.string(), modelId: z.string() }).meta({ id: 'OracleText' });

/** The oracle takes seconds; this HTTP API keeps `minutes` for now (the route's own schema follows later). */
const inSeconds = <T extends { minutes?: number }>({ minutes, ...rest }: T) => (minutes === undefined ? rest : { ...rest, duration: minutes * 60 });

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * `/api/v1/llm`: generate a text, stream one as server-sent events, plan a session (oracle plugin).
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('oracle')) routes.push(...llmRoutes());
 * ```
 */
export function llmRoutes(): AnyRoute[] {
  const oracle = (vajra: Vajra) => vajra.plugin('oracle');
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/llm/generate',
      summary: 'Generate a prayer, blessing, dedication, teaching, story, meditation or contemplation',
      tags: ['llm'],
      body: generateBodySchema,
      response: resultSchema,
      handler: ({ vajra, body, signal }) => oracle(vajra).generate(inSeconds(body) as never, { signal }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/llm/stream',
      summary: 'Stream a text as server-sent events (`delta`, `reset`, then `done` or `error`)',
      tags: ['llm'],
      body: generateBodySchema,
      produces: { 'text/event-stream': { description: 'Server-sent events' } },
      handler: ({ vajra, body, signal, request }) => {
        const stream = oracle(vajra).oracle.stream(inSeconds(body) as never, { signal });
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
      body: planBody,
      response: z.record(z.string(), z.unknown()),
      handler: async ({ vajra, body, signal }) => (await oracle(vajra).plan(inSeconds(body) as never, { signal })) as unknown as Record<string, unknown>,
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/llm/health',
      summary: 'Providers and spending',
      tags: ['llm'],
      response: z.object({ providers: z.unknown(), spending: z.unknown() }),
      handler: async ({ vajra }) => ({ providers: await oracle(vajra).health(), spending: oracle(vajra).spending() }),
    }),
  ];
}
