import { describe, expect, it } from 'vitest';
import { createVajra } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { astrologyPlugin, type MoonPhaseChangedEvent, type PlanetaryHourChangedEvent } from './astrology-plugin';
import { planetaryHours } from '../hours/planetary-hours';

const KATHMANDU = { latitude: 27.7172, longitude: 85.324 };

describe('astrologyPlugin', () => {
  it('emits planetary-hour changes at the hour boundaries and moon phases at the quarter instants, on the kernel clock', async () => {
    const start = Date.parse('2020-06-04T00:00:00Z');
    const clock = createManualClock(start);
    const vajra = createVajra({ plugins: [astrologyPlugin()], clock, config: { astrology: KATHMANDU, logLevel: 'warn' } });
    const hours: Array<PlanetaryHourChangedEvent & { at: number }> = [];
    const phases: Array<MoonPhaseChangedEvent & { at: number }> = [];
    vajra.events.on('astro:planetary-hour-changed', (e) => void hours.push({ ...e, at: clock.now() }));
    vajra.events.on('astro:moon-phase', (e) => void phases.push({ ...e, at: clock.now() }));
    await vajra.start();
    // they concern no one in particular: servers forward them to every subscriber
    expect(['astro:planetary-hour-changed', 'astro:moon-phase'].map((name) => vajra.isPublicEvent(name))).toEqual([true, true]);

    await clock.advance(2 * 86_400_000);
    const day = planetaryHours('2020-06-04T12:00:00Z', KATHMANDU);
    // every boundary of that planetary day after the start produced one event, at that instant
    const boundaries = day.hours.filter((h) => h.startTime > start);
    for (const h of boundaries) {
      const e = hours.find((x) => Math.abs(Date.parse(x.start) - h.startTime) < 1_000);
      expect(e, h.start).toBeDefined();
      expect(e!.ruler).toBe(h.ruler);
      expect(Math.abs(e!.at - h.startTime)).toBeLessThan(1_000);
    }
    expect(hours.length).toBeGreaterThanOrEqual(40);

    // USNO: full moon 2020-06-05 19:12 UT
    expect(phases).toHaveLength(1);
    expect(phases[0]!.phase).toBe('full moon');
    expect(Math.abs(phases[0]!.at - Date.parse('2020-06-05T19:12:00Z'))).toBeLessThanOrEqual(40_000);

    const api = vajra.plugin('astrology');
    expect(api.currentMoonPhase().waxing).toBe(false);
    expect(api.currentPlanetaryHour().ruler).toBe(hours[hours.length - 1]!.ruler);
    await vajra.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('exposes the package functions without a location and emits only moon phases', async () => {
    const clock = createManualClock(Date.parse('2020-06-20T00:00:00Z'));
    const vajra = createVajra({ plugins: [astrologyPlugin()], clock, config: { logLevel: 'warn' } });
    const seen: string[] = [];
    vajra.events.on('astro:planetary-hour-changed', () => void seen.push('hour'));
    vajra.events.on('astro:moon-phase', (e) => void seen.push(e.phase));
    await vajra.start();
    await clock.advance(2 * 86_400_000);
    expect(seen).toEqual(['new moon']); // USNO: 2020-06-21 06:41 UT
    expect(vajra.plugin('astrology').chart({ date: '2020-06-21T06:41:00Z', latitude: 0, longitude: 0 }).bodies.sun.sign).toBe('cancer');
    expect(() => vajra.plugin('astrology').currentPlanetaryHour()).toThrow(/latitude/);
    await vajra.stop();
  });
});
