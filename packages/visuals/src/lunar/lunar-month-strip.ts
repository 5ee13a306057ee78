import { z } from 'zod';
import { MONTHLY_PRACTICE_DAYS, type MoonPhaseEvent } from '@vajra-stream/astrology';
import { pictureContext } from '../options/picture-context';
import { dimensionSchema, pictureOptionsShape } from '../options/picture-options';
import { element, textElement } from '../svg/element';
import { num } from '../svg/format-number';
import { svgDocument } from '../svg/svg-document';
import type { Theme } from '../theme/themes';
import { lunarMonthDays, type LunarDay, type LunarMonth } from './lunar-month-days';
import { moonDisc } from './moon-disc';

/**
 * Options of {@link lunarMonthStrip}.
 *
 * @example
 * ```ts
 * lunarMonthOptionsSchema.parse({ date: '2025-06-11T12:00:00Z', latitude: 27.7, longitude: 85.3, utcOffsetMinutes: 345 });
 * ```
 */
export const lunarMonthOptionsSchema = z
  .object({
    /** An instant in the month to show (ISO 8601 with a zone); its day is highlighted. */
    date: z.iso.datetime({ offset: true }),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** Offset of the local civil day from UTC, minutes (default: local mean time at the longitude, rounded to a minute). */
    utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
    width: dimensionSchema(960),
    height: dimensionSchema(260),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link lunarMonthStrip} accepts (validated by {@link lunarMonthOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: LunarMonthOptions = { date: '2025-06-11T12:00:00+05:45', latitude: 27.7, longitude: 85.3, utcOffsetMinutes: 345, width: 1200, height: 300, theme: 'dark' };
 * const svg = lunarMonthStrip(options);
 * ```
 */
export type LunarMonthOptions = z.input<typeof lunarMonthOptionsSchema>;

const PRACTICE_COLOR: Record<number, number> = { 8: 2, 10: 0, 15: -1, 25: 5, 30: 3 };
/** Moonlight on any theme; the unlit part in the theme's ink. */
const MOON_COLORS = (theme: Theme) => ({ lit: '#f7f0cf', dark: theme.foreground, stroke: theme.muted });
const WEEKDAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const practiceColor = (day: number, theme: Theme) => (PRACTICE_COLOR[day] === -1 ? theme.accent : theme.palette[PRACTICE_COLOR[day]! % theme.palette.length]!);

/** `5 Jun 19:12` in the local civil time. */
function localLabel(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function describeDay(day: LunarDay): string {
  const paksha = day.tithi.paksha === 'shukla' ? 'Shukla' : 'Krishna';
  const tibetan = `Tibetan month ${day.tibetan.month}${day.tibetan.leapMonth ? ' (leap)' : ''} day ${day.tibetan.day}`;
  return `${day.date}: ${paksha} ${day.tithi.name} (tithi ${day.tithi.number}), Moon ${Math.round(day.moon.illumination * 100)} % lit; ${tibetan}${day.tibetan.observances.length > 0 ? `: ${day.tibetan.observances.join(', ')}` : ''}`;
}

interface Layout {
  month: LunarMonth;
  theme: Theme;
  left: number;
  column: number;
  height: number;
  font: number;
  offset: number;
  today: string;
  southern: boolean;
}

function dayColumn(layout: Layout, day: LunarDay, index: number): string {
  const { theme, column, font } = layout;
  const x = layout.left + index * column;
  const middle = x + column / 2;
  const date = new Date(`${day.date}T00:00:00Z`);
  const practice = MONTHLY_PRACTICE_DAYS[day.tibetan.day] !== undefined;
  const parts = [`<title>${describeDay(day).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`];
  if (day.date === layout.today) parts.push(element('rect', { x: x + 1, y: font * 2.2, width: column - 2, height: font * 11.9, rx: font * 0.4, fill: theme.accent, 'fill-opacity': 0.12 }));
  parts.push(textElement(WEEKDAYS[date.getUTCDay()]!, { x: middle, y: font * 3.3, fill: theme.muted }));
  parts.push(textElement(String(date.getUTCDate()), { x: middle, y: font * 4.5, 'font-weight': date.getUTCDate() === 1 ? 'bold' : undefined }));
  const radius = Math.min(column * 0.36, font * 1.1);
  parts.push(moonDisc(middle, font * 6.3, radius, day.moon.illumination, day.moon.waxing, MOON_COLORS(theme), layout.southern));
  parts.push(textElement(String(day.tithi.number), { x: middle, y: font * 8.7, 'data-tithi': day.tithi.number }));
  parts.push(textElement(day.tithi.paksha === 'shukla' ? 'S' : 'K', { x: middle, y: font * 9.8, fill: theme.muted, 'font-size': font * 0.8 }));
  if (practice) parts.push(element('circle', { cx: middle, cy: font * 11.6, r: font * 0.9, fill: practiceColor(day.tibetan.day, theme), 'fill-opacity': 0.85 }));
  parts.push(textElement(String(day.tibetan.day), { x: middle, y: font * 11.6, fill: practice ? theme.background : theme.muted, 'font-weight': practice ? 'bold' : undefined }));
  if (day.tibetan.observances.some((o) => !o.endsWith('day') && !o.endsWith(')'))) parts.push(textElement('✦', { x: middle, y: font * 13.1, fill: theme.accent }));
  return element('g', { 'data-date': day.date, 'data-tibetan-day': day.tibetan.day, 'data-observances': day.tibetan.observances.join('; ') || undefined }, parts);
}

function phaseMarks(layout: Layout, right: number): string {
  const { month, theme, font } = layout;
  const y = layout.height - font * 3.6;
  const xOf = (time: number) => layout.left + ((time - month.from) / (month.to - month.from)) * (right - layout.left);
  const illumination = { 'new moon': 0, 'first quarter': 0.5, 'full moon': 1, 'last quarter': 0.5 } as const;
  const marks = month.phases.map((phase: MoonPhaseEvent) => {
    const x = xOf(phase.time);
    return element('g', { 'data-phase': phase.phase, 'data-time': phase.date }, [
      element('line', { x1: x, y1: font * 2.2, x2: x, y2: y - font * 0.9, stroke: theme.accent, 'stroke-dasharray': '2 3', 'stroke-width': 1 }),
      moonDisc(x, y, font * 0.7, illumination[phase.phase], phase.phase === 'first quarter', MOON_COLORS(theme), layout.southern),
      textElement(localLabel(phase.time, layout.offset), {
        x,
        y: y + font * 1.6,
        'font-size': font * 0.85,
        fill: theme.muted,
        'text-anchor': x - layout.left < font * 4 ? 'start' : right - x < font * 4 ? 'end' : undefined,
      }),
    ]);
  });
  return element('g', { 'text-anchor': 'middle' }, [element('line', { x1: layout.left, y1: y, x2: right, y2: y, stroke: theme.grid }), ...marks]);
}

/**
 * A lunar-month strip: one column per civil day from new moon to new moon — weekday and date, the
 * Moon's lit fraction at noon, the tithi at sunrise (number, S/K for the bright and dark fortnight) and
 * the Tibetan day, with the monthly practice days (8 Medicine Buddha, 10 Guru Rinpoche, 15 full moon,
 * 25 Dakini, 30 new moon) in colour and the festivals (Düchen) starred — and the exact instants of the
 * four principal phases on a time axis. Each column carries a `<title>` with the whole day in words.
 *
 * @example
 * ```ts
 * import { lunarMonthStrip } from '@vajra-stream/visuals';
 * const svg = lunarMonthStrip({ date: new Date().toISOString(), latitude: 27.7, longitude: 85.3, utcOffsetMinutes: 345 });
 * ```
 */
export function lunarMonthStrip(options: LunarMonthOptions): string {
  const { options: o, theme, idPrefix } = pictureContext('lunar-month', lunarMonthOptionsSchema, options);
  const date = Date.parse(o.date);
  const offset = o.utcOffsetMinutes ?? Math.round(o.longitude * 4);
  const month = lunarMonthDays({ date, latitude: o.latitude, longitude: o.longitude, utcOffsetMinutes: offset });
  const font = Math.max(8, Math.min(14, o.height / 18.5));
  const left = font;
  const right = o.width - font;
  const column = (right - left) / month.days.length;
  const today = new Date(date + offset * 60_000).toISOString().slice(0, 10);
  const layout: Layout = { month, theme, left, column, height: o.height, font, offset, today, southern: o.latitude < 0 };
  const header = textElement(
    `Lunar month ${localLabel(month.start.time, offset)} → ${localLabel(month.end.time, offset)} (UTC${offset >= 0 ? '+' : '−'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')})`,
    { x: left, y: font * 1.3, fill: theme.foreground, 'font-weight': 'bold' },
  );
  const legend = textElement('Tibetan practice days: 8 Medicine Buddha · 10 Guru Rinpoche · 15 Amitabha · 25 Dakini · 30 Shakyamuni · ✦ Düchen', {
    x: left,
    y: o.height - font * 0.6,
    fill: theme.muted,
    'font-size': font * 0.8,
  });
  const columns = element(
    'g',
    { fill: theme.foreground, 'text-anchor': 'middle', 'dominant-baseline': 'central' },
    month.days.map((day, index) => dayColumn(layout, day, index)),
  );
  const practice = month.days.filter((d) => d.tibetan.observances.length > 0).map((d) => `${d.date} ${d.tibetan.observances.join(', ')}`);
  return svgDocument({
    width: o.width,
    height: o.height,
    theme,
    idPrefix,
    title: o.title ?? `Lunar month from ${month.start.date.slice(0, 10)}`,
    description:
      o.description ??
      `Lunar month from the new moon of ${month.start.date} to that of ${month.end.date}, ${month.days.length} days at ${o.latitude.toFixed(2)}°, ${o.longitude.toFixed(2)}°: ` +
        `${month.phases.map((p) => `${p.phase} ${p.date}`).join('; ')}. Practice days: ${practice.join('; ')}.`,
    body: [element('g', { 'font-size': num(font) }, [header, legend, columns, phaseMarks(layout, right)])],
  });
}
