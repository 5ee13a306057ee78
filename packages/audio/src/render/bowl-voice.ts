import { anchorRotor, renderPath, type PhasePath } from '../dsp/add-partial';
import type { DspArena, Rotor } from '../dsp/dsp-arena';
import type { BowlMode } from '../presets/bowl-modes';
import type { BowlLayer } from '../program/program-schema';
import { combinePaths, frequencyPath } from './phase-paths';
import { bowlModeCeilings, modesOf } from './render-info';
import type { Voice } from './voice';

const LN_1000 = Math.log(1000);
/** Strike attack time constant (s): amplitude = e^(−kt) − e^(−(k+1/τ)t), smooth from zero. */
const ATTACK_TAU = 0.0015;
/** Below this amplitude (≈ −180 dBFS) a partial is silent and skipped. */
const SILENT = 1e-9;

interface Phasor {
  path: PhasePath;
  k1: number;
  k2: number;
  d1: number;
  d2: number;
  c1: number;
  c2: number;
  anchor: number;
}

function makePhasor(path: PhasePath, k1: number, k2: number, sampleRate: number): Phasor {
  return { path, k1, k2, d1: Math.exp(-k1 / sampleRate), d2: Math.exp(-k2 / sampleRate), c1: 0, c2: 0, anchor: 0 };
}

function setDecays(phasor: Phasor, k1: number, k2: number, sampleRate: number): void {
  phasor.k1 = k1;
  phasor.k2 = k2;
  phasor.d1 = Math.exp(-k1 / sampleRate);
  phasor.d2 = Math.exp(-k2 / sampleRate);
}

/** Move a phasor's amplitude terms to time t (exact, double precision). */
function advance(phasor: Phasor, t: number): void {
  const dt = t - phasor.anchor;
  if (dt === 0) return;
  if (phasor.c1 !== 0) phasor.c1 *= Math.exp(-phasor.k1 * dt);
  if (phasor.c2 !== 0) phasor.c2 *= Math.exp(-phasor.k2 * dt);
  if (Math.abs(phasor.c1) + Math.abs(phasor.c2) < SILENT * 1e-3) phasor.c1 = phasor.c2 = 0;
  phasor.anchor = t;
}

function amplitudeAt(phasor: Phasor, t: number): number {
  const dt = t - phasor.anchor;
  return Math.abs(phasor.c1 * Math.exp(-phasor.k1 * dt) + phasor.c2 * Math.exp(-phasor.k2 * dt));
}

interface BowlEvent {
  frame: number;
  apply(t: number): void;
}

/**
 * Modal singing bowl: every mode is a doublet of two decaying phasors (beating at the split), strikes
 * excite both halves (|cos nφ| / |sin nφ| for a strike angle φ, equal halves otherwise), rubbing drives
 * one mode whose rotation makes the envelope pulse at 2n × the rotation rate. Modes that would sound above
 * BOWL_MODE_LIMIT × sampleRate get no phasors (the others keep their level); `renderInfo` reports them.
 */
