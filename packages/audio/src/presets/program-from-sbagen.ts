import { VajraError } from '@vajra-stream/core';
import type { Keyframe } from '../program/param-schema';
import { parseProgram } from '../program/parse-program';
import { checkOptions, numberIn } from '../validation/check-options';
import type { Program } from '../program/program-schema';

/** Options of {@link programFromSbagen}. */
export interface SbagenOptions {
  /** Program length (s); default: the last time line + 60 s. */
  duration?: number;
  sampleRate?: number;
  /** Cross-fade between tone-sets (s), SBaGen's default 60 s (shortened to fit short steps). */
  fade?: number;
  /** Master ceiling (default 0.8). */
  gain?: number;
}

type Voice =
  | { type: 'binaural'; carrier: number; beat: number; amp: number }
  | { type: 'tone'; carrier: number; amp: number }
  | { type: 'noise'; color: 'pink' | 'white' | 'brown'; amp: number };

interface Entry {
  time: number;
  set: string;
  slide: boolean;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const BINAURAL = new RegExp(`^${NUMBER}([+-])${NUMBER}\\/${NUMBER}$`);
const TONE = new RegExp(`^${NUMBER}\\/${NUMBER}$`);
const NOISE = new RegExp(`^(pink|white|brown)\\/${NUMBER}$`);

function fail(message: string, line?: number): never {
  throw new VajraError('SBAGEN_UNSUPPORTED', line === undefined ? message : `line ${line}: ${message}`, { status: 422 });
}

function parseVoice(token: string, line: number): Voice | undefined {
  if (token === '-') return undefined;
  let match = BINAURAL.exec(token);
  if (match) {
    const beat = Number(match[3]) * (match[2] === '-' ? -1 : 1);
    return { type: 'binaural', carrier: Number(match[1]), beat, amp: Number(match[4]) / 100 };
  }
  match = TONE.exec(token);
  if (match) return { type: 'tone', carrier: Number(match[1]), amp: Number(match[2]) / 100 };
  match = NOISE.exec(token);
  if (match) return { type: 'noise', color: match[1] as 'pink', amp: Number(match[2]) / 100 };
  return fail(`voice "${token}" is outside the supported subset (carrier±beat/amp, carrier/amp, pink|white|brown/amp, -)`, line);
}

function parseClock(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/**
 * Import the subset of SBaGen sequence text that maps cleanly onto a program.
 * Maps: tone-set lines `name: voice …` with voices `carrier+beat/amp` / `carrier-beat/amp` (binaural: the
 * ears at carrier ± beat/2, the sign choosing which ear is higher; as two hard-panned tones), `carrier/amp`
 * (tone), `pink|white|brown/amp` (noise), `-` (silent slot), and `off`; time lines `NOW`, `NOW+HH:MM[:SS]`,
 * `+HH:MM[:SS]`, `HH:MM[:SS]` (clock times relative to the first one) with an optional fade token and a
 * trailing `->` slide (frequencies and amplitudes glide voice-by-voice to the next tone-set). Tone-sets
 * cross-fade over `fade` seconds. Not mapped (refused with `SBAGEN_UNSUPPORTED`): options lines (`-SE`…),
 * `bell`, `spin`, `mix`, `wave` voices, block definitions `{ … }`.
 *
 * @example
 * programFromSbagen(`alpha: 200+10/20 pink/30\noff: -\nNOW alpha\n+00:10 off`);
 */
export function programFromSbagen(text: string, options: SbagenOptions = {}): Program {
  checkOptions(options, { duration: numberIn(0), sampleRate: numberIn(0), fade: numberIn(0), gain: numberIn(0, 1) }, 'programFromSbagen');
  const sets = new Map<string, Voice[]>([['off', []]]);
  const entries: Entry[] = [];
  let firstClock: number | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (!content) return;
    if (content.startsWith('-')) fail(`options lines are not supported: "${content}"`, line);
    if (content.includes('{') || content.includes('}')) fail('block definitions are not supported', line);
    const definition = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(content);
    if (definition) {
      const voices = definition[2]!.split(/\s+/).filter(Boolean).map((token) => parseVoice(token, line));
      sets.set(definition[1]!, voices.filter((voice): voice is Voice => voice !== undefined));
      return;
    }
    const timed = /^(NOW(?:\+(\d{1,2}:\d{2}(?::\d{2})?))?|\+(\d{1,2}:\d{2}(?::\d{2})?)|(\d{1,2}:\d{2}(?::\d{2})?))\s+(?:(?:<>|<|>|--|==|-|=)\s+)?([A-Za-z_][\w-]*)(\s+->)?$/.exec(content);
    if (!timed) fail(`cannot read "${content}"`, line);
    let time: number;
    if (timed[4]) {
      const clock = parseClock(timed[4]);
      firstClock ??= clock;
      time = (clock - firstClock + 86_400) % 86_400;
    } else {
      time = parseClock(timed[2] ?? timed[3] ?? '0:00');
    }
    entries.push({ time, set: timed[5]!, slide: Boolean(timed[6]) });
  });
  if (entries.length === 0) fail('no time lines');
  entries.sort((a, b) => a.time - b.time);
  for (const entry of entries) if (!sets.has(entry.set)) fail(`unknown tone-set "${entry.set}"`);
  const duration = options.duration ?? entries[entries.length - 1]!.time + 60;
  const raw: unknown[] = [];
  // chains of entries joined by `->` become one set of gliding voices
  for (let start = 0; start < entries.length; ) {
    let end = start;
    while (entries[end]!.slide && end + 1 < entries.length) end++;
    const chain = entries.slice(start, end + 1);
    const from = chain[0]!.time;
    const until = end + 1 < entries.length ? entries[end + 1]!.time : duration;
    if (until > from) raw.push(...chainLayers(chain, sets, from, until, duration, options.fade ?? 60));
    start = end + 1;
  }
  return parseProgram({ duration, sampleRate: options.sampleRate, gain: options.gain ?? 0.8, layers: raw });
}

