import { VajraError } from '@vajra-stream/core';

/** One voice of an SBaGen tone-set: a binaural pair (`carrier±beat/amp`, `carrier/amp` is beat 0) or noise. */
export type SbagenVoice = { kind: 'binaural'; carrier: number; beat: number; amp: number } | { kind: 'noise'; color: 'pink' | 'white' | 'brown'; amp: number };

/** A stretch of the SBaGen timeline: every voice slot moves linearly from `from` to `to` (null: silent). */
export interface SbagenPeriod {
  /** Seconds of the day (SBaGen's clock, modulo 24 h). */
  start: number;
  end: number;
  from: (SbagenVoice | null)[];
  to: (SbagenVoice | null)[];
}

/** The parsed timeline: periods in clock order from the earliest, and the first and last time lines' clock times (s). */
export interface SbagenTimeline {
  periods: SbagenPeriod[];
  first: number;
  last: number;
}

const DAY = 86_400_000;
/** Fade codes: SBaGen's `<`/`>` (silence), `-` (fade), `=` (slide). */
const SILENCE = 0;
const FADE = 1;
const SLIDE = 2;
/** Transition codes: a default change-over (before and after its times are set), and a `->` slide. */
const PENDING = -2;
const CHANGE = -1;
const RAMP = -3;

type Slot = SbagenVoice | null;

