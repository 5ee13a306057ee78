import type { Keyframe } from '../program/param-schema';
import { parseProgram } from '../program/parse-program';
import { checkOptions, numberIn } from '../validation/check-options';
import type { Program } from '../program/program-schema';
import { sbagenTimeline, type SbagenPeriod, type SbagenVoice } from './sbagen-timeline';

/**
 * Options of {@link programFromSbagen}.
 *
 * @example
 * ```ts
 * const options: SbagenOptions = { duration: 1200, sampleRate: 44100, fade: 30, gain: 0.6 }; // s, Hz, s, linear ceiling
 * const program = programFromSbagen(`alpha: 200+10/20 pink/30\noff: -\nNOW alpha\n+00:15 off`, options);
 * ```
 */
export interface SbagenOptions {
  /** Program length (s); default: the last time line + 60 s. */
  duration?: number;
  sampleRate?: number;
  /** Change-over between tone-sets (s): SBaGen's fade interval, default 60 s (each half cut to the step beside it). */
  fade?: number;
  /** Master ceiling (default 0.8). */
  gain?: number;
}

const DAY = 86_400;
const span = (t0: number, t1: number) => (t1 >= t0 ? t1 - t0 : t1 - t0 + DAY);

interface Point {
  at: number;
  voice: SbagenVoice;
}

const sameVoice = (a: SbagenVoice, b: SbagenVoice) =>
  a.kind === b.kind && a.amp === b.amp && (a.kind === 'noise' ? b.kind === 'noise' && a.color === b.color : b.kind === 'binaural' && a.carrier === b.carrier && a.beat === b.beat);
const sameKind = (a: SbagenVoice, b: SbagenVoice) => a.kind === b.kind && (a.kind === 'binaural' || (b.kind === 'noise' && a.color === b.color));

/**
 * Import SBaGen sequence text with SBaGen 1.4.4's own timeline semantics (checked against the program's
 * `-D` output): tone-set lines `name: voice …` with voices `carrier+beat/amp` / `carrier-beat/amp` (binaural:
 * left ear carrier + beat/2, right ear carrier − beat/2, as two hard-panned tones), `carrier/amp` (the same
 * with beat 0), `pink/amp`, `-` (silent slot); time lines `NOW`, `hh:mm[:ss]`, `+hh:mm[:ss]` (relative to the
 * last absolute time) and combinations such as `NOW+04:00+00:30`, each with an optional fade marker of two
 * characters (`<`/`-`/`=` then `>`/`-`/`=`; default `--`) and a trailing `->`. A change-over lasts `fade`
 * seconds centred on the time line, each half cut to the step beside it; `->` makes the whole step a slide;
 * voices fade through silence where SBaGen's do (a `<`/`>`, a change of type, or a `-` fade between pitches)
 * and otherwise move linearly in level and pitch. The program starts at the first time line (NOW is the
 * clock's 00:00), so what SBaGen plays there, including the change-over from the sequence's last tone-set,
 * is what sounds at 0 s. Extensions beyond SBaGen: `white/amp` and `brown/amp` noise, and `off` predefined as
 * silence. Refused with `SBAGEN_UNSUPPORTED`: options lines (`-SE`…), `bell`, `spin`, `mix`, `wave` voices and
 * block definitions `{ … }`.
 *
 * @example
 * programFromSbagen(`alpha: 200+10/20 pink/30\noff: -\nNOW alpha\n+00:10 off`);
 */
export function programFromSbagen(text: string, options: SbagenOptions = {}): Program {
  checkOptions(options, { duration: numberIn(0), sampleRate: numberIn(0), fade: numberIn(0), gain: numberIn(0, 1) }, 'programFromSbagen');
  const { periods, first, last } = sbagenTimeline(text, options.fade ?? 60);
  const duration = options.duration ?? span(first, last) + 60;
  // unroll the 24 h circle from the period that holds the first time line
  const holder = periods.findIndex((period) => span(period.start, first) < (span(period.start, period.end) || DAY));
  const timeline: { start: number; end: number; period: SbagenPeriod }[] = [];
  for (let index = holder, at = -span(periods[holder]!.start, first); at < duration; index = (index + 1) % periods.length) {
    const period = periods[index]!;
    const length = span(period.start, period.end) || DAY;
    timeline.push({ start: at, end: at + length, period });
    at += length;
  }
  const slots = Math.max(...periods.map((period) => period.from.length));
  const layers: unknown[] = [];
  for (let slot = 0; slot < slots; slot++) {
    let run: Point[] = [];
    const close = () => {
      if (run.length > 1) layers.push(...runLayers(run, duration));
      run = [];
    };
    for (const { start, end, period } of timeline) {
      const from = period.from[slot] ?? null;
      const to = period.to[slot] ?? null;
      if (!from || !to || !sameKind(from, to)) {
        close();
        continue;
      }
      const last = run.at(-1);
      if (!last || last.at !== start || !sameVoice(last.voice, from)) {
        close();
        run.push({ at: start, voice: from });
      }
      run.push({ at: end, voice: to });
    }
    close();
  }
  return parseProgram({ duration, sampleRate: options.sampleRate, gain: options.gain ?? 0.8, layers });
}

/** Layers for one voice slot over a run of linear segments, clipped to the program. */
function runLayers(run: Point[], duration: number): unknown[] {
  const value = (point: Point, pick: (voice: SbagenVoice) => number) => pick(point.voice);
  const at = (time: number, pick: (voice: SbagenVoice) => number) => {
    // linear interpolation inside the run (for the clipped ends)
    const after = run.findIndex((point) => point.at >= time);
    if (after <= 0) return value(run[Math.max(0, after)]!, pick);
    const a = run[after - 1]!;
    const b = run[after]!;
    return b.at === a.at ? value(b, pick) : value(a, pick) + ((value(b, pick) - value(a, pick)) * (time - a.at)) / (b.at - a.at);
  };
  const start = Math.max(0, run[0]!.at);
  const end = Math.min(duration, run.at(-1)!.at);
  if (end <= start) return [];
  const times = [start, ...run.map((point) => point.at).filter((time) => time > start && time < end), end];
  const keyframes = (pick: (voice: SbagenVoice) => number): number | Keyframe[] => {
    const values = times.map((time) => at(time, pick));
    return values.every((entry) => entry === values[0]) ? values[0]! : values.map((entry, index) => ({ at: times[index]! - start, value: entry, curve: 'linear' as const }));
  };
  const base = { start, end, fadeIn: 0, fadeOut: 0, gain: keyframes((voice) => voice.amp / 100) };
  const voice = run[0]!.voice;
  if (voice.kind === 'noise') return [{ kind: 'noise', color: voice.color, ...base }];
  const ear = (sign: number) => keyframes((entry) => (entry.kind === 'binaural' ? entry.carrier + (sign * entry.beat) / 2 : 0));
  return [
    { kind: 'tone', frequency: ear(1), pan: -1, ...base },
    { kind: 'tone', frequency: ear(-1), pan: 1, ...base },
  ];
}
