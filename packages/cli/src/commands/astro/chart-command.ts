import { AYANAMSAS, chart, CHART_BODIES, HOUSE_SYSTEMS, type AyanamsaName, type Chart } from '@vajra-stream/astrology';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { choiceOption } from '../../command/option-values';
import { formatTable } from '../../output/format-table';
import type { Terminal } from '../../output/terminal';
import { dateOf, dateOptions, locationOf, locationOptions } from './astro-inputs';
import { displayName, formatDegrees } from './format-astro';

const signPosition = (longitude: number) => {
  const sign = ['Ari', 'Tau', 'Gem', 'Can', 'Leo', 'Vir', 'Lib', 'Sco', 'Sag', 'Cap', 'Aqu', 'Pis'][Math.floor(longitude / 30) % 12]!;
  return `${formatDegrees(longitude % 30)} ${sign}`;
};

function printChart(result: Chart, terminal: Terminal): void {
  const { style } = terminal;
  terminal.print(
    `${style.bold('Chart')} ${result.date} at ${result.latitude}°, ${result.longitude}° (${result.zodiac}${result.ayanamsa ? `, ${result.ayanamsa.name} ${formatDegrees(result.ayanamsa.degrees)}` : ''})`,
  );
  const bodies = CHART_BODIES.map((name) => {
    const body = result.bodies[name];
    return [displayName(name), signPosition(body.longitude), body.longitude.toFixed(4), body.latitude.toFixed(4), body.speed.toFixed(4), body.retrograde ? 'R' : ''];
  });
  terminal.print(formatTable(bodies, { header: ['body', 'position', 'longitude°', 'latitude°', 'speed°/day', ''], alignRight: [2, 3, 4], style }));
  terminal.print();
  const houses = result.houses.cusps.map((cusp, index) => [String(index + 1), signPosition(cusp), cusp.toFixed(4)]);
  terminal.print(formatTable(houses, { header: ['house', 'cusp', 'longitude°'], alignRight: [0, 2], style }));
  terminal.print(
    `Ascendant ${signPosition(result.houses.ascendant)} · MC ${signPosition(result.houses.mc)} · ${displayName(result.houses.system)} houses${result.houses.fallback ? ` (${result.houses.fallback.reason})` : ''}`,
  );
}

async function run(context: CommandContext): Promise<void> {
  const zodiac = choiceOption(context, 'zodiac', ['tropical', 'sidereal'] as const);
  const houseSystem = choiceOption(context, 'house-system', HOUSE_SYSTEMS);
  const ayanamsa = choiceOption(context, 'ayanamsa', Object.keys(AYANAMSAS) as AyanamsaName[]);
  const result = chart({
    date: dateOf(context),
    ...locationOf(context),
    ...(zodiac ? { zodiac } : {}),
    ...(houseSystem ? { houseSystem } : {}),
    ...(ayanamsa ? { ayanamsa } : {}),
  });
  if (context.json) context.terminal.json(result);
  else printChart(result, context.terminal);
}

/** `vajra astro chart`. */
export const chartCommand = defineCommand({
  name: 'chart',
  summary: 'a horoscope: Sun to Pluto and the nodes, with house cusps',
  usage: 'astro chart --latitude <degrees> --longitude <degrees> [--date <ISO 8601>] [options]',
  options: {
    ...dateOptions,
    ...locationOptions,
    'house-system': { type: 'string', value: `<${HOUSE_SYSTEMS.join('|')}>`, description: 'house system (default placidus)' },
    zodiac: { type: 'string', value: '<tropical|sidereal>', description: 'zodiac (default tropical)' },
    ayanamsa: { type: 'string', value: `<${Object.keys(AYANAMSAS).join('|')}>`, description: 'ayanamsa of the sidereal zodiac (default lahiri)' },
  },
  examples: ['vajra astro chart --date 1879-03-14T10:50:00Z --latitude 48.4 --longitude 10', 'vajra astro chart --latitude 27.7 --longitude 85.3 --zodiac sidereal --json'],
  run,
});
