import { defineCommand } from '../../command/define-command';
import { chartCommand } from './chart-command';
import { hoursCommand } from './hours-command';
import { moonCommand } from './moon-command';
import { panchangaCommand } from './panchanga-command';
import { sunCommand } from './sun-command';
import { tibetanCommand } from './tibetan-command';

/** `vajra astro …`: tables from `@vajra-stream/astrology`. */
export const astroCommand = defineCommand({
  name: 'astro',
  summary: 'charts, moon phases, sun times, planetary hours, panchanga and the Tibetan calendar',
  usage: 'astro <chart|moon|sun|hours|panchanga|tibetan> [options]',
  description: 'Tables for people, --json for programs (instants are ISO 8601 UTC there; tables use the local time zone, TZ).',
  subcommands: [chartCommand, moonCommand, sunCommand, hoursCommand, panchangaCommand, tibetanCommand],
});
