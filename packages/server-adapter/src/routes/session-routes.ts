import { SESSION_STATUSES, VajraError, createSessionSchema, updateSessionSchema, type CreateSessionInput, type Session, type UpdateSessionInput, type Vajra } from '@vajra-stream/core';
import { z } from 'zod';
import type { Access } from '../auth/access';
import { jsonText } from '../http/json-text';
import { defineRoute, type AnyRoute } from '../routing/define-route';
import { idParams, pageOf, pageQuery, sessionSchema } from './schemas';

// The kernel's schemas use recursive `z.json()` (which OpenAPI generation cannot walk); these document the
// same fields with plain JSON objects, and the kernel still validates the full input.
const jsonFields = {
  metadata: z.record(z.string(), z.unknown()).optional().meta({ description: 'Free JSON, at most 64 KiB' }),
  program: z.unknown().optional().meta({ description: 'An audio program (see @vajra-stream/audio), at most 256 KiB of JSON' }),
};
const createBody = createSessionSchema.extend(jsonFields).meta({ id: 'CreateSession' });
const updateBody = updateSessionSchema.extend({ ...jsonFields, program: z.unknown().optional().meta({ description: 'An audio program, or null to remove it' }) }).meta({ id: 'UpdateSession' });

const aliases = { audio_type: 'audioType', prayer_bowl_mode: 'prayerBowlMode' };
const aliasNote = 'Seed-style `audio_type` and `prayer_bowl_mode` are accepted as aliases.';

/** Load a session the caller may see, or 404 (never 403, so ids leak nothing). */
export async function visibleSession(vajra: Vajra, access: Access, id: string): Promise<Session> {
  const session = await vajra.sessions.get(id);
  if (!access.canSee(session.owner)) throw new VajraError('SESSION_NOT_FOUND', `No session with id "${id}"`, { status: 404 });
  return session;
}

const statusList = z.union([z.enum(SESSION_STATUSES), z.string().max(200)]).transform((value, ctx) => {
  const parts = value.split(',').map((s) => s.trim());
  for (const part of parts) {
    if (!(SESSION_STATUSES as readonly string[]).includes(part)) {
      ctx.addIssue({ code: 'custom', message: `unknown status "${part.slice(0, 40)}"` });
      return z.NEVER;
    }
  }
  return parts as Session['status'][];
});

const transition = (action: 'start' | 'pause' | 'resume' | 'stop') =>
  defineRoute({
    method: 'POST',
    path: `/api/v1/sessions/{id}/${action}`,
    summary: `${action[0]!.toUpperCase()}${action.slice(1)} a session`,
    tags: ['sessions'],
    params: idParams,
    response: sessionSchema,
    errors: {
      404: 'No session with this id that you may see (`SESSION_NOT_FOUND`)',
      409: 'Not possible in the session’s state, or it changed on another instance meanwhile (`SESSION_INVALID_TRANSITION`, `SESSION_CONFLICT`)',
    },
    handler: async ({ vajra, access, params }) => {
      await visibleSession(vajra, access, params.id);
      return vajra.sessions[action](params.id);
    },
  });

/**
 * The `/api/v1/sessions` routes: CRUD, transitions and a filtered, paginated list.
 *
 * @example
 * ```ts
 * createServer(vajra, { routes: [] }); // mounted by default
 * ```
 */
export function sessionRoutes(): AnyRoute[] {
  const update = (method: 'PUT' | 'PATCH') =>
    defineRoute({
      method,
      path: '/api/v1/sessions/{id}',
      summary: 'Update a session (intention, duration, audio, metadata, program)',
      description: aliasNote,
      tags: ['sessions'],
      params: idParams,
      body: updateBody,
      bodyAliases: aliases,
      response: sessionSchema,
      errors: { 404: 'No session with this id that you may see (`SESSION_NOT_FOUND`)', 409: 'The session changed on another instance meanwhile (`SESSION_CONFLICT`)' },
      handler: async ({ vajra, access, params, body }) => {
        await visibleSession(vajra, access, params.id);
        return vajra.sessions.update(params.id, body as UpdateSessionInput);
      },
    });
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/sessions',
      summary: 'Create a session',
      description: aliasNote,
      tags: ['sessions'],
      body: createBody,
      bodyAliases: aliases,
      status: 201,
      response: sessionSchema,
      handler: ({ vajra, access, body }) => vajra.sessions.create(body as CreateSessionInput, { owner: access.owner }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/sessions',
      summary: 'List sessions',
      description: 'Filter with `status` (one or a comma-separated list); page with `limit` and `offset`; newest first unless `order=asc`.',
      tags: ['sessions'],
      query: z.object({ status: statusList.optional(), order: z.enum(['asc', 'desc']).default('desc'), ...pageQuery }),
      response: pageOf(sessionSchema),
      // serialised by the kernel: the stored text of each session that is not running, as it is
      handler: ({ vajra, access, query }) => vajra.sessions.listJson({ status: query.status, owner: access.listOwner, limit: query.limit, offset: query.offset, order: query.order }).then(jsonText),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/sessions/{id}',
      summary: 'Get a session',
      tags: ['sessions'],
      params: idParams,
      response: sessionSchema,
      errors: { 404: 'No session with this id that you may see (`SESSION_NOT_FOUND`)' },
      handler: ({ vajra, access, params }) => visibleSession(vajra, access, params.id),
    }),
    update('PUT'),
    update('PATCH'),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/sessions/{id}',
      summary: 'Delete a stopped, completed or never-started session',
      tags: ['sessions'],
      params: idParams,
      response: sessionSchema,
      errors: { 404: 'No session with this id that you may see (`SESSION_NOT_FOUND`)', 409: 'The session is running or paused: stop it first (`SESSION_ACTIVE`)' },
      handler: async ({ vajra, access, params }) => {
        await visibleSession(vajra, access, params.id);
        return vajra.sessions.delete(params.id);
      },
    }),
    transition('start'),
    transition('pause'),
    transition('resume'),
    transition('stop'),
  ];
}
