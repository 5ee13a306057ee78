import { describe, expect, it } from 'vitest';
import { compileParam } from '../src/automation/compile-param';
import { programFromSbagen } from '../src/index';
import { sbagenTimeline, type SbagenPeriod, type SbagenVoice } from '../src/presets/sbagen-timeline';
import { SBAGEN_CASES } from './fixtures/sbagen-timelines';

const DAY = 86_400;

/** A period as `sbagen -D` prints it: trailing silent slots dropped, values to two decimals. */
function printed(period: SbagenPeriod): SbagenPeriod {
  let slots = period.from.length;
  while (slots > 1 && period.from[slots - 1] === null) slots--;
  const round = (voice: SbagenVoice | null) =>
    voice === null
      ? null
      : voice.kind === 'noise'
        ? { ...voice, amp: Number(voice.amp.toFixed(2)) }
        : { ...voice, carrier: Number(voice.carrier.toFixed(2)), beat: Number(voice.beat.toFixed(2)), amp: Number(voice.amp.toFixed(2)) };
  return { start: period.start, end: period.end, from: period.from.slice(0, slots).map(round), to: period.to.slice(0, slots).map(round) };
}

/** The voices SBaGen plays at program time t (seconds after the first time line), by linear interpolation. */
function expectedAt(periods: SbagenPeriod[], first: number, t: number): SbagenVoice[] {
  const clock = (first + t) % DAY;
  const period = periods.find((entry) => {
    const length = (entry.end - entry.start + DAY) % DAY || DAY;
    return (clock - entry.start + DAY) % DAY < length;
  })!;
  const length = (period.end - period.start + DAY) % DAY || DAY;
  const ratio = ((clock - period.start + DAY) % DAY) / length;
  return period.from.flatMap((from, slot): SbagenVoice[] => {
    const to = period.to[slot];
    if (!from || !to) return [];
    const mix = (a: number, b: number) => a + (b - a) * ratio;
    if (from.kind === 'noise') return [{ ...from, amp: mix(from.amp, to.amp) }];
    if (to.kind !== 'binaural') return [];
    return [{ kind: 'binaural' as const, carrier: mix(from.carrier, to.carrier), beat: mix(from.beat, to.beat), amp: mix(from.amp, to.amp) }];
  });
}

describe('SBaGen import follows SBaGen 1.4.4', () => {
  for (const { name, sequence, periods } of SBAGEN_CASES) {
    it(`${name}: the timeline is the one sbagen -D prints`, () => {
      expect(sbagenTimeline(sequence).periods.map(printed)).toEqual(periods);
    });

    it(`${name}: the program sounds that timeline (every ear's pitch and level, every noise level, each second)`, () => {
      const program = programFromSbagen(sequence);
      const { first } = sbagenTimeline(sequence);
      const layers = program.layers.map((layer) => ({
        layer,
        gain: compileParam(layer.gain),
        frequency: layer.kind === 'tone' ? compileParam(layer.frequency) : undefined,
      }));
      for (let t = 0.5; t < program.duration; t += 1) {
        const expected = expectedAt(periods, first, t).filter((voice) => voice.amp > 0.01);
        const sounding = layers.filter(({ layer, gain }) => layer.start <= t && t < (layer.end ?? Infinity) && gain.valueAt(t - layer.start) > 1e-4);
        const leftEars = sounding
          .filter(({ layer }) => layer.kind === 'tone' && layer.pan === -1)
          .map(({ layer, gain, frequency }) => [frequency!.valueAt(t - layer.start), gain.valueAt(t - layer.start) * 100])
          .sort((a, b) => a[0]! - b[0]!);
        const rightEars = sounding
          .filter(({ layer }) => layer.kind === 'tone' && layer.pan === 1)
          .map(({ layer, gain, frequency }) => [frequency!.valueAt(t - layer.start), gain.valueAt(t - layer.start) * 100])
          .sort((a, b) => a[0]! - b[0]!);
        const noise = sounding.filter(({ layer }) => layer.kind === 'noise').reduce((sum, { layer, gain }) => sum + gain.valueAt(t - layer.start) * 100, 0);
        const binaural = expected.filter((voice) => voice.kind === 'binaural');
        const ear = (sign: number) => binaural.map((voice) => [voice.carrier + (sign * voice.beat) / 2, voice.amp]).sort((a, b) => a[0]! - b[0]!);
        expect(leftEars.length, `t=${t}`).toBe(binaural.length);
        leftEars.forEach(([frequency, amp], index) => {
          expect(frequency).toBeCloseTo(ear(1)[index]![0]!, 6);
          expect(amp).toBeCloseTo(ear(1)[index]![1]!, 6);
        });
        rightEars.forEach(([frequency, amp], index) => {
          expect(frequency).toBeCloseTo(ear(-1)[index]![0]!, 6);
          expect(amp).toBeCloseTo(ear(-1)[index]![1]!, 6);
        });
        expect(noise, `t=${t}`).toBeCloseTo(
          expected.filter((voice) => voice.kind === 'noise').reduce((sum, voice) => sum + voice.amp, 0),
          6,
        );
      }
    });
  }
});
