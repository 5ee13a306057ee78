import type { FakeVendor, WireFormat } from './fake-server';
import { startFakeVendor } from './fake-server';

/**
 * A fake Anthropic Messages endpoint (`POST /v1/messages`, `GET /v1/models`) speaking the documented
 * wire format: a Message JSON, or SSE events message_start, content_block_start, content_block_delta
 * (text_delta), content_block_stop, message_delta (stop_reason + usage), message_stop.
 * Auth: `x-api-key: <apiKey>` or `Authorization: Bearer <apiKey>` (what @anthropic-ai/sdk 1.x sends), and an
 * `anthropic-version` header.
 */
export function startFakeAnthropic(options: { apiKey: string }): Promise<FakeVendor> {
  const event = (name: string, value: unknown) => `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`;
  const message = (model: unknown, content: unknown[], inputTokens: number, outputTokens: number, stop: string | null) => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: inputTokens, output_tokens: outputTokens },
  });
  const wire: WireFormat = {
    authorized: (headers) => (headers['x-api-key'] === options.apiKey || headers.authorization === `Bearer ${options.apiKey}`) && typeof headers['anthropic-version'] === 'string',
    unauthorized(res, headers) {
      res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_fake' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid credential ${String(headers['x-api-key'] ?? headers.authorization)}` } }));
    },
    error(res, status, text, headers) {
      const type = status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error';
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ type: 'error', error: { type, message: text } }));
    },
    json(res, body, { text, inputTokens, outputTokens }) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(message(body.model, [{ type: 'text', text }], inputTokens, outputTokens, 'end_turn')));
    },
    streamEvents(body, pieces, { inputTokens, outputTokens }, complete) {
      const events = [
        event('message_start', { type: 'message_start', message: message(body.model, [], inputTokens, 1, null) }),
        event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
        event('ping', { type: 'ping' }),
      ];
      for (const piece of pieces) events.push(event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }));
      if (!complete) return events;
      events.push(
        event('content_block_stop', { type: 'content_block_stop', index: 0 }),
        event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } }),
        event('message_stop', { type: 'message_stop' }),
      );
      return events;
    },
    malformedEvents: () => [
      event('message_start', { type: 'message_start', message: message('m', [], 5, 1, null) }),
      'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_del\n\n',
    ],
    errorEvent: (message) => event('error', { type: 'error', error: { type: 'overloaded_error', message } }),
    models(res) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ data: [{ type: 'model', id: 'claude-fake', display_name: 'Fake', created_at: '2025-01-01T00:00:00Z' }], has_more: false, first_id: 'claude-fake', last_id: 'claude-fake' }),
      );
    },
    isStreamRequest: (body) => body?.stream === true,
  };
  return startFakeVendor(wire);
}
