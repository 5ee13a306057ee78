const encoder = new TextEncoder();

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Four well-mixed 32-bit words from a string's UTF-8 bytes (FNV-1a lanes with different offsets, each
 * finished with MurmurHash3's avalanche step). Stable across platforms and runs.
 *
 * @example
 * ```ts
 * hashString('peace'); // [ 4 unsigned 32-bit integers ], always the same
 * ```
 */
export function hashString(text: string): [number, number, number, number] {
  const bytes = encoder.encode(text);
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x2545f491];
  return lanes.map((offset, lane) => {
    let h = (offset ^ bytes.length ^ lane) >>> 0;
    for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193);
    return fmix32(h + lane * 0x61c88647);
  }) as [number, number, number, number];
}

/**
 * A short id-safe token of a string (8 hex digits), for deterministic element ids.
 *
 * @example
 * ```ts
 * hashToken('flower-of-life{"rings":2}'); // e.g. 'a1b2c3d4'
 * ```
 */
export function hashToken(text: string): string {
  return hashString(text)[0].toString(16).padStart(8, '0');
}
