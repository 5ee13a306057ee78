import type { OracleResult } from '@vajra-stream/oracle';
import type { Terminal } from '../../output/terminal';

/**
 * Say on stderr when the answer came from another provider than the first one asked (the failures
 * that made the oracle move on), so a fallback is never silent.
 *
 * @example
 * ```ts
 * reportFallback(result, context.terminal);
 * ```
 */
export function reportFallback(result: Pick<OracleResult, 'fellBack' | 'attempts' | 'provider'>, terminal: Terminal): void {
  if (!result.fellBack) return;
  const failures = [...new Set(result.attempts.filter((attempt) => attempt.code !== 'OK').map((attempt) => `${attempt.provider} ${attempt.code}`))];
  terminal.note(`${terminal.errorStyle.yellow('warning')} answered by ${result.provider} after ${failures.join(', ') || 'the providers before it failed'}`);
}
