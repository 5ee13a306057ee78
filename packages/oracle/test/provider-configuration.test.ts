import { createVajra, type Logger } from '@vajra-stream/core';
import { describe, expect, it } from 'vitest';
import { anthropic, createOracle, offline, openai, openaiCompatible, oraclePlugin, type LanguageModel } from '../src/index';

/** A fetch that records calls and never reaches a network. */
const recordingFetch = () => {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return Response.error();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
};

const failureOf = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code?: string; message?: string; details?: { retryable?: boolean } } | undefined;
  return { code: error?.code, message: error?.message ?? '', retryable: error?.details?.retryable };
};

const ask = { messages: [{ role: 'user' as const, content: 'A blessing.' }] };

describe('providers configured but unable to work', () => {
  const cases: Array<[string, (fetch: typeof globalThis.fetch) => LanguageModel, RegExp]> = [
    ['a pasted "Bearer" prefix', (fetch) => openai({ apiKey: 'Bearer sk-proj-0123456789SECRET', fetch }), /whitespace/],
    ['an Anthropic key given to OpenAI', (fetch) => openai({ apiKey: 'sk-ant-api03-0123456789SECRET', fetch }), /looks like an Anthropic key/],
    ['a key without the vendor prefix', (fetch) => openai({ apiKey: 'proj-0123456789SECRET', fetch }), /does not start with "sk-"/],
    ['an OpenAI key given to Anthropic', (fetch) => anthropic({ apiKey: 'sk-proj-0123456789SECRET', fetch }), /does not start with "sk-ant-"/],
    ['a trailing newline', (fetch) => anthropic({ apiKey: 'sk-ant-api03-0123456789SECRET\n', fetch }), /whitespace/],
    ['quotes around the key', (fetch) => anthropic({ apiKey: '"sk-ant-api03-0123456789SECRET"', fetch }), /quotes/],
    ['a local server key with a space', (fetch) => openaiCompatible({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'my key SECRET', fetch }), /whitespace/],
  ];

  for (const [name, make, problem] of cases) {
    it(`refuses ${name} without a network call, in every method and in health()`, async () => {
      const { calls, fetch } = recordingFetch();
      const model = make(fetch);
      for (const attempt of [
        model.generate(ask),
        model.checkConfiguration!(),
        (async () => {
          for await (const _ of model.stream(ask));
        })(),
      ]) {
        const failure = await failureOf(attempt);
        expect(failure).toMatchObject({ code: 'PROVIDER_MISCONFIGURED', retryable: false });
        expect(failure.message).toMatch(problem);
        expect(failure.message).not.toContain('SECRET');
      }
      const [status] = await createOracle({ providers: [model], fallback: false }).health();
      expect(status).toMatchObject({ ok: false, code: 'PROVIDER_MISCONFIGURED', inRotation: false });
      expect(status?.message).toMatch(problem);
      expect(calls).toEqual([]);
    });
  }

  it('accepts keys of any shape on a custom endpoint (proxies issue their own)', async () => {
    for (const model of [
      openai({ apiKey: 'proxy-key-123', baseURL: 'http://127.0.0.1:9/v1' }),
      anthropic({ apiKey: 'gateway-123', baseURL: 'http://127.0.0.1:9' }),
      openai({ apiKey: 'sk-proj-ok' }),
      anthropic({ apiKey: 'sk-ant-api03-ok' }),
    ]) {
      await expect(model.checkConfiguration!()).resolves.toBeUndefined();
    }
  });

  it('falls back at once and keeps the broken provider out of rotation', async () => {
    const { calls, fetch } = recordingFetch();
    const oracle = createOracle({ providers: [openai({ apiKey: 'sk-ant-api03-0123456789SECRET', fetch })], fallback: offline({ seed: 1 }) });
    const first = await oracle.generate({ kind: 'blessing', intention: 'a safe journey' });
    expect(first.attempts.map((a) => `${a.provider}:${a.code}`)).toEqual(['openai:PROVIDER_MISCONFIGURED', 'offline:OK']);
    const second = await oracle.generate({ kind: 'blessing', intention: 'a safe journey' });
    expect(second.attempts.map((a) => a.provider)).toEqual(['offline']);
    expect(calls).toEqual([]);
  });

  it('reports it when the kernel starts, naming the provider and the problem, never the key', async () => {
    const warnings: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message, fields) => void warnings.push({ message, fields }), child: () => logger };
    const vajra = createVajra({ plugins: [oraclePlugin()], logger, env: { VAJRA_ORACLE__OPENAI__API_KEY: 'Bearer sk-proj-0123456789SECRET' } });
    await vajra.start();
    try {
      const reported = warnings.filter((w) => w.fields?.code === 'PROVIDER_MISCONFIGURED');
      expect(reported).toEqual([{ message: expect.stringContaining('cannot work'), fields: expect.objectContaining({ provider: 'openai', problem: expect.stringMatching(/whitespace/) }) }]);
      expect(JSON.stringify(warnings)).not.toContain('SECRET');
      const health = await vajra.plugin('oracle').health({ probe: false });
      expect(health.map(({ provider, ok, code }) => ({ provider, ok, code }))).toEqual([
        { provider: 'openai', ok: false, code: 'PROVIDER_MISCONFIGURED' },
        { provider: 'offline', ok: true, code: undefined },
      ]);
    } finally {
      await vajra.stop();
    }
  });
});
