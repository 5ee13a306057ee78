import { planetaryHours, type RiseSetDefinition } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { choiceOption } from '../../command/option-values';
import { formatTable } from '../../output/format-table';
import { dateOf, dateOptions, locationOf, locationOptions } from './astro-inputs';
import { displayName, formatInstant, timeZoneNote } from './format-astro';

async function run(context: CommandContext): Promise<void> {
  const definition = choiceOption(context, 'definition', ['upper-limb', 'center', 'hindu'] as readonly RiseSetDefinition[]);
  const date = dateOf(context);
  const day = planetaryHours(date, { ...locationOf(context), ...(definition ? { definition } : {}) });
  const at = Date.parse(date);
  const current = day.hours.find((hour) => hour.startTime <= at && at < hour.endTime)?.hour ?? null;
  if (context.json) {
    context.terminal.json({ ...day, current });
    return;
  }
  const { terminal } = context;
  terminal.print(`${terminal.style.bold(displayName(day.weekday))}, ruled by ${displayName(day.dayRuler)}: sunrise ${formatInstant(day.sunrise)}, sunset ${formatInstant(day.sunset)}`);
  const rows = day.hours.map((hour) => [
    hour.hour === current ? '▶' : '',
    String(hour.hour),
    displayName(hour.ruler),
    hour.isDay ? 'day' : 'night',
    formatInstant(hour.start),
    formatInstant(hour.end),
  ]);
  terminal.print(formatTable(rows, { header: ['', 'hour', 'ruler', '', 'start', 'end'], alignRight: [1], style: terminal.style }));
  terminal.print(terminal.style.dim(timeZoneNote()));
}

/** `vajra astro hours`. */
export const hoursCommand = defineCommand({
  name: 'hours',
  summary: 'the 24 planetary hours from sunrise to the next sunrise (the current one marked)',
  usage: 'astro hours --latitude <degrees> --longitude <degrees> [--date <ISO 8601>]',
  options: {
    ...dateOptions,
    ...locationOptions,
    definition: { type: 'string', value: '<upper-limb|center|hindu>', description: 'which sunrise (default upper-limb)' },
  },
  examples: ['vajra astro hours --latitude 27.7 --longitude 85.3', 'vajra astro hours --latitude 40.7 --longitude -74 --json'],
  run,
});
