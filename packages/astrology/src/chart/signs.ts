/**
 * The twelve signs of the zodiac in order from 0°.
 *
 * @example
 * ```ts
 * SIGNS[Math.floor(longitude / 30)];
 * ```
 */
export const SIGNS = ['aries', 'taurus', 'gemini', 'cancer', 'leo', 'virgo', 'libra', 'scorpio', 'sagittarius', 'capricorn', 'aquarius', 'pisces'] as const;

/**
 * One of the twelve {@link SIGNS}.
 *
 * @example
 * ```ts
 * const fire: Sign[] = ['aries', 'leo', 'sagittarius'];
 * fire.includes(chart({ date: '2024-04-08T18:17:00Z', latitude: 0, longitude: 0 }).bodies.sun.sign); // true: the Sun is in Aries
 * ```
 */
export type Sign = (typeof SIGNS)[number];

/** Sign and degree within the sign of an ecliptic longitude. */
export function signOf(longitude: number): { sign: Sign; signDegree: number } {
  const index = Math.min(11, Math.floor(longitude / 30));
  return { sign: SIGNS[index]!, signDegree: longitude - index * 30 };
}
