import { findMoonPhases, moonPhase } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { formatTable } from '../../output/format-table';
import { dateOf, dateOptions } from './astro-inputs';
import { displayName, formatInstant, timeZoneNote } from './format-astro';

const LOOKAHEAD_DAYS = 32;

async function run(context: CommandContext): Promise<void> {
  const date = dateOf(context);
  const phase = moonPhase(date);
  const from = Date.parse(date);
  const upcoming = findMoonPhases({ from, to: from + LOOKAHEAD_DAYS * 86_400_000 }).slice(0, 4);
  if (context.json) {
    context.terminal.json({ date: new Date(from).toISOString(), ...phase, upcoming });
    return;
  }
  const { terminal } = context;
  terminal.print(
    `${terminal.style.bold(displayName(phase.name))}: ${(phase.illumination * 100).toFixed(1)}% lit, elongation ${phase.angle.toFixed(2)}°, ${phase.waxing ? 'waxing' : 'waning'}, ${phase.ageDays.toFixed(1)} days since new moon`,
  );
  terminal.print();
  terminal.print(
    formatTable(
      upcoming.map((event) => [displayName(event.phase), formatInstant(event.date)]),
      { header: ['next phases', 'at'], style: terminal.style },
    ),
  );
  terminal.print(terminal.style.dim(timeZoneNote()));
}

/** `vajra astro moon`. */
export const moonCommand = defineCommand({
  name: 'moon',
  summary: "the Moon's phase and illumination, and the next four quarter phases",
  usage: 'astro moon [--date <ISO 8601>]',
  options: { ...dateOptions },
  examples: ['vajra astro moon', 'vajra astro moon --date 2024-04-23T23:49:00Z --json'],
  run,
});
