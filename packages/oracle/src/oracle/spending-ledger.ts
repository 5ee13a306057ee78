import { providerError } from '../errors/provider-error';
import { estimateTokens } from '../providers/estimate-tokens';
import type { LanguageModel, LanguageModelRequest, LanguageModelUsage } from '../spec/language-model';

/**
 * Price of a model in US dollars per million tokens.
 *
 * @example
 * ```ts
 * const gpt4oMini: ModelPrice = { inputPerMillion: 0.15, outputPerMillion: 0.6 };
 * const oracle = createOracle({ providers: [openai()], spendingCap: { maxCostUsd: 2, pricing: { 'openai:gpt-4o-mini': gpt4oMini } } });
 * ```
 */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * A spending cap over all metered (non-free) calls of one oracle.
 *
 * @example
 * ```ts
 * const spendingCap: SpendingCapOptions = {
 *   maxCostUsd: 5,
 *   pricing: { 'openai:gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 }, anthropic: { inputPerMillion: 1, outputPerMillion: 5 } },
 *   onReached: 'fallback',
 *   spent: { costUsd: 1.25 }, // restored from storage
 * };
 * const oracle = createOracle({ providers: [openai(), anthropic()], spendingCap });
 * ```
 */
export interface SpendingCapOptions {
  /** Total tokens (input + output) allowed. */
  maxTokens?: number;
  /** Total cost allowed in USD; needs `pricing` for every metered model (unpriced models are blocked). */
  maxCostUsd?: number;
  /** Prices keyed by `provider:modelId` or `provider`. */
  pricing?: Record<string, ModelPrice>;
  /** `error` (default): throw SPENDING_CAP_REACHED; `fallback`: skip metered providers and use free ones (offline). */
  onReached?: 'error' | 'fallback';
  /** Output budget reserved for a call that sets no `maxOutputTokens` (default 1024). */
  defaultMaxOutputTokens?: number;
  /** Spending already done (e.g. restored from storage). */
  spent?: { tokens?: number; costUsd?: number };
}

/**
 * What has been spent so far (`remaining*` are `null` without that cap).
 *
 * @example
 * ```ts
 * const spent: SpendingSnapshot = oracle.spending();
 * // { tokens: 12840, costUsd: 0, calls: 9, reservedTokens: 0, remainingTokens: 187160, remainingCostUsd: null } under { maxTokens: 200_000 }
 * ```
 */
export interface SpendingSnapshot {
  tokens: number;
  costUsd: number;
  calls: number;
  /** Reserved by calls in flight. */
  reservedTokens: number;
  remainingTokens: number | null;
  remainingCostUsd: number | null;
}

/** A reservation for one call in flight. */
export interface SpendingReservation {
  maxOutputTokens: number | undefined;
  tokens: number;
  costUsd: number;
  price: ModelPrice | undefined;
  metered: boolean;
}

/**
 * Tracks spending and blocks metered calls that would pass the cap; the oracle keeps one per {@link createOracle}.
 *
 * @example
 * ```ts
 * const ledger: SpendingLedger = createSpendingLedger({ maxTokens: 50_000 });
 * const reservation = ledger.reserve(model, request); // throws SPENDING_CAP_REACHED when the call could pass the cap
 * try {
 *   const result = await model.generate({ ...request, maxOutputTokens: reservation.maxOutputTokens });
 *   ledger.commit(reservation, result.usage);
 * } catch (error) {
 *   ledger.release(reservation);
 *   throw error;
 * }
 * ```
 */
export interface SpendingLedger {
  /** Reserves budget for a call (clamping its output tokens to what is left); throws SPENDING_CAP_REACHED. */
  reserve(model: LanguageModel, request: LanguageModelRequest): SpendingReservation;
  /** Books the real usage of a finished call. */
  commit(reservation: SpendingReservation, usage: LanguageModelUsage): void;
  /** Frees a reservation of a call that failed (nothing is booked). */
  release(reservation: SpendingReservation): void;
  /** Whether a metered call could be made at all now. */
  exhausted(): boolean;
  snapshot(): SpendingSnapshot;
  readonly onReached: 'error' | 'fallback';
}

