import type { ChartBody, Sign } from '@vajra-stream/astrology';

// U+FE0E asks for the text (not emoji) presentation of each symbol.
const text = (codePoint: number) => `${String.fromCodePoint(codePoint)}\uFE0E`;

/** Astrological glyphs of the chart's bodies (Unicode Miscellaneous Symbols, text presentation). */
export const BODY_GLYPHS: Readonly<Record<ChartBody, string>> = {
  sun: text(0x2609),
  moon: text(0x263d),
  mercury: text(0x263f),
  venus: text(0x2640),
  mars: text(0x2642),
  jupiter: text(0x2643),
  saturn: text(0x2644),
  uranus: text(0x2645),
  neptune: text(0x2646),
  pluto: text(0x2647),
  meanNode: text(0x260a),
  trueNode: text(0x260a),
};

/** Glyphs of the twelve signs, Aries first. */
export const SIGN_GLYPHS: readonly string[] = Array.from({ length: 12 }, (_, index) => text(0x2648 + index));

/** Element of each sign, Aries first: fire, earth, air, water (indices into the theme's palette). */
export const SIGN_ELEMENTS: readonly number[] = Array.from({ length: 12 }, (_, index) => index % 4);

/** The retrograde mark. */
export const RETROGRADE_MARK = '\u211E';

const BODY_NAMES: Readonly<Record<ChartBody, string>> = {
  sun: 'Sun',
  moon: 'Moon',
  mercury: 'Mercury',
  venus: 'Venus',
  mars: 'Mars',
  jupiter: 'Jupiter',
  saturn: 'Saturn',
  uranus: 'Uranus',
  neptune: 'Neptune',
  pluto: 'Pluto',
  meanNode: 'Mean node',
  trueNode: 'True node',
};

/** English name of a body. */
export const bodyName = (body: ChartBody) => BODY_NAMES[body];

/** `Aries` from `aries`. */
export const signName = (sign: Sign) => `${sign[0]!.toUpperCase()}${sign.slice(1)}`;

/**
 * A longitude as degrees and minutes within its sign: `19°24′ Aries`.
 */
export function zodiacPosition(longitude: number, signs: readonly Sign[]): string {
  const totalMinutes = Math.round((((longitude % 360) + 360) % 360) * 60) % (360 * 60);
  const sign = signs[Math.floor(totalMinutes / 1800)]!;
  const within = totalMinutes % 1800;
  return `${Math.floor(within / 60)}°${String(within % 60).padStart(2, '0')}′ ${signName(sign)}`;
}
