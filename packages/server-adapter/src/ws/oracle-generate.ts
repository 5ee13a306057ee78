import { VajraError, parseInput, type Logger, type Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/oracle';
import { toProblem } from '../http/problem';
import type { ConnectionState } from './create-websocket-hooks';

interface Options {
  vajra: Vajra;
  connection: ConnectionState;
  request: Record<string, unknown>;
  id: unknown;
  logger: Logger;
}

const MAX_CONCURRENT = 2;

/**
 * Run `oracle.generate` for one connection, streaming `oracle:delta` messages (to that connection only)
 * and a final `oracle:done` with the result; failures become an `error` message. Aborted when the
 * connection closes.
 *
 * @example
 * ```ts
 * await runOracleGenerate({ vajra, connection, request: { kind: 'dedication', intention: 'peace' }, id: 1, logger });
 * ```
 */
export async function runOracleGenerate({ vajra, connection, request, id, logger }: Options): Promise<void> {
  if (!vajra.hasPlugin('oracle')) throw new VajraError('PLUGIN_NOT_FOUND', 'The oracle plugin is not installed', { status: 404 });
  const input = parseInput(vajra.plugin('oracle').schemas.generateInput, request, 'oracle request');
  if (connection.aborts.size >= MAX_CONCURRENT) throw new VajraError('TOO_MANY_STREAMS', `At most ${MAX_CONCURRENT} generations at a time per connection`, { status: 429 });
  const abort = new AbortController();
  connection.aborts.add(abort);
  const withId = (message: Record<string, unknown>) => (id === undefined ? message : { ...message, id });
  connection.reply(withId({ type: 'result', command: 'oracle.generate', data: { streaming: true } }));
  // The stream runs in the background so the connection keeps handling messages meanwhile.
  void (async () => {
    let index = 0;
    try {
      for await (const part of vajra.plugin('oracle').oracle.stream(input, { signal: abort.signal })) {
        if (part.type === 'delta') connection.reply(withId({ type: 'oracle:delta', data: { index: index++, text: part.text } }));
        else if (part.type === 'reset') connection.reply(withId({ type: 'oracle:delta', data: { index: index++, text: '', reset: true } }));
        else connection.reply(withId({ type: 'oracle:done', data: part.result }));
      }
    } catch (error) {
      if (!abort.signal.aborted) {
        const problem = toProblem(error, logger);
        connection.reply(withId({ type: 'error', code: problem.code, message: problem.detail, status: problem.status }));
      }
    } finally {
      connection.aborts.delete(abort);
    }
  })();
}
