import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../testing/create-seeded-random';
import { isoInstant, parseInstant } from './iso-instant';

const textOf = (work: () => string): string => {
  try {
    return work();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('isoInstant and parseInstant', () => {
  it('write what Date.prototype.toISOString writes, for any instant (expanded years and invalid ones included)', () => {
    const random = createSeededRandom(7);
    const instants = [0, -1, 1.5, -62_198_755_200_000, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, 8.64e15 + 1, Number.NaN];
    for (let i = 0; i < 20_000; i += 1) instants.push(Math.floor((random() * 2 - 0.6) * 3e13));
    for (const ms of instants)
      expect(
        textOf(() => isoInstant(ms)),
        String(ms),
      ).toBe(textOf(() => new Date(ms).toISOString()));
  });

  it('read what Date.parse reads, for dates in the kernel form and any other text', () => {
    const random = createSeededRandom(11);
    const field = (below: number, width = 2): string => String(Math.floor(random() * below)).padStart(width, '0');
    // Random fields around their ranges: month 13, 31 April, 29 February of common and leap years, 24:00, second 60…
    const texts = Array.from({ length: 20_000 }, () => `${field(10_000, 4)}-${field(14)}-${field(33)}T${field(26)}:${field(61)}:${field(61)}.${field(1000, 3)}Z`);
    texts.push('2024-02-29T00:00:00.000Z', '2026-02-29T00:00:00.000Z', '2000-02-29T12:00:00.000Z', '1900-02-29T12:00:00.000Z', '2026-12-03T24:00:00.000Z');
    texts.push('0099-01-01T00:00:00.000Z', '+012026-01-01T00:00:00.000Z', '2026-12-03T08:25:01Z', '2026-12-03T08:25:01.123+01:00', '2026-12-03', 'not a date', '');
    for (const text of texts) expect(parseInstant(text), text).toBe(Date.parse(text));
  });
});
