/**
 * `m:ss` or `h:mm:ss` for a number of seconds.
 *
 * @example
 * ```ts
 * formatClock(3725); // '1:02:05'
 * ```
 */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const grouping = new Intl.NumberFormat('en-US');

/**
 * A whole count given as a decimal string (wheel counts can exceed 2^53), grouped with thin spaces.
 *
 * @example
 * ```ts
 * formatCount('1234567'); // '1 234 567' (thin spaces)
 * ```
 */
export function formatCount(decimal: string): string {
  try {
    return grouping.format(BigInt(decimal)).replaceAll(',', '\u2009');
  } catch {
    return decimal;
  }
}

/**
 * A frequency: `432 Hz`, `7.83 Hz`, `1.2 kHz`.
 *
 * @example
 * ```ts
 * formatHz(1200); // '1.2 kHz'
 * ```
 */
export function formatHz(frequency: number): string {
  if (frequency >= 1000) return `${Number((frequency / 1000).toFixed(2))} kHz`;
  return `${Number(frequency.toFixed(frequency < 20 ? 2 : 1))} Hz`;
}

/**
 * Local time of day of an ISO instant, e.g. `18:42`.
 *
 * @example
 * ```ts
 * formatTime('2024-04-08T18:42:00Z');
 * ```
 */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * Capitalise the first letter: `waxing crescent` → `Waxing crescent`.
 *
 * @example
 * ```ts
 * capitalize('full moon'); // 'Full moon'
 * ```
 */
export const capitalize = (text: string): string => (text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1));

/**
 * An ordinal: 1st, 2nd, 3rd, 11th, 22nd.
 *
 * @example
 * ```ts
 * ordinal(15); // '15th'
 * ```
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
