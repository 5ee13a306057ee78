import { tibetanDate } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { numberOption } from '../../command/option-values';
import { formatTable } from '../../output/format-table';
import { dateOf, dateOptions } from './astro-inputs';
import { displayName } from './format-astro';

async function run(context: CommandContext): Promise<void> {
  const date = dateOf(context);
  // The civil day is the one of the local time zone unless an offset is given.
  const utcOffsetMinutes = numberOption(context, 'utc-offset-minutes', { min: -14 * 60, max: 14 * 60, integer: true }) ?? -new Date(Date.parse(date)).getTimezoneOffset();
  const day = tibetanDate(date, { utcOffsetMinutes });
  if (context.json) {
    context.terminal.json(day);
    return;
  }
  const { terminal } = context;
  const rows = [
    ['Civil date', day.gregorian],
    ['Year', `${day.year} (royal year ${day.royalYear}), ${displayName(day.element)} ${displayName(day.animal)}, rabjung ${day.rabjung}`],
    ['Month', `${day.month}${day.leapMonth ? ' (leap month)' : ''}`],
    ['Lunar day', `${day.day}${day.leapDay ? ' (first of a doubled day)' : ''}`],
    ['Observances', day.observances.length > 0 ? day.observances.join('; ') : '—'],
  ];
  terminal.print(formatTable(rows, { header: ['', 'Tibetan calendar (Phugpa)'], style: terminal.style }));
}

/** `vajra astro tibetan`. */
export const tibetanCommand = defineCommand({
  name: 'tibetan',
  summary: 'the Phugpa Tibetan calendar date, with practice days and Düchen',
  usage: 'astro tibetan [--date <ISO 8601>] [--utc-offset-minutes <minutes>]',
  options: {
    ...dateOptions,
    'utc-offset-minutes': { type: 'string', value: '<minutes>', description: "offset of the civil day's time zone (default: the local zone's)" },
  },
  examples: ['vajra astro tibetan', 'vajra astro tibetan --date 2025-06-11T12:00:00Z --json'],
  run,
});
