import { sunTimes, type RiseSetDefinition } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { choiceOption } from '../../command/option-values';
import { formatTable } from '../../output/format-table';
import { dateOf, dateOptions, locationOf, locationOptions } from './astro-inputs';
import { formatInstant, timeZoneNote } from './format-astro';

const DEFINITIONS: readonly RiseSetDefinition[] = ['upper-limb', 'center', 'hindu'];

async function run(context: CommandContext): Promise<void> {
  const definition = choiceOption(context, 'definition', DEFINITIONS);
  const times = sunTimes(dateOf(context), { ...locationOf(context), ...(definition ? { definition } : {}) });
  if (context.json) {
    context.terminal.json(times);
    return;
  }
  const { terminal } = context;
  const rows = [
    ['Brahma Muhurta', times.brahmaMuhurta ? `${formatInstant(times.brahmaMuhurta.start)} – ${formatInstant(times.brahmaMuhurta.end).slice(11)}` : '—'],
    ['Sunrise', formatInstant(times.sunrise)],
    ['Solar noon', formatInstant(times.solarNoon)],
    ['Sunset', formatInstant(times.sunset)],
    ['Day length', `${times.dayLengthHours.toFixed(2)} h${times.polar ? ` (polar ${times.polar})` : ''}`],
  ];
  terminal.print(formatTable(rows, { header: ['', `sun (${times.definition})`], style: terminal.style }));
  terminal.print(terminal.style.dim(timeZoneNote()));
}

/** `vajra astro sun`. */
export const sunCommand = defineCommand({
  name: 'sun',
  summary: 'sunrise, solar noon, sunset and Brahma Muhurta of the local day',
  usage: 'astro sun --latitude <degrees> --longitude <degrees> [--date <ISO 8601>] [--definition <upper-limb|center|hindu>]',
  options: {
    ...dateOptions,
    ...locationOptions,
    definition: { type: 'string', value: '<upper-limb|center|hindu>', description: 'which sunrise: almanac upper limb (default), disc centre, or Hindu (centre, no refraction)' },
  },
  examples: ['vajra astro sun --latitude 27.7 --longitude 85.3', 'vajra astro sun --date 2024-06-21T12:00:00Z --latitude 51.48 --longitude 0 --json'],
  run,
});
