import type { LanguageModelFinishReason, LanguageModelUsage } from '../spec/language-model';
import type { GuidedScript } from '../spec/guided-script';
import type { TextKind } from '../spec/oracle-task';
import type { AttemptRecord } from './provider-chain';

/**
 * The result of `oracle.generate()` and the final part of `oracle.stream()`.
 *
 * @example
 * ```ts
 * const { text, provider, usage, script } = await oracle.generate({ kind: 'meditation', intention: 'rest', duration: 300 });
 * ```
 */
export interface OracleResult {
  kind: TextKind;
  text: string;
  /** For meditations and contemplations: the text parsed into speech and timed pauses. */
  script?: GuidedScript;
  provider: string;
  modelId: string;
  usage: LanguageModelUsage;
  finishReason: LanguageModelFinishReason;
  /** Every attempt made, failures first, the successful one last. */
  attempts: AttemptRecord[];
  /** True when the answer did not come from the first provider in the chain. */
  fellBack: boolean;
}

/**
 * One part of an oracle stream: text deltas (a `reset` when a provider failed mid-text), then `done`.
 *
 * @example
 * ```ts
 * let text = '';
 * const onPart = (part: OracleStreamPart): void => {
 *   if (part.type === 'delta') text += part.text;
 *   else if (part.type === 'reset') text = ''; // part.provider failed with part.code; another attempt follows
 *   else console.log(part.result.provider, part.result.usage.totalTokens);
 * };
 * for await (const part of oracle.stream({ kind: 'story', intention: 'patience' })) onPart(part);
 * ```
 */
export type OracleStreamPart =
  | { type: 'delta'; text: string }
  /** A provider failed after sending text: discard what arrived so far, another attempt follows. */
  | { type: 'reset'; provider: string; code: string }
  | { type: 'done'; result: OracleResult };

/**
 * An AsyncIterable of text deltas ending in the final result; `result` settles when the stream ends
 * (looking at `result` alone also starts the stream).
 *
 * @example
 * ```ts
 * for await (const part of oracle.stream({ kind: 'story', intention: 'patience' })) {
 *   if (part.type === 'delta') process.stdout.write(part.text);
 *   if (part.type === 'reset') console.log('\n(restarting with another provider)');
 * }
 * ```
 */
export interface OracleStream extends AsyncIterable<OracleStreamPart> {
  readonly result: Promise<OracleResult>;
  /** Consumes the stream and returns the final text. */
  text(): Promise<string>;
}

/**
 * Per-call options.
 *
 * @example
 * ```ts
 * const options: OracleCallOptions = { signal: AbortSignal.timeout(120_000), timeoutMs: 15_000 }; // ms
 * const { text } = await oracle.generate({ kind: 'prayer', intention: 'rain for the farms' }, options);
 * ```
 */
export interface OracleCallOptions {
  signal?: AbortSignal;
  /** Overrides the oracle's per-request timeout (ms without progress). */
  timeoutMs?: number;
}

/**
 * Options of `oracle.health()`.
 *
 * @example
 * ```ts
 * const options: HealthOptions = { probe: false, signal: AbortSignal.timeout(5_000) };
 * const statuses = await oracle.health(options); // configuration only: SDK installed, key format; no network
 * ```
 */
export interface HealthOptions extends OracleCallOptions {
  /**
   * Also call each provider (a cheap request such as listing models). Default true; `false` checks only
   * what needs no network: the SDK is installed and the key has a possible format.
   */
  probe?: boolean;
}

/**
 * Health of one provider, from `oracle.health()`.
 *
 * @example
 * ```ts
 * const statuses: ProviderStatus[] = await oracle.health();
 * // [{ provider: 'offline', modelId: 'grammar-v1', ok: true, latencyMs: 0, inRotation: true }, …]
 * for (const status of statuses.filter((s) => !s.ok)) console.warn(`${status.provider}/${status.modelId}: ${status.code} ${status.message}`);
 * ```
 */
export interface ProviderStatus {
  provider: string;
  modelId: string;
  ok: boolean;
  latencyMs: number;
  /** The error code when not ok, e.g. `PROVIDER_MISCONFIGURED` for a missing SDK or a malformed key. */
  code?: string;
  /** What is wrong, when not ok (never contains a key). */
  message?: string;
  /** Whether the chain currently uses the provider: false while its circuit is open after a failure (the offline fallback always stays in rotation). */
  inRotation: boolean;
}
