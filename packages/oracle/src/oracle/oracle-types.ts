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

/** One part of an oracle stream. */
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

/** Per-call options. */
export interface OracleCallOptions {
  signal?: AbortSignal;
  /** Overrides the oracle's per-request timeout (ms without progress). */
  timeoutMs?: number;
}

/** Options of `oracle.health()`. */
export interface HealthOptions extends OracleCallOptions {
  /**
   * Also call each provider (a cheap request such as listing models). Default true; `false` checks only
   * what needs no network: the SDK is installed and the key has a possible format.
   */
  probe?: boolean;
}

/** Health of one provider. */
export interface ProviderStatus {
  provider: string;
  modelId: string;
  ok: boolean;
  latencyMs: number;
  /** The error code when not ok, e.g. `PROVIDER_MISCONFIGURED` for a missing SDK or a malformed key. */
  code?: string;
  /** What is wrong, when not ok (never contains a key). */
  message?: string;
  /** Whether the chain currently skips the provider (circuit open). */
  inRotation: boolean;
}