interface Node {
  time: number;
  fadeIn: number;
  fadeOut: number;
  from: Slot[];
  to: Slot[];
  prev: Node;
  next: Node;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const BINAURAL = new RegExp(`^${NUMBER}([+-]${NUMBER})\\/${NUMBER}$`);
const TONE = new RegExp(`^${NUMBER}\\/${NUMBER}$`);
const NOISE = new RegExp(`^(pink|white|brown)\\/${NUMBER}$`);
const CLOCK = String.raw`\d{1,2}:\d{1,2}(?::\d{1,2})?`;
const TIME = new RegExp(`^(?:NOW|${CLOCK})?(?:\\+${CLOCK})*$`);

function fail(message: string, line?: number): never {
  throw new VajraError('SBAGEN_UNSUPPORTED', line === undefined ? message : `line ${line}: ${message}`, { status: 422 });
}

function parseVoice(token: string, line: number): Slot {
  if (token === '-') return null;
  let match = BINAURAL.exec(token);
  if (match) return { kind: 'binaural', carrier: Number(match[1]), beat: Number(match[2]), amp: Number(match[4]) };
  match = TONE.exec(token);
  if (match) return { kind: 'binaural', carrier: Number(match[1]), beat: 0, amp: Number(match[2]) };
  match = NOISE.exec(token);
  if (match) return { kind: 'noise', color: match[1] as 'pink', amp: Number(match[2]) };
  return fail(`voice "${token}" is outside the supported subset (carrier±beat/amp, carrier/amp, pink|white|brown/amp, -)`, line);
}

/** hh:mm[:ss] in ms, or undefined when a field is out of range. */
function clock(text: string): number | undefined {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  if (h >= 24 || m >= 60 || s >= 60) return undefined;
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** Length of the period from t0 to t1 on the 24 h clock (0 when equal). */
const span = (t0: number, t1: number) => (t1 >= t0 ? t1 - t0 : t1 - t0 + DAY);
const middle = (t0: number, t1: number) => Math.trunc(t1 < t0 ? (DAY + t0 + t1) / 2 : (t0 + t1) / 2) % DAY;
const copy = (slots: Slot[]): Slot[] => slots.map((slot) => (slot ? { ...slot } : null));
const typeOf = (slot: Slot) => (slot === null ? 'silent' : slot.kind === 'noise' ? `noise-${slot.color}` : 'binaural');
const sameSlots = (a: Slot[], b: Slot[]) =>
  a.every((slot, index) => {
    const other = b[index]!;
    if (typeOf(slot) !== typeOf(other)) return false;
    if (slot === null || other === null) return true;
    if (slot.amp !== other.amp) return false;
    return slot.kind === 'noise' || (other.kind === 'binaural' && slot.carrier === other.carrier && slot.beat === other.beat);
  });

/**
 * Read SBaGen sequence text into its timeline the way SBaGen 1.4.4 builds it: every time line adds its
 * tone-set and a change-over to the next one; a default change-over lasts `fade` seconds centred on the next
 * time line, each half cut to the length of the step beside it; `->` turns the whole step into the change-over
 * (a slide). In a change-over a voice fades through silence when either side asks for silence (`<`, `>`),
 * changes type, or fades (`-`) between different pitches; otherwise it moves straight from one level and
 * pitch to the next. Times are on a 24 h circle, like SBaGen's clock.
 */
export function sbagenTimeline(text: string, fade = 60): SbagenTimeline {
  const sets = new Map<string, Slot[]>();
  const nodes: Node[] = [];
  let lastAbsolute: number | undefined;
  let first: number | undefined;
  let last = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (!content) return;
    if (content.startsWith('-')) fail(`options lines are not supported: "${content}"`, line);
    if (content.includes('{') || content.includes('}')) fail('block definitions are not supported', line);
    const definition = /^([A-Za-z][\w-]*):\s+(.*)$/.exec(content);
    if (definition) {
      sets.set(
        definition[1]!,
        definition[2]!
          .split(/\s+/)
          .filter(Boolean)
          .map((token) => parseVoice(token, line)),
      );
      return;
    }
    const words = content.split(/\s+/);
    const spec = words.shift()!;
    if (!TIME.test(spec) || spec === '') fail(`cannot read "${content}"`, line);
    let time: number | undefined;
    let rest = spec;
    if (rest.startsWith('NOW')) {
      // NOW is the program's start: the first time line's clock time
      time = lastAbsolute = 0;
      rest = rest.slice(3);
    }
    for (const part of rest.split(/(?=\+)/).filter(Boolean)) {
      const relative = part.startsWith('+');
      const value = clock(relative ? part.slice(1) : part);
      if (value === undefined) fail(`bad time "${spec}"`, line);
      if (relative) {
        if (time === undefined) {
          if (lastAbsolute === undefined) fail(`relative time without a previous absolute time: "${spec}"`, line);
          time = lastAbsolute;
        }
        time = (time + value) % DAY;
      } else {
        if (time !== undefined) fail(`bad time "${spec}"`, line);
        time = lastAbsolute = value;
      }
    }
    if (time === undefined) fail(`bad time "${spec}"`, line);
    first ??= time;
    last = time;
    let fadeIn = FADE;
    let fadeOut = FADE;
    if (words[0] && !/^[A-Za-z]/.test(words[0])) {
      const marker = words.shift()!;
      const inCode = { '<': SILENCE, '-': FADE, '=': SLIDE }[marker[0]!];
      const outCode = { '>': SILENCE, '-': FADE, '=': SLIDE }[marker[1] ?? ''];
      if (marker.length !== 2 || inCode === undefined || outCode === undefined) fail(`bad fade marker "${marker}"`, line);
      fadeIn = inCode;
      fadeOut = outCode;
    }
    const name = words.shift();
    if (name === undefined) fail(`cannot read "${content}"`, line);
    const voices = name === 'off' && !sets.has('off') ? [] : sets.get(name);
    if (!voices) fail(`unknown tone-set "${name}"`, line);
    const slide = words[0] === '->';
    if (words.length > (slide ? 1 : 0)) fail(`cannot read "${content}"`, line);
    nodes.push({ time, fadeIn, fadeOut, from: copy(voices), to: copy(voices) } as Node);
    nodes.push({ time: slide ? time : -1, fadeIn: slide ? RAMP : PENDING, fadeOut: FADE, from: [], to: [] } as unknown as Node);
  });
  if (nodes.length === 0) fail('no time lines');
  const channels = Math.max(1, ...[...sets.values()].map((slots) => slots.length));
  nodes.forEach((node, index) => {
    node.from = Array.from({ length: channels }, (_, slot) => node.from[slot] ?? null);
    node.to = copy(node.from);
    node.prev = nodes[(index + nodes.length - 1) % nodes.length]!;
    node.next = nodes[(index + 1) % nodes.length]!;
  });
  let total = 0;
  for (let index = 0; index < nodes.length; index += 2) total += span(nodes[index]!.time, nodes[(index + 2) % nodes.length]!.time);
  if (nodes.length > 2 && total > DAY) fail('the time lines span more than 24 hours (are two of them out of order?)');
  let head = nodes[0]!;
  const each = (visit: (node: Node) => Node) => {
    let node = head;
    do node = visit(node).next;
    while (node !== head);
  };