function chainLayers(chain: Entry[], sets: Map<string, Voice[]>, from: number, until: number, duration: number, fade: number): unknown[] {
  const voices = chain.map((entry) => sets.get(entry.set)!);
  const fadeTime = Math.min(fade, (until - from) / 2);
  const start = Math.max(0, from - fadeTime / 2);
  const end = Math.min(duration, until + fadeTime / 2);
  const keyframes = (values: number[]): number | Keyframe[] =>
    values.every((value) => value === values[0]) ? values[0]! : values.map((value, index) => ({ at: chain[index]!.time - start, value, curve: 'linear' as const }));
  const layers: unknown[] = [];
  const base = { start, end, fadeIn: from === 0 ? Math.min(fadeTime, 0.05) : fadeTime, fadeOut: fadeTime };
  voices[0]!.forEach((voice, slot) => {
    const path = voices.map((set, index) => {
      const next = set[slot];
      if (!next || next.type !== voice.type) fail(`slide from "${chain[0]!.set}" to "${chain[index]!.set}": voice ${slot + 1} changes type`);
      return next;
    });
    if (voice.type === 'noise') {
      layers.push({ kind: 'noise', color: voice.color, gain: keyframes(path.map((v) => v.amp)), ...base });
      return;
    }
    const carriers = path.map((v) => (v as { carrier: number }).carrier);
    const amps = path.map((v) => v.amp);
    if (voice.type === 'tone') {
      layers.push({ kind: 'tone', frequency: keyframes(carriers), gain: keyframes(amps), ...base });
      return;
    }
    const beats = path.map((v) => (v as { beat: number }).beat);
    layers.push(
      { kind: 'tone', frequency: keyframes(carriers.map((c, i) => c + beats[i]! / 2)), gain: keyframes(amps), pan: -1, ...base },
      { kind: 'tone', frequency: keyframes(carriers.map((c, i) => c - beats[i]! / 2)), gain: keyframes(amps), pan: 1, ...base },
    );
  });
  return layers;
}
