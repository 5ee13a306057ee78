import type { OracleContext } from '../../spec/oracle-task';
import type { Random } from '../random';

const PHASES = ['new moon', 'waxing crescent', 'first quarter', 'waxing gibbous', 'full moon', 'waning gibbous', 'last quarter', 'waning crescent'] as const;

const PHASE_LINES: Record<(typeof PHASES)[number], readonly string[]> = {
  'new moon': [
    'Tonight the moon is new and dark, a time for planting intentions quietly, like seeds under the soil',
    'The moon has gone dark and begins again; it is a good night for beginnings made in silence',
  ],
  'waxing crescent': ['The young moon is a thin bright curve in the sky, and what we begin now grows with her', 'As the crescent moon begins to fill, let this wish begin to grow'],
  'first quarter': [
    'The moon stands half-lit, poised between dark and light, a time for resolve and for taking the next step',
    'Half the moon is bright tonight; what has been started asks for commitment',
  ],
  'waxing gibbous': ['The moon is nearly full, swelling toward completion, and our practice ripens with her', 'With the moon almost full, the fruit of patient effort is close'],
  'full moon': [
    'Tonight the moon is full, and on the full moon it is said that the power of every virtuous act is multiplied',
    'Under the full moon, the day of Amitabha, whatever goodness we make shines out far beyond us',
  ],
  'waning gibbous': ['The moon has begun to wane, a time for gratitude and for sharing what we have received', 'As the full moon begins to turn, we give back what has been given'],
  'last quarter': ['The moon is half-dark and waning, a time for releasing what is no longer needed', 'In the last quarter of the moon, we practise letting go'],
  'waning crescent': ['Only a sliver of moon remains, a time for rest, for forgiveness, for clearing the ground before the new moon', 'The moon is almost gone; let what is finished be finished'],
};

const HOUR_LINES: Record<string, readonly string[]> = {
  sun: ['in the hour of the Sun, which favours clarity and vitality', 'while the Sun rules the hour and lends its warmth and confidence'],
  moon: ['in the hour of the Moon, tender and receptive', 'while the Moon rules the hour, favouring feeling, dreams and care for the home'],
  mars: ['in the hour of Mars, the hour of courage and of cutting through', 'while Mars rules the hour, lending strength to resolve'],
  mercury: ['in the hour of Mercury, which favours speech, study and clear messages', 'while Mercury rules the hour, sharpening the mind for learning'],
  jupiter: ['in the hour of Jupiter, the hour of blessing and generosity', 'while Jupiter rules the hour, opening the way for growth and good fortune'],
  venus: ['in the hour of Venus, the hour of love and harmony', 'while Venus rules the hour, softening what is hard between us'],
  saturn: ['in the hour of Saturn, the hour of patience and endurance', 'while Saturn rules the hour, teaching steadiness and the wisdom of limits'],
};

const TITHI_NAMES = ['Pratipada', 'Dvitiya', 'Tritiya', 'Chaturthi', 'Panchami', 'Shashthi', 'Saptami', 'Ashtami', 'Navami', 'Dashami', 'Ekadashi', 'Dvadashi', 'Trayodashi', 'Chaturdashi'];
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'twenty-fourth',
  'twenty-fifth',
  'twenty-sixth',
  'twenty-seventh',
  'twenty-eighth',
  'twenty-ninth',
  'thirtieth',
];

const LUNAR_DAYS: Record<number, string> = {
  8: 'the eighth lunar day, sacred to the Medicine Buddha',
  10: 'the tenth lunar day, Guru Rinpoche day',
  15: 'the fifteenth lunar day, the full moon of Amitabha',
  25: 'the twenty-fifth lunar day, the day of the Dakinis',
  30: 'the thirtieth lunar day, the new moon of Buddha Shakyamuni',
};

/**
 * The name of a moon phase from a name or an elongation angle (0° new, 180° full).
 *
 * @example
 * ```ts
 * moonPhaseName(170); // 'full moon'
 * ```
 */
