import { panchanga } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { formatTable } from '../../output/format-table';
import { dateOf, dateOptions, locationOf, locationOptions } from './astro-inputs';
import { formatInstant, timeZoneNote } from './format-astro';

async function run(context: CommandContext): Promise<void> {
  const limbs = panchanga(dateOf(context), locationOf(context));
  if (context.json) {
    context.terminal.json(limbs);
    return;
  }
  const { terminal } = context;
  const rows = [
    ['Tithi', `${limbs.tithi.number} ${limbs.tithi.name} (${limbs.tithi.paksha})`, formatInstant(limbs.tithi.end)],
    ['Nakshatra', `${limbs.nakshatra.number} ${limbs.nakshatra.name}, pada ${limbs.nakshatra.pada}`, formatInstant(limbs.nakshatra.end)],
    ['Yoga', `${limbs.yoga.number} ${limbs.yoga.name}`, formatInstant(limbs.yoga.end)],
    ['Karana', `${limbs.karana.number} ${limbs.karana.name}`, formatInstant(limbs.karana.end)],
    ['Vara', `${limbs.vara.number} ${limbs.vara.name}`, `since sunrise ${formatInstant(limbs.vara.sunrise)}`],
  ];
  terminal.print(formatTable(rows, { header: ['limb', `at ${formatInstant(limbs.date)}`, 'ends'], style: terminal.style }));
  terminal.print(terminal.style.dim(`${timeZoneNote()}; sidereal positions with the Lahiri ayanamsa`));
}

/** `vajra astro panchanga`. */
export const panchangaCommand = defineCommand({
  name: 'panchanga',
  summary: 'tithi, nakshatra, yoga, karana and vara, each with the instant it ends',
  usage: 'astro panchanga --latitude <degrees> --longitude <degrees> [--date <ISO 8601>]',
  options: { ...dateOptions, ...locationOptions },
  examples: ['vajra astro panchanga --latitude 28.61 --longitude 77.21', 'vajra astro panchanga --date 2024-04-23T12:00:00Z --latitude 28.61 --longitude 77.21 --json'],
  run,
});