  // a default change-over starts at the next time line …
  each((node) => {
    if (node.fadeIn === PENDING) {
      node.time = node.next.time;
      node.fadeIn = CHANGE;
    }
    return node;
  });
  // … and lasts `fade`, each half cut to the step beside it
  const fadeMs = Math.round(fade * 1000);
  each((node) => {
    if (node.fadeIn !== CHANGE) return node;
    const length = span(node.time, node.next.time);
    if (length < fadeMs) {
      const adjust = Math.trunc((fadeMs - length) / 2);
      const before = Math.min(adjust, span(node.prev.time, node.time));
      const after = Math.min(adjust, span(node.next.time, node.next.next.time));
      node.time = (node.time - before + DAY) % DAY;
      node.next.time = (node.next.time + after) % DAY;
    }
    return node;
  });
  // voices of the change-overs, with a mid-point where a voice goes through silence
  each((node) => {
    if (node.fadeIn >= 0) return node;
    const mid = { time: 0, fadeIn: 0, fadeOut: 0, from: [], to: [], prev: node, next: node.next } as unknown as Node;
    node.next.prev = mid;
    node.next = mid;
    mid.time = middle(node.time, mid.next.time);
    node.from = copy(node.prev.to);
    mid.to = copy(mid.next.from);
    let fadeOut = node.prev.fadeOut;
    let fadeIn = mid.next.fadeIn;
    if (node.fadeIn === RAMP) {
      fadeOut = fadeIn = SLIDE;
      node.from.forEach((voice, slot) => {
        const target = mid.to[slot]!;
        if (voice === null && target !== null) node.from[slot] = { ...target, amp: 0 };
        else if (voice !== null && target === null) mid.to[slot] = { ...voice, amp: 0 };
      });
    }
    node.to = copy(node.from);
    mid.from = copy(mid.to);
    let throughSilence = false;
    node.to.forEach((voice, slot) => {
      const target = mid.from[slot]!;
      const pitchChanges = voice?.kind === 'binaural' && target?.kind === 'binaural' && (voice.carrier !== target.carrier || voice.beat !== target.beat);
      if (fadeOut === SILENCE || fadeIn === SILENCE || typeOf(voice) !== typeOf(target) || ((fadeOut === FADE || fadeIn === FADE) && pitchChanges)) {
        if (voice) voice.amp = 0;
        if (target) target.amp = 0;
        throughSilence = true;
      } else if (voice && target) {
        voice.amp = target.amp = (voice.amp + target.amp) / 2;
        if (voice.kind === 'binaural' && target.kind === 'binaural') {
          voice.carrier = target.carrier = (voice.carrier + target.carrier) / 2;
          voice.beat = target.beat = (voice.beat + target.beat) / 2;
        }
      }
    });
    if (throughSilence) return mid;
    node.to = copy(mid.to);
    node.next = mid.next;
    mid.next.prev = node;
    return node;
  });
  // drop empty periods and merge periods that hold the same voices
  for (let changed = true; changed && head.next !== head; ) {
    changed = false;
    let node = head;
    do {
      if (sameSlots(node.from, node.to) && sameSlots(node.from, node.next.from) && sameSlots(node.from, node.next.to)) node.next.time = node.time;
      if (node.time === node.next.time) {
        if (head === node) head = node.prev;
        node.prev.next = node.next;
        node.next.prev = node.prev;
        changed = true;
        break;
      }
      node = node.next;
    } while (node !== head);
  }
  while (head.next !== head && head.prev.time < head.time) head = head.next;
  const periods: SbagenPeriod[] = [];
  let node = head;
  do {
    periods.push({ start: node.time / 1000, end: node.next.time / 1000, from: copy(node.from), to: copy(node.to) });
    node = node.next;
  } while (node !== head);
  return { periods, first: (first ?? 0) / 1000, last: last / 1000 };
}
