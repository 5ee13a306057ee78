/**
 * The command frame of LCUS-type USB relay boards (CH340, 9600 8N1):
 * `A0 <channel> <state> <checksum>`, channel from 1, state 1 = on (closed) and 0 = off,
 * checksum = the sum of the first three bytes modulo 256.
 *
 * @example
 * ```ts
 * lcusRelayFrame(1, true); // Uint8Array [0xa0, 0x01, 0x01, 0xa2]
 * ```
 */
export function lcusRelayFrame(channel: number, on: boolean): Uint8Array {
  const state = on ? 1 : 0;
  return Uint8Array.of(0xa0, channel, state, (0xa0 + channel + state) & 0xff);
}
