import { textKinds, textLengths, type GenerateInput, type OracleContext } from '@vajra-stream/oracle';
import type { CommandContext, OptionSpec } from '../../command/define-command';
import { choiceOption, numberOption, stringOption } from '../../command/option-values';
import { usageError } from '../../command/usage-error';

/** Options describing what to write, shared by `generate` and `stream`. */
export const textRequestOptions: Record<string, OptionSpec> = {
  kind: { type: 'string', value: `<${textKinds.join('|')}>`, description: 'what to write (default prayer)' },
  intention: { type: 'string', short: 'i', value: '<text>', description: 'what it is for (or give it as the argument)' },
  length: { type: 'string', value: `<${textLengths.join('|')}>`, description: 'length of the text (default medium)' },
  duration: { type: 'string', value: '<seconds>', description: 'length of a guided meditation' },
  tradition: { type: 'string', value: '<name>', description: 'tradition to write in' },
  'moon-phase': { type: 'string', value: '<name>', description: 'context: moon phase, e.g. "full moon"' },
  'planetary-hour': { type: 'string', value: '<planet>', description: 'context: ruler of the planetary hour' },
  tithi: { type: 'string', value: '<1-30>', description: 'context: lunar day of the panchanga' },
  'lunar-day': { type: 'string', value: '<1-30>', description: 'context: Tibetan lunar day' },
  occasion: { type: 'string', value: '<text>', description: 'context: festival or special day' },
};

/**
 * The intention: `--intention` or the positional argument (one is required).
 *
 * @example
 * ```ts
 * const intention = intentionOf(context);
 * ```
 */
export function intentionOf(context: CommandContext): string {
  const intention = stringOption(context, 'intention') ?? context.positionals.join(' ');
  if (intention.trim() === '') throw usageError(`${context.commandPath} needs an intention: ${context.commandPath} "peace for all beings"`);
  return intention;
}

/**
 * Context for the text from the `--moon-phase`, `--tithi`, … options (undefined when none is given).
 *
 * @example
 * ```ts
 * const context = oracleContextOf(commandContext);
 * ```
 */
export function oracleContextOf(context: CommandContext): OracleContext | undefined {
  const tithi = numberOption(context, 'tithi', { min: 1, max: 30, integer: true });
  const lunarDay = numberOption(context, 'lunar-day', { min: 1, max: 30, integer: true });
  const entries = {
    moonPhase: stringOption(context, 'moon-phase'),
    planetaryHour: stringOption(context, 'planetary-hour'),
    occasion: stringOption(context, 'occasion'),
    tithi,
    lunarDay,
  };
  const given = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  return Object.keys(given).length > 0 ? (given as OracleContext) : undefined;
}

/**
 * The `generate`/`stream` request of a command line.
 *
 * @example
 * ```ts
 * const request = textRequestOf(context); // { kind: 'prayer', intention: '…' }
 * ```
 */
export function textRequestOf(context: CommandContext): GenerateInput {
  const duration = numberOption(context, 'duration', { min: 0, exclusiveMin: true });
  const length = choiceOption(context, 'length', textLengths);
  const tradition = stringOption(context, 'tradition');
  const oracleContext = oracleContextOf(context);
  return {
    kind: choiceOption(context, 'kind', textKinds) ?? 'prayer',
    intention: intentionOf(context),
    ...(length ? { length } : {}),
    ...(tradition ? { tradition } : {}),
    ...(duration === undefined ? {} : { duration }),
    ...(oracleContext ? { context: oracleContext } : {}),
  };
}
