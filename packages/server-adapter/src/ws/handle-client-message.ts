import { VajraError, createSessionSchema, parseInput, type Logger, type Vajra } from '@vajra-stream/core';
import type { VajraServer } from '../create-server';
import { toProblem } from '../http/problem';
import { visibleWheel } from '../routes/prayer-routes';
import { visibleSession } from '../routes/session-routes';
import type { ServerLimits } from '../server-options';
import type { ConnectionState } from './create-websocket-hooks';
import { runOracleGenerate } from './oracle-generate';
import { isValidTopic } from './topics';
import { clientMessageSchemas, fromSeedAlias, type ClientMessageType } from './ws-messages';

interface Context {
  vajra: Vajra;
  server: VajraServer;
  connection: ConnectionState;
  limits: Required<ServerLimits>;
  logger: Logger;
}

const MUTATING = new Set<string>(['session.create', 'session.start', 'session.pause', 'session.resume', 'session.stop', 'wheel.start', 'wheel.stop', 'oracle.generate']);

const fail = (code: string, message: string, status = 400): VajraError => new VajraError(code, message, { status });

/**
 * Handle one client message: parse, validate, apply seed aliases, run, reply. Every problem becomes an
 * `error` message (thrown as a `VajraError` and sent by the caller); the connection stays open.
 *
 * @example
 * ```ts
 * await handleClientMessage(context, '{"type":"ping","id":1}', false); // replies { type: 'pong', id: 1 }
 * ```
 */
export async function handleClientMessage({ vajra, server, connection, limits, logger }: Context, data: string | Uint8Array, isBinary: boolean): Promise<void> {
  let replyId: unknown;
  try {
    if (isBinary) throw fail('BINARY_UNSUPPORTED', 'Send JSON text messages');
    const size = typeof data === 'string' ? (data.length * 3 > limits.wsMessageBytes ? new TextEncoder().encode(data).byteLength : data.length) : data.byteLength;
    if (size > limits.wsMessageBytes) throw fail('MESSAGE_TOO_LARGE', `Messages are limited to ${limits.wsMessageBytes} bytes`, 413);
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw fail('INVALID_JSON', 'The message is not valid JSON');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof (raw as { type?: unknown }).type !== 'string') {
      throw new VajraError('VALIDATION_FAILED', 'A message is a JSON object with a string "type"', { status: 422 });
    }
    const message = fromSeedAlias(raw as Record<string, unknown>);
    const rawId = (message as { id?: unknown }).id;
    if (typeof rawId === 'string' || typeof rawId === 'number') replyId = rawId;
    const type = message.type as string;
    if (!Object.hasOwn(clientMessageSchemas, type)) throw fail('UNKNOWN_MESSAGE_TYPE', `Unknown message type "${String(type).slice(0, 64)}"`);
    if (MUTATING.has(type) && connection.access.principal === null && server.authRequired()) {
      throw new VajraError('UNAUTHENTICATED', 'This command needs credentials', { status: 401 });
    }
    const id = replyId;
    const withId = (body: Record<string, unknown>) => (id === undefined ? body : { ...body, id });
    const result = (command: string, value: unknown) => connection.reply(withId({ type: 'result', command, data: value }));
    const access = connection.access;
    switch (type as ClientMessageType) {
      case 'ping':
        parseInput(clientMessageSchemas.ping, message, 'message');
        return connection.reply(withId({ type: 'pong', at: new Date(vajra.clock.now()).toISOString() }));
      case 'subscribe': {
        const { topics } = parseInput(clientMessageSchemas.subscribe, message, 'message');
        for (const topic of topics) {
          if (!isValidTopic(topic)) throw fail('INVALID_TOPIC', `Unknown topic ${JSON.stringify(String(topic).slice(0, 100))}; use e.g. audio:spectrum, session:*, wheel:*, astro:*, oracle:*`);
        }
        if (new Set([...connection.topics, ...topics]).size > limits.wsTopics) throw fail('TOO_MANY_TOPICS', `At most ${limits.wsTopics} topics per connection`);
        for (const topic of topics) connection.topics.add(topic);
        return connection.reply(withId({ type: 'subscribed', topics: [...connection.topics] }));
      }
      case 'unsubscribe': {
        const { topics } = parseInput(clientMessageSchemas.unsubscribe, message, 'message');
        for (const topic of topics) connection.topics.delete(topic);
        return connection.reply(withId({ type: 'unsubscribed', topics: [...connection.topics] }));
      }
      case 'session.create': {
        const { session } = parseInput(clientMessageSchemas['session.create'], message, 'message');
        const { audio_type: audioType, prayer_bowl_mode: prayerBowlMode, ...rest } = session;
        const input = parseInput(createSessionSchema, { ...rest, ...(audioType === undefined ? {} : { audioType }), ...(prayerBowlMode === undefined ? {} : { prayerBowlMode }) }, 'session');
        return result(type, await vajra.sessions.create(input, { owner: access.owner }));
      }
      case 'session.get':
      case 'session.start':
      case 'session.pause':
      case 'session.resume':
      case 'session.stop': {
        const { sessionId } = parseInput(clientMessageSchemas[type as 'session.start'], message, 'message');
        const session = await visibleSession(vajra, access, sessionId);
        if (type === 'session.get') return result(type, session);
        const action = type.slice('session.'.length) as 'start' | 'pause' | 'resume' | 'stop';
        return result(type, await vajra.sessions[action](sessionId));
      }
      case 'wheel.start':
      case 'wheel.stop': {
        const { wheelId } = parseInput(clientMessageSchemas[type as 'wheel.start'], message, 'message');
        await visibleWheel(vajra, access, wheelId);
        return result(type, type === 'wheel.start' ? await vajra.wheels.start(wheelId) : await vajra.wheels.stop(wheelId));
      }
      case 'oracle.generate': {
        const { request } = parseInput(clientMessageSchemas['oracle.generate'], message, 'message');
        return await runOracleGenerate({ vajra, connection, request, id, logger });
      }
    }
  } catch (error) {
    const problem = toProblem(error, logger);
    connection.reply({
      type: 'error',
      ...(replyId === undefined ? {} : { id: replyId }),
      code: problem.code,
      message: problem.detail,
      status: problem.status,
      ...(problem.details === undefined ? {} : { details: problem.details }),
    });
  }
}