export function createBowlVoice(layer: BowlLayer, sampleRate: number, arena: DspArena): Voice {
  const modes: BowlMode[] = modesOf(layer);
  const dropped = bowlModeCeilings(layer, sampleRate).map((mode) => mode.dropped);
  const fundamental = frequencyPath(layer.frequency);
  const f0 = fundamental.frequencyAt(0);
  const scale = 1 / modes.reduce((sum, mode) => sum + mode.gain, 0);
  const decay = modes.map((mode) => LN_1000 / (mode.t60 ?? (2.2 * layer.q) / (f0 * mode.ratio)));
  // strike phasors: halves[m] = one phasor when split = 0, else two at ratio·2^(∓split/2400)
  const halves: Phasor[][] = modes.map((mode, index) => {
    if (dropped[index]) return [];
    const k = decay[index]!;
    const detunes = mode.split === 0 ? [1] : [2 ** (-mode.split / 2400), 2 ** (mode.split / 2400)];
    return detunes.map((detune) => makePhasor(frequencyPath(layer.frequency, mode.ratio * detune), k, k + 1 / ATTACK_TAU, sampleRate));
  });
  const all: Phasor[] = halves.flat();
  const events: BowlEvent[] = [];

  const strike = (t: number, velocity: number, angle: number | undefined) => {
    modes.forEach((mode, index) => {
      const n = index + 2;
      const parts = halves[index]!;
      const weights =
        angle === undefined
          ? parts.length === 1
            ? [1]
            : [0.5, 0.5]
          : parts.length === 1
            ? [Math.abs(Math.cos(n * angle)) + Math.abs(Math.sin(n * angle))]
            : [Math.abs(Math.cos(n * angle)), Math.abs(Math.sin(n * angle))];
      parts.forEach((phasor, half) => {
        advance(phasor, t);
        const amplitude = mode.gain * scale * velocity * weights[half]!;
        phasor.c1 += amplitude;
        phasor.c2 -= amplitude;
      });
    });
  };

  const strikes = layer.strikes ?? (layer.rim ? [] : [0]);
  let periodic: { next: number; every: number; remaining: number; velocity: number } | undefined;
  if (Array.isArray(strikes)) {
    for (const entry of strikes) {
      const at = typeof entry === 'number' ? entry : entry.at;
      const velocity = typeof entry === 'number' ? 1 : entry.velocity;
      const angle = typeof entry === 'number' ? undefined : entry.angle;
      events.push({ frame: Math.round(at * sampleRate), apply: (t) => strike(t, velocity, angle) });
    }
  } else {
    periodic = { next: strikes.from, every: strikes.every, remaining: strikes.count ?? Infinity, velocity: strikes.velocity };
  }

  const rimPhasors: Phasor[] = [];
  const rubbed = layer.rim ? Math.min(layer.rim.mode, modes.length - 1) : 0;
  if (layer.rim && !dropped[rubbed]) {
    const rim = layer.rim;
    const index = rubbed;
    const n = index + 2;
    const rate = frequencyPath(rim.rate);
    const k = decay[index]!;
    for (const sign of [-1, 1]) {
      rimPhasors.push(
        makePhasor(
          combinePaths([
            [fundamental, modes[index]!.ratio],
            [rate, sign * n],
          ]),
          k,
          k,
          sampleRate,
        ),
      );
    }
    const target = rim.pressure / 2;
    const buildUp = 0.4 + 2 * (1 - rim.pressure);
    events.push({
      frame: Math.round(rim.start * sampleRate),
      apply: (t) =>
        rimPhasors.forEach((phasor) => {
          advance(phasor, t);
          const now = phasor.c1 + phasor.c2;
          setDecays(phasor, 0, 1 / buildUp, sampleRate);
          phasor.c1 = target;
          phasor.c2 = now - target;
        }),
    });
    if (rim.end !== undefined) {
      events.push({
        frame: Math.round(Math.max(rim.end, rim.start) * sampleRate),
        apply: (t) =>
          rimPhasors.forEach((phasor) => {
            advance(phasor, t);
            const now = phasor.c1 + phasor.c2;
            setDecays(phasor, k, k, sampleRate);
            phasor.c1 = now;
            phasor.c2 = 0;
          }),
      });
    }
    all.push(...rimPhasors);
  }
  events.sort((a, b) => a.frame - b.frame);
  let eventIndex = 0;

  const nextEventFrame = (): number => {
    const listed = eventIndex < events.length ? events[eventIndex]!.frame : Infinity;
    const repeated = periodic && periodic.remaining > 0 ? Math.round(periodic.next * sampleRate) : Infinity;
    return Math.min(listed, repeated);
  };
  const fireEventsAt = (frame: number) => {
    const t = frame / sampleRate;
    while (eventIndex < events.length && events[eventIndex]!.frame === frame) events[eventIndex++]!.apply(t);
    while (periodic && periodic.remaining > 0 && Math.round(periodic.next * sampleRate) === frame) {
      strike(t, periodic.velocity, undefined);
      periodic.next += periodic.every;
      periodic.remaining--;
    }
  };

  // two rotors per phasor: the decay term and the attack term (same phase and frequency, own decay)
  const rotorPool: Rotor[] = all.flatMap(() => [
    { zr: 0, zi: 0, wr: 0, wi: 0 },
    { zr: 0, zi: 0, wr: 0, wi: 0 },
  ]);
  const steady: Rotor[] = [];
  const renderSpan = (out: Float32Array, offset: number, frames: number, frame: number, gain: number) => {
    const t = frame / sampleRate;
    steady.length = 0;
    for (let index = 0; index < all.length; index++) {
      const phasor = all[index]!;
      advance(phasor, t);
      if (Math.abs(phasor.c1) + Math.abs(phasor.c2) < SILENT) continue;
      const c2 = Math.abs(phasor.c2) < SILENT * 1e-3 ? 0 : phasor.c2;
      if (phasor.path.constant) {
        // steady frequency: batched rotors (each amplitude term's decay folded into its rotor)
        const cycles = phasor.path.cyclesAt(t);
        const omega = (2 * Math.PI * phasor.path.frequencyAt(t)) / sampleRate;
        steady.push(anchorRotor(cycles, omega, gain * phasor.c1, phasor.d1, rotorPool[2 * index]));
        if (c2 !== 0) steady.push(anchorRotor(cycles, omega, gain * c2, phasor.d2, rotorPool[2 * index + 1]));
      } else {
        renderPath(arena, out, offset, frames, phasor.path, t, sampleRate, gain * phasor.c1, phasor.d1, gain * c2, phasor.d2);
      }
    }
    if (steady.length > 0) arena.addRotors(out, offset, frames, steady);
  };

  return {
    stereo: false,
    linear: true,
    render(left, _right, offset, frames, from, gain) {
      let cursor = from;
      const end = from + frames;
      while (cursor < end) {
        let eventFrame = nextEventFrame();
        while (eventFrame < cursor) {
          // events before the rendered range (e.g. negative rounding) fire immediately
          fireEventsAt(eventFrame);
          eventFrame = nextEventFrame();
        }
        if (eventFrame === cursor) {
          fireEventsAt(cursor);
          continue;
        }
        const stop = Math.min(end, eventFrame);
        renderSpan(left, offset + cursor - from, stop - cursor, cursor, gain);
        cursor = stop;
      }
    },
    activeFrequencies(t) {
      return all.map((phasor) => ({ frequency: phasor.path.frequencyAt(t), ear: 'both' as const, amplitude: amplitudeAt(phasor, t) })).filter((entry) => entry.amplitude > 1e-4);
    },
  };
}
