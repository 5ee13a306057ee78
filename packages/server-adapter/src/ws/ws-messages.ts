import { z } from 'zod';

const messageId = z.union([z.string().max(100), z.number().finite()]).optional();
const id = z.string().min(1).max(200);

/**
 * Schemas of the client → server messages, by `type`. Every message may carry an `id` echoed in replies.
 * @example
 * ```ts
 * const subscribe = clientMessageSchemas.subscribe.parse({ type: 'subscribe', topics: ['session:*'] });
 * ```
 */
export const clientMessageSchemas = {
  ping: z.object({ type: z.literal('ping'), id: messageId }).strict(),
  subscribe: z.object({ type: z.literal('subscribe'), id: messageId, topics: z.array(z.string().max(100)).min(1).max(64) }).strict(),
  unsubscribe: z.object({ type: z.literal('unsubscribe'), id: messageId, topics: z.array(z.string().max(100)).min(1).max(64) }).strict(),
  'session.create': z.object({ type: z.literal('session.create'), id: messageId, session: z.record(z.string(), z.unknown()) }).strict(),
  'session.get': z.object({ type: z.literal('session.get'), id: messageId, sessionId: id }).strict(),
  'session.start': z.object({ type: z.literal('session.start'), id: messageId, sessionId: id }).strict(),
  'session.pause': z.object({ type: z.literal('session.pause'), id: messageId, sessionId: id }).strict(),
  'session.resume': z.object({ type: z.literal('session.resume'), id: messageId, sessionId: id }).strict(),
  'session.stop': z.object({ type: z.literal('session.stop'), id: messageId, sessionId: id }).strict(),
  'wheel.start': z.object({ type: z.literal('wheel.start'), id: messageId, wheelId: id }).strict(),
  'wheel.stop': z.object({ type: z.literal('wheel.stop'), id: messageId, wheelId: id }).strict(),
  'oracle.generate': z.object({ type: z.literal('oracle.generate'), id: messageId, request: z.record(z.string(), z.unknown()) }).strict(),
} as const;

/**
 * A type of client message.
 *
 * @example
 * ```ts
 * const type: ClientMessageType = 'session.start';
 * socket.send(JSON.stringify({ type, id: 1, sessionId: 'ses_1' })); // the reply carries the same id
 * ```
 */
export type ClientMessageType = keyof typeof clientMessageSchemas;

/**
 * Rewrite the seed's message names into this protocol: `subscribe_audio`, `start_session`,
 * `stop_session` (with `session_id`), and a single `topic` on subscribe/unsubscribe.
 *
 * @example
 * ```ts
 * fromSeedAlias({ type: 'start_session', session_id: 'ses_1' }); // { type: 'session.start', sessionId: 'ses_1' }
 * ```
 */
export function fromSeedAlias(message: Record<string, unknown>): Record<string, unknown> {
  const { type, session_id: sessionIdAlias, ...rest } = message;
  const withSession = sessionIdAlias === undefined ? rest : { ...rest, sessionId: rest.sessionId ?? sessionIdAlias };
  if (type === 'subscribe_audio') return { ...rest, type: 'subscribe', topics: ['audio:spectrum'] };
  if (type === 'unsubscribe_audio') return { ...rest, type: 'unsubscribe', topics: ['audio:spectrum'] };
  if (type === 'start_session') return { ...withSession, type: 'session.start' };
  if (type === 'stop_session') return { ...withSession, type: 'session.stop' };
  if ((type === 'subscribe' || type === 'unsubscribe') && typeof rest.topic === 'string' && rest.topics === undefined) {
    const { topic, ...others } = rest;
    return { ...others, type, topics: [topic] };
  }
  return sessionIdAlias === undefined ? message : { ...withSession, type };
}
