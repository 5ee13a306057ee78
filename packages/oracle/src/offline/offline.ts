import { providerError } from '../errors/provider-error';
import { estimateTokens } from '../providers/estimate-tokens';
import type { LanguageModel, LanguageModelRequest, LanguageModelResult, LanguageModelStreamPart } from '../spec/language-model';
import { generateInputSchema } from '../spec/oracle-task';
import { composePlanDraft } from './compose-plan-draft';
import { composeText } from './compose-text';
import { createRandom } from './random';

/**
 * Options of {@link offline}.
 *
 * @example
 * ```ts
 * const options: OfflineProviderOptions = { seed: 'retreat-2026', streamDelayMs: 40 };
 * const oracle = createOracle({ providers: [], fallback: offline(options) });
 * ```
 */
export interface OfflineProviderOptions {
  /**
   * Seed of the composer. With a seed, the same request always gives the same text; without one,
   * each call draws a new variation (deterministically from call count, so runs are reproducible).
   */
  seed?: string | number;
  /** Pause between streamed phrases in ms (0 = as fast as possible). */
  streamDelayMs?: number;
}

/**
 * The embedded default: a deterministic, seedable grammar composer that writes prayers, blessings,
 * dedications, teachings, stories, guided meditations and contemplations, and session plans, from
 * the practice material, with no network and no key. It reads the request's `task`; prose-only
 * requests get a contemplation on the last user message.
 *
 * @example
 * ```ts
 * const oracle = createOracle({ providers: [], fallback: offline({ seed: 42 }) });
 * const { text } = await oracle.generate({ kind: 'meditation', intention: 'calm before an exam', duration: 300 });
 * ```
 */
export function offline(options: OfflineProviderOptions = {}): LanguageModel {
  let calls = 0;
  const compose = (request: LanguageModelRequest): string => {
    if (request.signal?.aborted) throw providerError('ABORTED', 'offline', 'request aborted by the caller', { retryable: false });
    const seed = options.seed === undefined ? `call-${calls++}` : String(options.seed);
    const task = request.task;
    if (task?.type === 'plan') return JSON.stringify(composePlanDraft(task, seed));
    if (task?.type === 'text') {
      const { type: _type, ...input } = task;
      return composeText(generateInputSchema.parse(input), seed);
    }
    const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? 'peace';
    return composeText({ kind: 'contemplation', intention: last.slice(0, 200) }, seed);
  };
  const usage = (request: LanguageModelRequest, text: string) => {
    const inputTokens = estimateTokens(request.messages.map((m) => m.content).join('\n'));
    const outputTokens = estimateTokens(text);
    return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  };
  return {
    specificationVersion: 'v1',
    provider: 'offline',
    modelId: options.seed === undefined ? 'grammar-v1' : `grammar-v1#${options.seed}`,
    free: true,
    async generate(request): Promise<LanguageModelResult> {
      const text = compose(request);
      return { text, usage: usage(request, text), finishReason: 'stop' };
    },
    async *stream(request): AsyncGenerator<LanguageModelStreamPart> {
      const text = compose(request);
      const random = createRandom(text.length);
      for (const piece of phrases(text, random)) {
        if (request.signal?.aborted) throw providerError('ABORTED', 'offline', 'request aborted by the caller', { retryable: false });
        if (options.streamDelayMs) await new Promise((resolve) => setTimeout(resolve, options.streamDelayMs));
        yield { type: 'text-delta', text: piece };
      }
      yield { type: 'finish', usage: usage(request, text), finishReason: 'stop' };
    },
    async checkHealth() {},
  };
}

/** Splits text into deltas of one to three words, keeping every character (whitespace included). */
function phrases(text: string, random: ReturnType<typeof createRandom>): string[] {
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const take = random.int(1, 3);
    out.push(tokens.slice(i, i + take).join(''));
    i += take;
  }
  return out;
}
