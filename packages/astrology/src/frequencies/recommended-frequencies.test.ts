import { describe, expect, it } from 'vitest';
import { coustoTone, CYCLE_PERIODS } from './cousto';
import { recommendedFrequencies } from './recommended-frequencies';
import { planetaryHourAt } from '../hours/planetary-hours';

// Published tones: Hans Cousto, "The Cosmic Octave: Origin of Harmony" (LifeRhythm, 1988/2000), tables of
// planetary tones (given to 0.01 Hz): Earth day 194.18, Earth year 136.10, synodic month 210.42,
// Mercury 141.27, Venus 221.23, Mars 144.72, Jupiter 183.58, Saturn 147.85.
const COUSTO: Array<[keyof typeof CYCLE_PERIODS, number]> = [
  ['earthDay', 194.18],
  ['earthYear', 136.1],
  ['synodicMonth', 210.42],
  ['mercury', 141.27],
  ['venus', 221.23],
  ['mars', 144.72],
  ['jupiter', 183.58],
  ['saturn', 147.85],
];

describe('coustoTone', () => {
  it.each(COUSTO)('%s reproduces Cousto (%f Hz) to 0.05%%', (cycle, published) => {
    const { frequency } = coustoTone(CYCLE_PERIODS[cycle]);
    expect(Math.abs(frequency - published) / published).toBeLessThan(5e-4);
  });
});

describe('recommendedFrequencies', () => {
  const LONDON = { latitude: 51.5074, longitude: -0.1278 };
  it('gives the tone of the ruler of the current planetary hour, with reasons', () => {
    const t = '2024-06-20T12:00:00Z';
    const tones = recommendedFrequencies(t, LONDON);
    const ruler = planetaryHourAt(t, LONDON).ruler;
    const hour = tones.find((x) => x.role === 'planetary-hour')!;
    const expectedCycle = ruler === 'sun' ? 'earthYear' : ruler === 'moon' ? 'synodicMonth' : ruler;
    expect(hour.cycle).toBe(expectedCycle);
    expect(hour.frequency).toBeCloseTo(coustoTone(CYCLE_PERIODS[expectedCycle]).frequency, 9);
    expect(hour.reason).toMatch(new RegExp(ruler, 'i'));
    expect(tones.find((x) => x.role === 'planetary-day')!.cycle).toBe('jupiter'); // Thursday
    expect(tones.map((x) => x.role)).toEqual(['planetary-hour', 'planetary-day', 'moon-phase', 'earth-day', 'earth-year']);
  });

  it('leaves out the hour tones in the polar night instead of failing', () => {
    const tones = recommendedFrequencies('2024-12-21T12:00:00Z', { latitude: 78.22, longitude: 15.65 });
    expect(tones.map((x) => x.role)).toEqual(['moon-phase', 'earth-day', 'earth-year']);
  });
});
