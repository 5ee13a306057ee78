/**
 * A time-ordered, URL-safe unique id: `prefix_` + 12 hex digits of milliseconds + 16 random hex digits.
 * Ids sort in creation order, so stores list them chronologically by key.
 *
 * @example
 * ```ts
 * createId('ses', clock.now()); // 'ses_019a8f3c2b1e4f0c9a7d3e2b1a0f9c8d'
 * ```
 */
export function createId(prefix: string, nowMs: number): string {
  const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, '0');
  const random = new Uint8Array(8);
  globalThis.crypto.getRandomValues(random);
  let tail = '';
  for (const byte of random) tail += byte.toString(16).padStart(2, '0');
  return `${prefix}_${time}${tail}`;
}
