/**
 * Degrees as `dd°mm′ss″` (absolute value; the caller adds signs or directions).
 *
 * @example
 * ```ts
 * formatDegrees(14.0425); // '14°02′33″'
 * ```
 */
export function formatDegrees(degrees: number): string {
  const totalSeconds = Math.round(Math.abs(degrees) * 3600);
  const d = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${d}°${String(m).padStart(2, '0')}′${String(s).padStart(2, '0')}″`;
}

/**
 * A name for people: `meanNode` → `Mean node`, `waxing gibbous` → `Waxing gibbous`.
 *
 * @example
 * ```ts
 * displayName('trueNode'); // 'True node'
 * ```
 */
export function displayName(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const localFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant in the local time zone of the process (`TZ`), as `YYYY-MM-DD HH:MM:SS`.
 *
 * @example
 * ```ts
 * formatInstant('2024-04-23T23:49:00Z'); // '2024-04-23 23:49:00' with TZ=UTC
 * ```
 */
export function formatInstant(iso: string | null): string {
  if (iso === null) return '—';
  const parts = Object.fromEntries(localFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The note under a table of local times: `times in Asia/Kathmandu`.
 *
 * @example
 * ```ts
 * timeZoneNote(); // 'times in UTC'
 * ```
 */
export function timeZoneNote(): string {
  return `times in ${localFormat.resolvedOptions().timeZone}`;
}
