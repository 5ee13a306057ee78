/**
 * A short human duration: `45 s`, `3 min 05 s`, `2 h 07 min`.
 *
 * @example
 * ```ts
 * formatDuration(185); // '3 min 05 s'
 * ```
 */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
}
