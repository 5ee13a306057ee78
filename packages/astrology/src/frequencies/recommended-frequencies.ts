import * as z from 'zod/mini';
import { isVajraError, parseInput } from '@vajra-stream/core';
import { planetaryDayAt, type ClassicalPlanet } from '../hours/planetary-hours';
import { moonPhase } from '../phases/moon-phase';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';
import { coustoTone, CYCLE_PERIODS, type Cycle } from './cousto';

/**
 * A tone to play, with why.
 *
 * @example
 * ```ts
 * const [hourTone]: RecommendedFrequency[] = recommendedFrequencies('2024-06-20T12:00:00Z', { latitude: 27.7, longitude: 85.3 });
 * // { frequency: 221.23…, cycle: 'venus', role: 'planetary-hour', reason: 'day hour 11 of Thursday is ruled by Venus — …' }
 * await vajra.sessions.create({ intention: 'attune to the hour', duration: 1200, audioType: 'tone', frequencies: [hourTone.frequency] });
 * ```
 */
export interface RecommendedFrequency {
  /** Hz. */
  frequency: number;
  /** The cycle the tone is computed from. */
  cycle: Cycle;
  /** What makes it relevant now. */
  role: 'planetary-hour' | 'planetary-day' | 'moon-phase' | 'earth-day' | 'earth-year';
  reason: string;
}

/** The cycle whose tone stands for each classical planet (the Sun by the year it takes to circle the zodiac). */
const PLANET_CYCLE: Record<ClassicalPlanet, Cycle> = {
  sun: 'earthYear',
  moon: 'synodicMonth',
  mercury: 'mercury',
  venus: 'venus',
  mars: 'mars',
  jupiter: 'jupiter',
  saturn: 'saturn',
};

const optionsSchema = z.object({ latitude: latitudeSchema, longitude: longitudeSchema });

function tone(cycle: Cycle, role: RecommendedFrequency['role'], reason: string): RecommendedFrequency {
  const { frequency, octave } = coustoTone(CYCLE_PERIODS[cycle]);
  const days = CYCLE_PERIODS[cycle] / 86_400;
  return { frequency, cycle, role, reason: `${reason} — Cousto tone 2^${octave} / ${days.toFixed(days < 2 ? 0 : 3)} d` };
}

/**
 * Cousto tones for an instant and place: the ruler of the planetary hour, the ruler of the day, the
 * Moon's synodic tone (with the current phase), the Earth day and the Earth year, each with a reason.
 * During polar day or night there are no planetary hours; those entries are left out.
 *
 * @example
 * ```ts
 * const tones = recommendedFrequencies('2024-06-20T12:00:00Z', { latitude: 51.5, longitude: -0.12 });
 * tones[0]; // { role: 'planetary-hour', frequency: 221.23…, cycle: 'venus', reason: 'hour 7 of Thursday is ruled by Venus — …' }
 * ```
 */
export function recommendedFrequencies(date: InstantInput, location: { latitude: number; longitude: number }): RecommendedFrequency[] {
  const ms = parseInput(instantSchema, date, 'date');
  const { latitude, longitude } = parseInput(optionsSchema, location, 'location');
  const out: RecommendedFrequency[] = [];
  try {
    const day = planetaryDayAt(ms, latitude, longitude, 'upper-limb');
    const hour = day.hours.find((h) => ms >= h.startTime && ms < h.endTime) ?? day.hours[23]!;
    const name = (p: string) => p[0]!.toUpperCase() + p.slice(1);
    out.push(tone(PLANET_CYCLE[hour.ruler], 'planetary-hour', `${hour.isDay ? 'day' : 'night'} hour ${hour.hour} of ${name(day.weekday)} is ruled by ${name(hour.ruler)}`));
    out.push(tone(PLANET_CYCLE[day.dayRuler], 'planetary-day', `${name(day.weekday)} is ruled by ${name(day.dayRuler)}`));
  } catch (error) {
    if (!isVajraError(error)) throw error;
  }
  const phase = moonPhase(ms);
  out.push(tone('synodicMonth', 'moon-phase', `Moon ${phase.name}, ${(phase.illumination * 100).toFixed(0)}% lit, ${phase.waxing ? 'waxing' : 'waning'}`));
  out.push(tone('earthDay', 'earth-day', 'the rotation of the Earth (mean solar day)'));
  out.push(tone('earthYear', 'earth-year', 'the Earth year ("Om" tone)'));
  return out;
}
