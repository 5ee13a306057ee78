import { createVajra, isVajraError, silentLogger } from '@vajra-stream/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as astrology from '../src/index';

const DAY = 86_400_000;
const date = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(2999, 0, 1) });
const latitude = fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-90, 90, 0, 66.56, -66.56));
const longitude = fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(-180, 180));

/** The outcome of a call: 'ok', a VajraError code, or the name of a plain error (a bug). */
const outcome = (work: () => unknown): string => {
  try {
    work();
    return 'ok';
  } catch (error) {
    return isVajraError(error) ? error.code : `plain ${(error as Error)?.name}: ${(error as Error)?.message}`;
  }
};
const plain = (result: string) => result.startsWith('plain');

describe('astrology errors are typed VajraErrors', () => {
  it('never throws a plain error on input its schemas accept (property test over the public functions)', () => {
    fc.assert(
      fc.property(date, latitude, longitude, fc.constantFrom(...astrology.HOUSE_SYSTEMS), fc.boolean(), fc.integer({ min: 0, max: 60 }), (at, lat, lon, houseSystem, sidereal, span) => {
        const place = { latitude: lat, longitude: lon };
        const results = [
          outcome(() => astrology.chart({ date: at, ...place, houseSystem, zodiac: sidereal ? 'sidereal' : 'tropical' })),
          outcome(() => astrology.sunTimes(at, place)),
          outcome(() => astrology.planetaryHourAt(at, place)),
          outcome(() => astrology.panchanga(at, place)),
          outcome(() => astrology.recommendedFrequencies(at, place)),
          outcome(() => astrology.findMoonPhases({ from: at, to: at + span * DAY })),
          outcome(() => astrology.tibetanDate(at)),
          outcome(() => astrology.computeHouses({ ramc: lon + 180, obliquity: 23.44, latitude: lat, system: houseSystem })),
        ];
        expect(results.filter(plain)).toEqual([]);
        // Polar day and night are the only refusals on valid input, and they say so.
        expect(results.filter((r) => r !== 'ok').every((r) => r === 'ASTRO_NO_SUNRISE' || r === 'ASTRO_NO_SUNSET')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses bad input to every public function with VALIDATION_FAILED (422), never a plain error', () => {
    const lahiri = astrology.AYANAMSAS.lahiri;
    const cases: Array<[string, () => unknown]> = [
      ['coustoTone(0)', () => astrology.coustoTone(0)],
      ['coustoTone(NaN)', () => astrology.coustoTone(Number.NaN)],
      ['coustoTone(Infinity)', () => astrology.coustoTone(Number.POSITIVE_INFINITY)],
      ['coustoTone(1e308)', () => astrology.coustoTone(1e308)],
      ['computeHouses(null)', () => astrology.computeHouses(null as never)],
      ['computeHouses(unknown system)', () => astrology.computeHouses({ ramc: 10, obliquity: 23.44, latitude: 10, system: 'topocentric' as never })],
      ['computeHouses(NaN ramc)', () => astrology.computeHouses({ ramc: Number.NaN, obliquity: 23.44, latitude: 10, system: 'placidus' })],
      ['computeHouses(latitude 95)', () => astrology.computeHouses({ ramc: 10, obliquity: 23.44, latitude: 95, system: 'placidus' })],
      ['meanAyanamsa(null, 0)', () => astrology.meanAyanamsa(null as never, 0)],
      ['meanAyanamsa(lahiri, NaN)', () => astrology.meanAyanamsa(lahiri, Number.NaN)],
      ['chart(unknown body)', () => astrology.chart({ date: 0, latitude: 0, longitude: 0, bodies: ['sun', 'vulcan' as never] })],
      ['chart(bad ayanamsa definition)', () => astrology.chart({ date: 0, latitude: 0, longitude: 0, zodiac: 'sidereal', ayanamsa: { name: 'x', epochJd: Number.NaN, valueAtEpoch: 1, source: '' } })],
      ['losar(1.5)', () => astrology.losar(1.5)],
      ['findWindows(reversed)', () => astrology.findWindows({ from: 5 * DAY, to: 0, where: { moon: 'waxing' } })],
    ];
    const outcomes = Object.fromEntries(cases.map(([name, work]) => [name, outcome(work)]));
    expect(outcomes).toEqual(Object.fromEntries(cases.map(([name]) => [name, 'VALIDATION_FAILED'])));
    const error = (() => {
      try {
        astrology.computeHouses({ ramc: 10, obliquity: 23.44, latitude: 10, system: 'topocentric' as never });
      } catch (caught) {
        return caught as { status: number; details: { issues: Array<{ path: string }> } };
      }
    })();
    expect(error?.status).toBe(422);
    expect(error?.details.issues[0]?.path).toBe('system');
  });

  it('reports a plugin used without a configured location with its own code', async () => {
    const vajra = createVajra({ plugins: [astrology.astrologyPlugin()], logger: silentLogger, env: {}, config: { astrology: { events: false } } });
    await vajra.start();
    try {
      const api = vajra.plugin('astrology');
      for (const call of [() => api.currentPlanetaryHour(), () => api.currentFrequencies()]) {
        expect(outcome(call)).toBe('ASTROLOGY_LOCATION_REQUIRED');
      }
      expect(outcome(() => api.currentMoonPhase())).toBe('ok');
    } finally {
      await vajra.stop();
    }
  });
});

describe('chart({ bodies })', () => {
  it('computes exactly the bodies asked for, with the same positions as a full chart', () => {
    const input = { date: '2024-04-08T18:17:00Z', latitude: 27.7172, longitude: 85.324 };
    const full = astrology.chart(input);
    const some = astrology.chart({ ...input, bodies: ['trueNode', 'moon', 'sun', 'moon'] });
    expect(Object.keys(some.bodies)).toEqual(['sun', 'moon', 'trueNode']);
    expect(some.bodies).toEqual({ sun: full.bodies.sun, moon: full.bodies.moon, trueNode: full.bodies.trueNode });
    expect(some.houses).toEqual(full.houses);
    // The true node alone still uses the Sun's position internally.
    expect(astrology.chart({ ...input, bodies: ['trueNode'] }).bodies).toEqual({ trueNode: full.bodies.trueNode });
    expect(Object.keys(astrology.chart({ ...input, bodies: [] }).bodies)).toEqual([]);
  });

  it("aspects() uses the chart's bodies and refuses ones the chart does not have", () => {
    const lights = astrology.chart({ date: '2024-04-08T18:17:00Z', latitude: 0, longitude: 0, bodies: ['sun', 'moon'] });
    expect(astrology.aspects(lights).map((a) => `${a.a}-${a.b}:${a.aspect}`)).toEqual(['sun-moon:conjunction']);
    expect(outcome(() => astrology.aspects(lights, { bodies: ['sun', 'mars'] }))).toBe('VALIDATION_FAILED');
  });
});
