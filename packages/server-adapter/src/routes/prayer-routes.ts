import { VajraError, createWheelSchema, dedicationTextSchema, type Vajra, type Wheel } from '@vajra-stream/core';
import { z } from 'zod';
import type { Access } from '../auth/access';
import { defineRoute, type AnyRoute } from '../routing/define-route';
import { dedicationSchema, idParams, mantraSchema, pageOf, pageQuery, wheelSchema } from './schemas';
import { visibleSession } from './session-routes';

/** Load a wheel the caller may see, or 404. */
export async function visibleWheel(vajra: Vajra, access: Access, id: string): Promise<Wheel> {
  const wheel = await vajra.wheels.get(id);
  if (!access.canSee(wheel.owner)) throw new VajraError('WHEEL_NOT_FOUND', `No wheel with id "${id}"`, { status: 404 });
  return wheel;
}

const wheelStatsSchema = z
  .object({ wheelId: z.string(), status: z.enum(['stopped', 'spinning']), rpm: z.number(), rotations: z.string(), recitations: z.string(), spinningSeconds: z.number(), dedications: z.number() })
  .meta({ id: 'WheelStats' });
const totalsSchema = z.object({ wheels: z.number(), spinning: z.number(), rotations: z.string(), recitations: z.string(), dedications: z.number() }).meta({ id: 'WheelTotals' });

const W = '/api/v1/prayers/wheels';

/**
 * The `/api/v1/prayers` routes: mantra library, wheels (create, list, start, stop, rpm, dedicate) and stats.
 *
 * @example
 * ```ts
 * const routes = prayerRoutes(); // mounted by createServer
 * ```
 */
export function prayerRoutes(): AnyRoute[] {
  const onWheel = <B extends z.ZodType | undefined = undefined>(
    method: 'POST' | 'PUT',
    action: string,
    summary: string,
    run: (vajra: Vajra, id: string, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<Wheel>,
    body?: B,
  ) =>
    defineRoute({
      method,
      path: `${W}/{id}/${action}`,
      summary,
      tags: ['prayers'],
      params: idParams,
      body,
      response: wheelSchema,
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)' },
      handler: async ({ vajra, access, params, body: input }) => {
        await visibleWheel(vajra, access, params.id);
        return run(vajra, params.id, input);
      },
    });
  const rpmBody = z.object({ rpm: z.number().positive().finite() }).strict();
  const dedicateBody = z.object({ text: dedicationTextSchema }).strict();
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/prayers/mantras',
      summary: 'The mantra library',
      tags: ['prayers'],
      response: z.object({ mantras: z.array(mantraSchema) }),
      handler: ({ vajra }) => ({ mantras: vajra.wheels.mantras() }),
    }),
    defineRoute({
      method: 'POST',
      path: W,
      summary: 'Create a prayer wheel',
      description: 'Seed-style `copies_per_rotation` and `session_id` are accepted as aliases.',
      tags: ['prayers'],
      body: createWheelSchema,
      bodyAliases: { copies_per_rotation: 'copiesPerRotation', session_id: 'sessionId' },
      status: 201,
      response: wheelSchema,
      errors: { 404: 'No such mantra, or no session with `sessionId` that you may see (`MANTRA_NOT_FOUND`, `SESSION_NOT_FOUND`)' },
      handler: async ({ vajra, access, body }) => {
        if (body.sessionId !== undefined) await visibleSession(vajra, access, body.sessionId);
        return vajra.wheels.create(body, { owner: access.owner });
      },
    }),
    defineRoute({
      method: 'GET',
      path: W,
      summary: 'List prayer wheels',
      tags: ['prayers'],
      query: z.object({ status: z.enum(['stopped', 'spinning']).optional(), sessionId: z.string().max(200).optional(), ...pageQuery }),
      response: pageOf(wheelSchema),
      handler: ({ vajra, access, query }) => vajra.wheels.list({ ...query, owner: access.listOwner }),
    }),
    defineRoute({
      method: 'GET',
      path: `${W}/{id}`,
      summary: 'Get a prayer wheel',
      tags: ['prayers'],
      params: idParams,
      response: wheelSchema,
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)' },
      handler: ({ vajra, access, params }) => visibleWheel(vajra, access, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${W}/{id}`,
      summary: 'Delete a stopped prayer wheel',
      tags: ['prayers'],
      params: idParams,
      response: wheelSchema,
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)', 409: 'The wheel is spinning: stop it first (`WHEEL_INVALID_STATE`)' },
      handler: async ({ vajra, access, params }) => {
        await visibleWheel(vajra, access, params.id);
        return vajra.wheels.delete(params.id);
      },
    }),
    onWheel('POST', 'start', 'Start spinning', (vajra, id) => vajra.wheels.start(id)),
    onWheel('POST', 'stop', 'Stop spinning', (vajra, id) => vajra.wheels.stop(id)),
    onWheel('PUT', 'rpm', 'Set the rotation speed', (vajra, id, body) => vajra.wheels.setRpm(id, body.rpm), rpmBody),
    defineRoute({
      method: 'POST',
      path: `${W}/{id}/dedicate`,
      summary: 'Dedicate the merit',
      tags: ['prayers'],
      params: idParams,
      body: dedicateBody,
      bodyAliases: { dedication: 'text' },
      response: dedicationSchema,
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)' },
      handler: async ({ vajra, access, params, body }) => {
        await visibleWheel(vajra, access, params.id);
        return vajra.wheels.dedicate(params.id, body.text);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${W}/{id}/dedications`,
      summary: 'Dedications of a wheel',
      tags: ['prayers'],
      params: idParams,
      query: z.object(pageQuery),
      response: pageOf(dedicationSchema),
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)' },
      handler: async ({ vajra, access, params, query }) => {
        await visibleWheel(vajra, access, params.id);
        return vajra.wheels.dedications(params.id, query);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${W}/{id}/stats`,
      summary: 'Counts of one wheel',
      tags: ['prayers'],
      params: idParams,
      response: wheelStatsSchema,
      errors: { 404: 'No wheel with this id that you may see (`WHEEL_NOT_FOUND`)' },
      handler: async ({ vajra, access, params }) => {
        await visibleWheel(vajra, access, params.id);
        return vajra.wheels.stats(params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/prayers/stats',
      summary: 'Totals over the wheels you can see',
      tags: ['prayers'],
      response: totalsSchema,
      handler: ({ vajra, access }) => vajra.wheels.stats({ owner: access.listOwner }),
    }),
  ];
}
