import { isVajraError, type Clock, type Logger } from '@vajra-stream/core';
import { isRetryable, providerError, retryAfterMs } from '../errors/provider-error';
import { estimateTokens } from '../providers/estimate-tokens';
import type { LanguageModel, LanguageModelRequest, LanguageModelResult, LanguageModelStreamPart } from '../spec/language-model';
import type { SpendingLedger } from './spending-ledger';

/**
 * What happened to one attempt on one provider (`OracleResult.attempts`, `details.attempts` of `ALL_PROVIDERS_FAILED`).
 *
 * @example
 * ```ts
 * const { attempts } = await oracle.generate({ kind: 'blessing', intention: 'travellers' });
 * // [{ provider: 'openai', modelId: 'gpt-4o-mini', retry: 0, code: 'PROVIDER_TIMEOUT', message: '…' }, …, { provider: 'offline', modelId: 'grammar-v1', retry: 0, code: 'OK' }]
 * const failures: AttemptRecord[] = attempts.filter((attempt) => attempt.code !== 'OK');
 * ```
 */
export interface AttemptRecord {
  provider: string;
  modelId: string;
  /** 0 for the first try on this provider. */
  retry: number;
  code: string | 'OK';
  message?: string;
}

/** Retry, backoff and health settings of the chain. */
export interface ChainSettings {
  /** Retries per provider on retryable errors (default 2). */
  retries: number;
  /** First backoff in ms, doubled each retry with ±25 % jitter, capped by `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A `retry-after` longer than this moves on to the next provider instead of waiting. */
  maxRetryAfterMs: number;
  /** Per-call timeout (ms without progress). */
  timeoutMs: number;
  /** Consecutive failures that take a provider out of rotation … */
  failureThreshold: number;
  /** … for this long (ms); then it gets one trial call. */
  cooldownMs: number;
}

/** Calls a model through the ledger, the timeout and the caller's signal. */
export interface ModelCaller {
  generate(request: LanguageModelRequest): Promise<LanguageModelResult>;
  stream(request: LanguageModelRequest): AsyncGenerator<LanguageModelStreamPart>;
}

/** State of one provider's circuit breaker. */
export interface ProviderHealth {
  provider: string;
  modelId: string;
  consecutiveFailures: number;
  /** Until when (ms since epoch) the provider is skipped; null when it is in rotation. */
  openUntil: number | null;
}

/** The priority chain: health-aware ordering, retries with backoff, fallback, spending. */
export class ProviderChain {
  readonly health = new Map<LanguageModel, ProviderHealth>();

