import { findMoonPhases, moonPhase, panchanga, sunTimes, tibetanDate, type MoonPhaseEvent } from '@vajra-stream/astrology';
import { VajraError } from '@vajra-stream/core';
import { sunriseEstimator } from './sunrise-estimator';
import { tithiName } from './tithi-name';

const DAY = 86_400_000;
/** Days whose estimated-sunrise elongation lies this close to a tithi boundary are reckoned at the exact sunrise. */
const BOUNDARY_MARGIN_DEGREES = 0.5;

/** One civil day of a lunar month. */
export interface LunarDay {
  /** Local civil date, YYYY-MM-DD. */
  date: string;
  /** Local noon, ms since the epoch. */
  noon: number;
  /** Tithi prevailing at sunrise (at local noon where the Sun does not rise). */
  tithi: { number: number; name: string; paksha: 'shukla' | 'krishna' };
  /** The Moon at local noon. */
  moon: { illumination: number; waxing: boolean; angle: number };
  /** Phugpa Tibetan date and its practice days and festivals. */
  tibetan: { month: number; day: number; leapMonth: boolean; observances: string[] };
}

/** A lunar month: new moon to new moon, with every civil day it touches. */
export interface LunarMonth {
  start: MoonPhaseEvent;
  end: MoonPhaseEvent;
  /** The principal phases from `start` up to and including `end`. */
  phases: MoonPhaseEvent[];
  days: LunarDay[];
  /** Local day boundaries: the first day's local midnight and the day after the last one's, ms. */
  from: number;
  to: number;
}

function tithiAtSunrise(estimate: number | null, day: { noon: number }, place: { latitude: number; longitude: number }): LunarDay['tithi'] {
  if (estimate !== null) {
    const angle = moonPhase(estimate).angle;
    const fromBoundary = Math.min(angle % 12, 12 - (angle % 12));
    if (fromBoundary > BOUNDARY_MARGIN_DEGREES) {
      const number = Math.floor(angle / 12) + 1;
      return { number, name: tithiName(number), paksha: number <= 15 ? 'shukla' : 'krishna' };
    }
  }
  // near a boundary (or no estimate): the exact sunrise and panchanga's own tithi
  const sunrise = sunTimes(day.noon, place).sunrise;
  const { tithi } = panchanga(sunrise === null ? day.noon : Date.parse(sunrise) + 1000, place);
  return { number: tithi.number, name: tithi.name, paksha: tithi.paksha };
}

/**
 * The lunar month (new moon to new moon) containing `date` at a place, day by day: tithi at sunrise,
 * the Moon's illumination at noon and the Phugpa Tibetan date with its practice days. Civil days run
 * midnight to midnight at `utcOffsetMinutes` from UTC. Sunrise is computed exactly on three days and
 * interpolated between them (within minutes below 58° of latitude); a day whose tithi could change
 * within the interpolation's error is reckoned at its exact sunrise with `panchanga()`.
 */
export function lunarMonthDays(input: { date: number; latitude: number; longitude: number; utcOffsetMinutes: number }): LunarMonth {
  const { date, latitude, longitude, utcOffsetMinutes } = input;
  const place = { latitude, longitude };
  const phases = findMoonPhases({ from: date - 32 * DAY, to: date + 32 * DAY });
  const newMoons = phases.filter((p) => p.phase === 'new moon');
  const start = newMoons.filter((p) => p.time <= date).at(-1);
  const end = newMoons.find((p) => p.time > date);
  if (start === undefined || end === undefined) throw new VajraError('LUNAR_MONTH_NOT_FOUND', 'No new moons around this date', { status: 422 });
  const offset = utcOffsetMinutes * 60_000;
  const firstDay = Math.floor((start.time + offset) / DAY);
  const lastDay = Math.floor((end.time + offset) / DAY);
  const noons = Array.from({ length: lastDay - firstDay + 1 }, (_, index) => (firstDay + index) * DAY + DAY / 2 - offset);
  const estimateSunrise = sunriseEstimator(noons, place);
  const days = noons.map((noon, index): LunarDay => {
    const moon = moonPhase(noon);
    const tibetan = tibetanDate(noon, { utcOffsetMinutes });
    return {
      date: new Date((firstDay + index) * DAY).toISOString().slice(0, 10),
      noon,
      tithi: tithiAtSunrise(estimateSunrise(index), { noon }, place),
      moon: { illumination: moon.illumination, waxing: moon.waxing, angle: moon.angle },
      tibetan: { month: tibetan.month, day: tibetan.day, leapMonth: tibetan.leapMonth, observances: tibetan.observances },
    };
  });
  return { start, end, phases: phases.filter((p) => p.time >= start.time && p.time <= end.time), days, from: firstDay * DAY - offset, to: (lastDay + 1) * DAY - offset };
}
