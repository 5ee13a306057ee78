import type { FakeVendor, WireFormat } from './fake-server';
import { startFakeVendor } from './fake-server';

/**
 * A fake OpenAI chat-completions endpoint (`POST /v1/chat/completions`, `GET /v1/models`) speaking the
 * documented wire format: JSON completions, and SSE `chat.completion.chunk`s ending in `data: [DONE]`.
 * Auth: `Authorization: Bearer <apiKey>` (no check when apiKey is undefined, like a local server).
 */
export function startFakeOpenAI(options: { apiKey?: string } = {}): Promise<FakeVendor> {
  const { apiKey } = options;
  const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  const wire: WireFormat = {
    authorized: (headers) => apiKey === undefined || headers.authorization === `Bearer ${apiKey}`,
    unauthorized(res, headers) {
      // the real API echoes (part of) the key it got; this echoes all of it, so redaction is tested hard
      const got = String(headers.authorization ?? '').replace(/^Bearer /, '');
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${got}.`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    },
    error(res, status, message, headers) {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } }));
    },
    json(res, body, { text, inputTokens, outputTokens }) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: 1_700_000_000,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens },
        }),
      );
    },
    streamEvents(body, pieces, { inputTokens, outputTokens }, complete) {
      const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: body.model };
      const events = [data({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })];
      for (const piece of pieces) events.push(data({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] }));
      if (!complete) return events;
      events.push(data({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
      const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
      if (wantsUsage) events.push(data({ ...base, choices: [], usage: { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens } }));
      events.push('data: [DONE]\n\n');
      return events;
    },
    malformedEvents: () => [
      data({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Om ' }, finish_reason: null }] }),
      'data: {"id": "x", "choices": [{"delta": {"content": "Ma\n\n',
    ],
    errorEvent: (message) => data({ error: { message, type: 'server_error', code: null } }),
    models(res) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'test' }] }));
    },
    isStreamRequest: (body) => body?.stream === true,
  };
  return startFakeVendor(wire);
}
