import { resolveConfig, VajraError } from '@vajra-stream/core';
import { anthropic, createOracle, offline, openai, openaiCompatible, oracleConfigSchema, type LanguageModel, type Oracle, type OracleConfig } from '@vajra-stream/oracle';
import type { CommandContext, OptionSpec } from '../../command/define-command';
import { listOption, numberOption, stringOption } from '../../command/option-values';
import { usageError } from '../../command/usage-error';

const PROVIDERS = ['openai', 'anthropic', 'compatible'] as const;
type ProviderName = (typeof PROVIDERS)[number];

/** Options that choose and configure the oracle's providers. */
export const providerOptions: Record<string, OptionSpec> = {
  provider: { type: 'string', multiple: true, value: '<openai|anthropic|compatible>', description: 'ask this LLM provider (in the order given); default: none, the offline composer answers' },
  model: { type: 'string', value: '<id>', description: 'model of the first --provider' },
  'base-url': { type: 'string', value: '<url>', description: 'API base URL of the first --provider (needed by compatible, e.g. http://127.0.0.1:11434/v1)' },
  timeout: { type: 'string', value: '<seconds>', description: 'per-request timeout without progress (default 60)' },
  seed: { type: 'string', value: '<text>', description: 'seed of the offline composer: the same seed gives the same text' },
  'no-fallback': { type: 'boolean', description: 'fail when the providers fail instead of answering offline' },
};

function providerFlags(context: CommandContext): ProviderName[] {
  const flags = listOption(context, 'provider');
  for (const name of flags) if (!(PROVIDERS as readonly string[]).includes(name)) throw usageError(`--provider must be one of ${PROVIDERS.join(', ')}, got "${name}"`);
  return flags as ProviderName[];
}

function withFirstProviderFlags(context: CommandContext, first: ProviderName | undefined): Record<string, unknown> {
  const model = stringOption(context, 'model');
  const baseURL = stringOption(context, 'base-url');
  if (first === undefined) {
    if (model !== undefined || baseURL !== undefined) throw usageError('--model and --base-url apply to a --provider; give one');
    return {};
  }
  const fromEnv = (key: string) => context.env[`VAJRA_ORACLE__COMPATIBLE__${key}`] !== undefined;
  if (first === 'compatible' && ((model === undefined && !fromEnv('MODEL')) || (baseURL === undefined && !fromEnv('BASE_URL')))) {
    throw usageError('--provider compatible needs --base-url and --model (or VAJRA_ORACLE__COMPATIBLE__BASE_URL and …__MODEL)');
  }
  return { [first]: { ...(model === undefined ? {} : { model }), ...(baseURL === undefined ? {} : { baseURL }) } };
}

function missingKey(name: string, variable: string): VajraError {
  return new VajraError('PROVIDER_UNAVAILABLE', `${name} needs an API key: set ${variable} or VAJRA_ORACLE__${name.toUpperCase()}__API_KEY`, { status: 503 });
}

function buildProvider(name: ProviderName, config: OracleConfig, env: Record<string, string | undefined>): LanguageModel {
  const timeoutMs = config.timeoutMs;
  if (name === 'compatible') {
    if (config.compatible === undefined) throw usageError('--provider compatible needs --base-url and --model (or VAJRA_ORACLE__COMPATIBLE__BASE_URL and …__MODEL)');
    return openaiCompatible({ ...config.compatible, timeoutMs });
  }
  const variable = name === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY';
  const apiKey = config[name]?.apiKey ?? env[variable];
  if (!apiKey) throw missingKey(name, variable);
  const settings = { ...config[name], apiKey, timeoutMs };
  return name === 'openai' ? openai(settings) : anthropic(settings);
}

/**
 * The oracle of a command line: offline unless providers are chosen with `--provider` (or
 * `VAJRA_ORACLE__ORDER`), each configured like the server's oracle plugin (`VAJRA_ORACLE__<NAME>__MODEL`,
 * `…__BASE_URL`, `…__API_KEY`, or `OPENAI_API_KEY`/`ANTHROPIC_API_KEY`), with `--model`/`--base-url` for
 * the first. Keys are read from the environment only, never from flags (they would show in `ps`).
 *
 * @example
 * ```ts
 * const oracle = createCliOracle(context);
 * ```
 */
export function createCliOracle(context: CommandContext): Oracle {
  const flags = providerFlags(context);
  const timeout = numberOption(context, 'timeout', { min: 0, exclusiveMin: true });
  const seed = stringOption(context, 'seed');
  const overrides = {
    ...withFirstProviderFlags(context, flags[0]),
    ...(timeout === undefined ? {} : { timeoutMs: Math.round(timeout * 1000) }),
    ...(seed === undefined ? {} : { seed }),
  };
  const config = resolveConfig(oracleConfigSchema, overrides, context.env, ['oracle']);
  const names = flags.length > 0 ? flags : context.env.VAJRA_ORACLE__ORDER === undefined ? [] : config.order;
  const providers = names.map((name) => buildProvider(name, config, context.env));
  const fallback = context.options['no-fallback'] === true ? false : offline(config.seed === undefined ? {} : { seed: config.seed });
  if (providers.length === 0 && fallback === false) throw usageError('--no-fallback needs a --provider');
  return createOracle({ providers, fallback, timeoutMs: config.timeoutMs, retries: config.retries });
}