export function moonPhaseName(phase: string | number | undefined, waxing?: boolean): (typeof PHASES)[number] | undefined {
  if (phase === undefined) return undefined;
  if (typeof phase === 'number') return PHASES[Math.round((((phase % 360) + 360) % 360) / 45) % 8];
  const text = phase.toLowerCase().replace(/[_-]/g, ' ').trim();
  if (text.startsWith('new')) return 'new moon';
  if (text.startsWith('full')) return 'full moon';
  if (text.includes('first')) return 'first quarter';
  if (text.includes('last') || text.includes('third')) return 'last quarter';
  if (text.includes('crescent')) return text.includes('wan') || waxing === false ? 'waning crescent' : 'waxing crescent';
  if (text.includes('gibbous')) return text.includes('wan') || waxing === false ? 'waning gibbous' : 'waxing gibbous';
  if (text.includes('quarter')) return waxing === false ? 'last quarter' : 'first quarter';
  return undefined;
}

/**
 * The tithi's traditional name, e.g. `Shukla Ekadashi` for 11, `Purnima` for 15, `Amavasya` for 30.
 *
 * @example
 * ```ts
 * tithiName(26); // 'Krishna Ekadashi'
 * ```
 */
export function tithiName(tithi: number): string {
  if (tithi === 15) return 'Purnima';
  if (tithi === 30) return 'Amavasya';
  const paksha = tithi <= 15 ? 'Shukla' : 'Krishna';
  return `${paksha} ${TITHI_NAMES[(tithi - 1) % 15]}`;
}

/** Sentences that place a text in its moment (empty when there is no context). */
export interface MomentPhrases {
  /** A full sentence without final punctuation, or '' when there is no context. */
  sentence: string;
  /** A short opening clause ("On this full-moon night,"), or ''. */
  opening: string;
  /** True when the day is a full moon or a special practice day (merit multiplies). */
  auspicious: boolean;
}

/** Composes the phrases that let a text speak to its moment. */
export function momentPhrases(context: OracleContext | undefined, random: Random): MomentPhrases {
  if (!context) return { sentence: '', opening: '', auspicious: false };
  const parts: string[] = [];
  const phase = moonPhaseName(context.moonPhase, context.waxing);
  let opening = '';
  if (context.occasion) {
    parts.push(`This is ${context.occasion}, a day when practice is said to carry great blessing`);
    opening = `On this day of ${context.occasion},`;
  }
  if (phase) {
    const line = random.pick(PHASE_LINES[phase]);
    parts.push(parts.length === 0 ? line : line[0]!.toLowerCase() + line.slice(1));
    if (!opening) opening = phase === 'full moon' || phase === 'new moon' ? `On this ${phase} night,` : `Beneath the ${phase} moon,`;
  }
  const hour = context.planetaryHour ? HOUR_LINES[context.planetaryHour.toLowerCase()] : undefined;
  const dayPieces: string[] = [];
  if (context.tithi !== undefined) dayPieces.push(`${tithiName(context.tithi)}, the ${ORDINALS[(context.tithi - 1) % 15]} lunar day of the ${context.tithi <= 15 ? 'bright' : 'dark'} fortnight`);
  if (context.lunarDay !== undefined && LUNAR_DAYS[context.lunarDay]) dayPieces.push(LUNAR_DAYS[context.lunarDay]!);
  let sentence = parts.join('; and ');
  if (dayPieces.length > 0) {
    const day = `it is ${dayPieces.join(', and ')}`;
    sentence = sentence ? `${sentence}. And ${day}` : day[0]!.toUpperCase() + day.slice(1);
    if (!opening) opening = context.lunarDay && LUNAR_DAYS[context.lunarDay] ? `On ${LUNAR_DAYS[context.lunarDay]},` : `On ${tithiName(context.tithi ?? 1)},`;
  }
  if (hour) {
    const clause = random.pick(hour);
    sentence = sentence ? `${sentence}, and we gather ${clause}` : `We gather ${clause}`;
  }
  if (context.timeOfDay) {
    const time = context.timeOfDay.toLowerCase();
    sentence = sentence ? `${sentence}. It is ${time}, and the world is turning toward the next hour` : `It is ${time}, and the world is turning toward the next hour`;
    if (!opening) opening = `In the ${time},`;
  }
  const auspicious =
    phase === 'full moon' ||
    phase === 'new moon' ||
    context.occasion !== undefined ||
    (context.lunarDay !== undefined && context.lunarDay in LUNAR_DAYS) ||
    context.tithi === 15 ||
    context.tithi === 30;
  return { sentence, opening, auspicious };
}