  constructor(
    private readonly models: readonly LanguageModel[],
    private readonly fallback: LanguageModel | null,
    private readonly settings: ChainSettings,
    private readonly ledger: SpendingLedger,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {
    for (const model of [...models, ...(fallback ? [fallback] : [])]) {
      this.health.set(model, { provider: model.provider, modelId: model.modelId, consecutiveFailures: 0, openUntil: null });
    }
  }

  /** Providers to try, in order: those in rotation first, the fallback last. */
  candidates(): LanguageModel[] {
    const now = this.clock.now();
    const open = this.models.filter((m) => {
      const h = this.health.get(m)!;
      return h.openUntil === null || h.openUntil <= now;
    });
    return [...open, ...(this.fallback ? [this.fallback] : [])];
  }

  markSuccess(model: LanguageModel): void {
    const h = this.health.get(model);
    if (h) Object.assign(h, { consecutiveFailures: 0, openUntil: null });
  }

  markFailure(model: LanguageModel, force = false): void {
    const h = this.health.get(model);
    if (!h) return;
    h.consecutiveFailures += 1;
    if (force || h.consecutiveFailures >= this.settings.failureThreshold) {
      h.openUntil = this.clock.now() + this.settings.cooldownMs;
      this.logger.warn('oracle provider taken out of rotation', { provider: model.provider, modelId: model.modelId, cooldownMs: this.settings.cooldownMs });
    }
  }

  /**
   * Runs `work` on each candidate until one succeeds. `work` gets a caller that applies the spending
   * cap and timeout to every model call it makes; `onRetry` runs before a retry or fallback.
   */
  async run<T>(
    signal: AbortSignal | undefined,
    work: (model: LanguageModel, caller: ModelCaller) => Promise<T>,
    onRetry?: (attempt: AttemptRecord) => void,
  ): Promise<{ value: T; model: LanguageModel; attempts: AttemptRecord[] }> {
    const attempts: AttemptRecord[] = [];
    for (const model of this.candidates()) {
      for (let retry = 0; retry <= this.settings.retries; retry++) {
        throwIfAborted(signal);
        try {
          const value = await work(model, this.caller(model, signal));
          attempts.push({ provider: model.provider, modelId: model.modelId, retry, code: 'OK' });
          this.markSuccess(model);
          return { value, model, attempts };
        } catch (error) {
          const code = isVajraError(error) ? error.code : 'UNKNOWN';
          const message = error instanceof Error ? error.message : String(error);
          const record: AttemptRecord = { provider: model.provider, modelId: model.modelId, retry, code, message };
          attempts.push(record);
          if (code === 'ABORTED' || signal?.aborted) throw providerError('ABORTED', model.provider, 'request aborted by the caller', { retryable: false });
          if (code === 'SPENDING_CAP_REACHED') {
            if (this.ledger.onReached === 'error') throw error;
            break; // this provider is metered; try the next (free) one
          }
          const wait = this.waitBefore(error, retry);
          const retrying = isRetryable(error) && retry < this.settings.retries && wait !== undefined;
          this.logger.warn(retrying ? 'oracle call failed, retrying' : 'oracle call failed, moving on', {
            provider: model.provider,
            modelId: model.modelId,
            code,
            retry,
            waitMs: retrying ? wait : undefined,
          });
          onRetry?.(record);
          if (!retrying) {
            this.markFailure(model, code === 'PROVIDER_AUTH_FAILED' || code === 'PROVIDER_MISCONFIGURED');
            break;
          }
          await sleep(wait!, this.clock, signal);
        }
      }
    }
    const everyCap = attempts.length > 0 && attempts.every((a) => a.code === 'SPENDING_CAP_REACHED');
    throw providerError(
      everyCap ? 'SPENDING_CAP_REACHED' : 'ALL_PROVIDERS_FAILED',
      'oracle',
      everyCap ? 'spending cap reached and no free provider left' : `every provider failed (${attempts.map((a) => `${a.provider}: ${a.code}`).join(', ') || 'none configured'})`,
      {
        retryable: !everyCap && attempts.some((a) => a.code === 'PROVIDER_RATE_LIMITED' || a.code === 'PROVIDER_UNAVAILABLE' || a.code === 'PROVIDER_TIMEOUT'),
      },
    );
  }

  /** Milliseconds to wait before retry number `retry + 1`, or undefined when the server asks for too long. */
  private waitBefore(error: unknown, retry: number): number | undefined {
    const asked = retryAfterMs(error);
    if (asked !== undefined) return asked <= this.settings.maxRetryAfterMs ? asked : undefined;
    const base = Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** retry);
    return Math.round(base * (0.75 + this.random() * 0.5));
  }

  private caller(model: LanguageModel, signal: AbortSignal | undefined): ModelCaller {
    const { ledger, settings } = this;
    const prepare = (request: LanguageModelRequest) => {
      const reservation = ledger.reserve(model, request);
      const prepared: LanguageModelRequest = { ...request, timeoutMs: request.timeoutMs ?? settings.timeoutMs, ...(signal ? { signal } : {}) };
      if (reservation.maxOutputTokens !== undefined) prepared.maxOutputTokens = reservation.maxOutputTokens;
      return { reservation, prepared };
    };
    return {
      async generate(request) {
        const { reservation, prepared } = prepare(request);
        try {
          const result = await model.generate(prepared);
          ledger.commit(reservation, result.usage);
          return result;
        } finally {
          ledger.release(reservation);
        }
      },
      async *stream(request) {
        const { reservation, prepared } = prepare(request);
        let received = '';
        try {
          for await (const part of model.stream(prepared)) {
            if (part.type === 'finish') ledger.commit(reservation, part.usage);
            else received += part.text;
            yield part;
          }
        } finally {
          // a stream that broke after sending text was billed by the vendor: book an estimate
          if (reservation.metered && received) {
            const inputTokens = estimateTokens(prepared.messages.map((m) => m.content).join('\n'));
            const outputTokens = estimateTokens(received);
            ledger.commit(reservation, { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });
          }
          ledger.release(reservation);
        }
      },
    };
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw providerError('ABORTED', 'oracle', 'request aborted by the caller', { retryable: false });
}

/** Waits on the clock; rejects with ABORTED when the signal fires. */
export function sleep(ms: number, clock: Clock, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(providerError('ABORTED', 'oracle', 'request aborted by the caller', { retryable: false }));
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(providerError('ABORTED', 'oracle', 'request aborted by the caller', { retryable: false }));
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
