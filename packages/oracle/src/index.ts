/**
 * `@vajra-stream/oracle`: prayers, blessings, dedications, teachings, stories, guided meditations,
 * contemplations and session plans from any LLM (OpenAI, Anthropic, any OpenAI-compatible local
 * server) behind one small provider spec, with retries, fallback, a spending cap and a real offline
 * composer as the embedded default.
 *
 * @example
 * ```ts
 * import { createOracle, offline } from '@vajra-stream/oracle';
 * const oracle = createOracle({ fallback: offline({ seed: 7 }) });
 * const { text } = await oracle.generate({ kind: 'blessing', intention: 'a safe journey home' });
 * const plan = await oracle.plan({ intention: 'peace', duration: 600 });
 * ```
 * @module @vajra-stream/oracle
 */
export type {
  LanguageModel,
  LanguageModelMessage,
  LanguageModelRequest,
  LanguageModelResult,
  LanguageModelStreamPart,
  LanguageModelUsage,
  LanguageModelFinishReason,
} from './spec/language-model';
export {
  textKinds,
  textLengths,
  oracleContextSchema,
  generateInputSchema,
  type TextKind,
  type OracleContext,
  type GenerateInput,
  type TextTask,
  type OracleTask,
} from './spec/oracle-task';
export { parseGuidedScript, type GuidedScript, type ScriptSegment } from './spec/guided-script';
export { OracleErrorCodes, type OracleErrorCode } from './errors/oracle-error-codes';
export type { ProviderErrorDetails } from './errors/provider-error';
export { openai, type OpenAIProviderOptions } from './providers/openai';
export { openaiCompatible, type OpenAICompatibleProviderOptions } from './providers/openai-compatible';
export { anthropic, type AnthropicProviderOptions } from './providers/anthropic';
export { offline, type OfflineProviderOptions } from './offline/offline';
export { createOracle, planInputSchema, type Oracle, type OracleOptions, type PlanInput } from './oracle/create-oracle';
export type { OracleResult, OracleStream, OracleStreamPart, OracleCallOptions, HealthOptions, ProviderStatus } from './oracle/oracle-types';
export type { AttemptRecord } from './oracle/provider-chain';
export { createSpendingLedger, type SpendingCapOptions, type SpendingSnapshot, type ModelPrice, type SpendingLedger } from './oracle/spending-ledger';
export { sessionPlanSchema, type SessionPlan } from './plan/session-plan';
export { planDraftSchema, type PlanDraft } from './plan/plan-draft';
export {
  oraclePlugin,
  providersFromConfig,
  type OraclePluginApi,
  type OraclePluginOptions,
  type OracleStreamOptions,
  type OracleDeltaEvent,
  type OracleDoneEvent,
  type OracleFailedEvent,
} from './plugin/oracle-plugin';
export { oracleConfigSchema, type OracleConfig, type OracleConfigInput } from './plugin/oracle-config-schema';
