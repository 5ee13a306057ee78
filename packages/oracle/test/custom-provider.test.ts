import { VajraError } from '@vajra-stream/core';
import { describe, expect, it } from 'vitest';
import { createOracle, offline, type LanguageModel, type ProviderErrorDetails } from '../src/index';

// A provider written outside the package signals retryable failures the documented way: a core
// VajraError whose details are ProviderErrorDetails (no helper of this package needed).
function flakyProvider(failures: readonly ProviderErrorDetails[]): LanguageModel & { calls: number } {
  const usage = { inputTokens: 1, outputTokens: 1, totalTokens: 2 };
  const model = {
    specificationVersion: 'v1' as const,
    provider: 'mine',
    modelId: 'mine-1',
    free: true,
    calls: 0,
    async generate() {
      const failure = failures[model.calls++];
      if (failure !== undefined) throw new VajraError('PROVIDER_UNAVAILABLE', 'mine: down', { status: 503, details: failure });
      return { text: 'From mine.', finishReason: 'stop' as const, usage };
    },
    async *stream() {
      const { text } = await model.generate();
      yield { type: 'text-delta' as const, text };
      yield { type: 'finish' as const, usage, finishReason: 'stop' as const };
    },
  };
  return model;
}

describe('a third-party provider', () => {
  const input = { kind: 'prayer', intention: 'peace' } as const;

  it('is retried on the same provider when its error says retryable: true', async () => {
    const mine = flakyProvider([{ provider: 'mine', retryable: true }]);
    const result = await createOracle({ providers: [mine], fallback: offline({ seed: 1 }), retries: 1, backoffMs: 1 }).generate(input);
    expect(result).toMatchObject({ provider: 'mine', text: 'From mine.', fellBack: false });
    expect(result.attempts.map((a) => a.code)).toEqual(['PROVIDER_UNAVAILABLE', 'OK']);
    expect(mine.calls).toBe(2);
  });

  it('is not retried when its error says retryable: false; the fallback answers', async () => {
    const mine = flakyProvider([{ provider: 'mine', retryable: false }]);
    const result = await createOracle({ providers: [mine], fallback: offline({ seed: 1 }), retries: 1, backoffMs: 1 }).generate(input);
    expect(result).toMatchObject({ provider: 'offline', fellBack: true });
    expect(mine.calls).toBe(1);
  });
});