/**
 * Creates a ledger for {@link SpendingCapOptions}. Calls reserve their worst case (estimated input
 * plus the output limit) before they start, so concurrent calls cannot overshoot the cap together.
 *
 * @example
 * ```ts
 * const ledger = createSpendingLedger({ maxTokens: 50_000 });
 * ledger.snapshot().remainingTokens; // 50000
 * ```
 */
export function createSpendingLedger(options: SpendingCapOptions = {}): SpendingLedger {
  let tokens = options.spent?.tokens ?? 0;
  let costUsd = options.spent?.costUsd ?? 0;
  let calls = 0;
  let reservedTokens = 0;
  let reservedCost = 0;
  const defaultOut = options.defaultMaxOutputTokens ?? 1024;
  const priceOf = (model: LanguageModel) => options.pricing?.[`${model.provider}:${model.modelId}`] ?? options.pricing?.[model.provider];
  const blocked = (model: LanguageModel, why: string) => providerError('SPENDING_CAP_REACHED', model.provider, `spending cap reached: ${why}`, { retryable: false });

  return {
    onReached: options.onReached ?? 'error',
    reserve(model, request) {
      const requested = request.maxOutputTokens;
      if (model.free) return { maxOutputTokens: requested, tokens: 0, costUsd: 0, price: undefined, metered: false };
      const input = estimateTokens(request.messages.map((m) => m.content).join('\n'));
      let output = requested ?? defaultOut;
      if (options.maxTokens !== undefined) {
        const left = options.maxTokens - tokens - reservedTokens - input;
        if (left < 1) throw blocked(model, `${tokens} of ${options.maxTokens} tokens used`);
        output = Math.min(output, left);
      }
      const price = priceOf(model);
      let cost = 0;
      if (options.maxCostUsd !== undefined) {
        if (!price) throw blocked(model, `no price known for ${model.provider}:${model.modelId} under a cost cap`);
        const left = options.maxCostUsd - costUsd - reservedCost - (input * price.inputPerMillion) / 1e6;
        const affordable = price.outputPerMillion > 0 ? Math.floor((left * 1e6) / price.outputPerMillion) : Number.POSITIVE_INFINITY;
        if (left <= 0 || affordable < 1) throw blocked(model, `$${costUsd.toFixed(4)} of $${options.maxCostUsd} used`);
        output = Math.min(output, affordable);
      }
      if (price) cost = (input * price.inputPerMillion + output * price.outputPerMillion) / 1e6;
      reservedTokens += input + output;
      reservedCost += cost;
      return { maxOutputTokens: output, tokens: input + output, costUsd: cost, price, metered: true };
    },
    commit(reservation, usage) {
      if (!reservation.metered) return;
      this.release(reservation);
      calls += 1;
      tokens += usage.totalTokens;
      if (reservation.price) costUsd += (usage.inputTokens * reservation.price.inputPerMillion + usage.outputTokens * reservation.price.outputPerMillion) / 1e6;
    },
    release(reservation) {
      if (!reservation.metered) return;
      reservedTokens -= reservation.tokens;
      reservedCost -= reservation.costUsd;
      reservation.metered = false;
    },
    exhausted() {
      return (options.maxTokens !== undefined && tokens >= options.maxTokens) || (options.maxCostUsd !== undefined && costUsd >= options.maxCostUsd);
    },
    snapshot() {
      return {
        tokens,
        costUsd,
        calls,
        reservedTokens,
        remainingTokens: options.maxTokens === undefined ? null : Math.max(0, options.maxTokens - tokens),
        remainingCostUsd: options.maxCostUsd === undefined ? null : Math.max(0, options.maxCostUsd - costUsd),
      };
    },
  };
}
