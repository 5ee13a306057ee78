import { compileParam, type CompiledParam } from '../automation/compile-param';
import type { DspArena } from '../dsp/dsp-arena';
import type { Layer, Program } from '../program/program-schema';
import { createBowlVoice } from './bowl-voice';
import { createNoiseVoice } from './noise-voice';
import { createBinauralVoice, createIsochronicVoice, createMonauralVoice, createToneVoice } from './tone-voices';
import type { ActiveFrequency, Voice } from './voice';

function createVoice(layer: Layer, sampleRate: number, seed: number, arena: DspArena): Voice {
  switch (layer.kind) {
    case 'tone':
      return createToneVoice(layer, sampleRate, arena);
    case 'bowl':
      return createBowlVoice(layer, sampleRate, arena);
    case 'binaural':
      return createBinauralVoice(layer, sampleRate, arena);
    case 'monaural':
      return createMonauralVoice(layer, sampleRate, arena);
    case 'isochronic':
      return createIsochronicVoice(layer, sampleRate, arena);
    case 'noise':
      return createNoiseVoice(layer, sampleRate, seed);
  }
}

/** Balance law: centre = full level in both ears, the far ear falls as cos(|pan|·π/2). */
function balance(pan: number): [number, number] {
  return [pan <= 0 ? 1 : Math.cos((pan * Math.PI) / 2), pan >= 0 ? 1 : Math.cos((-pan * Math.PI) / 2)];
}

/** envelope[i] = g0 + step·i. */
function rampInto(envelope: Float64Array, count: number, g0: number, step: number): void {
  for (let index = 0; index < count; index++) envelope[index] = g0 + step * index;
}

/** One layer placed on the program timeline: voice × gain automation × raised-cosine fades × balance. */
export class LayerRenderer {
  readonly startFrame: number;
  readonly endFrame: number;
  private readonly fadeInFrames: number;
  private readonly fadeOutFrames: number;
  private readonly gain: CompiledParam;
  private readonly pan: CompiledParam;
  private readonly voice: Voice;
  private readonly scratchLeft: Float32Array;
  private readonly scratchRight: Float32Array;
  private readonly envelope: Float64Array;
  private readonly arena: DspArena;

  constructor(
    readonly layer: Layer,
    readonly index: number,
    program: Program,
    maxBlock: number,
    arena: DspArena,
  ) {
    const rate = program.sampleRate;
    const total = Math.round(program.duration * rate);
    this.startFrame = Math.min(total, Math.round(layer.start * rate));
    this.endFrame = Math.max(this.startFrame, Math.min(total, Math.round((layer.end ?? program.duration) * rate)));
    const length = this.endFrame - this.startFrame;
    const continuous = layer.kind !== 'bowl';
    let fadeIn = Math.round((layer.fadeIn ?? (continuous ? 0.02 : 0)) * rate);
    let fadeOut = Math.round((layer.fadeOut ?? 0.05) * rate);
    if (fadeIn + fadeOut > length) {
      const shrink = length / (fadeIn + fadeOut);
      fadeIn = Math.floor(fadeIn * shrink);
      fadeOut = Math.floor(fadeOut * shrink);
    }
    this.fadeInFrames = fadeIn;
    this.fadeOutFrames = fadeOut;
    this.gain = compileParam(layer.gain);
    this.pan = compileParam(layer.pan);
    this.voice = createVoice(layer, rate, (program.seed * 1_000_003 + index * 7919) >>> 0, arena);
    this.scratchLeft = arena.f32(maxBlock);
    this.scratchRight = arena.f32(maxBlock);
    this.envelope = arena.f64(maxBlock);
    this.arena = arena;
    this.sampleRate = rate;
  }

  private readonly sampleRate: number;

  /**
   * Add this layer's output for program frames [frame, frame+frames) into the mix. A linear voice in a block
   * without automation or fades renders straight into the buses with its gain folded in: a stereo voice into
   * the two sides, a centred mono voice into `center` (added to both sides by the caller). Returns whether
   * it wrote into `center`.
   */
  mix(mixLeft: Float32Array, mixRight: Float32Array, center: Float32Array, frame: number, frames: number): boolean {
    const from = Math.max(frame, this.startFrame);
    const to = Math.min(frame + frames, this.endFrame);
    if (to <= from) return false;
    const count = to - from;
    const local = from - this.startFrame;
    const rate = this.sampleRate;
    const voice = this.voice;
    const fadeOutStart = this.endFrame - this.fadeOutFrames;
    const g0 = this.gain.valueAt(local / rate);
    const [l0, r0] = balance(this.pan.valueAt(local / rate));
    if (voice.linear && this.gain.constant && this.pan.constant && local >= this.fadeInFrames && to <= fadeOutStart) {
      if (voice.stereo) {
        voice.render(mixLeft, mixRight, from - frame, count, local, g0 * l0, g0 * r0);
        return false;
      }
      if (l0 === r0) {
        voice.render(center, center, from - frame, count, local, g0 * l0, g0 * r0);
        return true;
      }
    }
    const left = this.scratchLeft;
    const right = this.scratchRight;
    left.fill(0, 0, count);
    if (voice.stereo) right.fill(0, 0, count);
    voice.render(left, right, 0, count, local, 1, 1);
    // per-frame gain (automation × fades) into the envelope; the balance ramps linearly over the block
    const envelope = this.envelope;
    if (this.gain.constant) envelope.fill(g0, 0, count);
    else rampInto(envelope, count, g0, (this.gain.valueAt((local + count) / rate) - g0) / count);
    // raised-cosine fades: in over layer frames [0, fadeIn), out over program frames [fadeOutStart, endFrame)
    const arena = this.arena;
    if (local < this.fadeInFrames) arena.raisedCosine(envelope, 0, Math.min(count, this.fadeInFrames - local), (Math.PI * local) / this.fadeInFrames, Math.PI / this.fadeInFrames);
    if (to > fadeOutStart) {
      const first = Math.max(0, fadeOutStart - from);
      arena.raisedCosine(envelope, first, count - first, (Math.PI * (this.endFrame - from - first)) / this.fadeOutFrames, -Math.PI / this.fadeOutFrames);
    }
    const [l1, r1] = this.pan.constant ? [l0, r0] : balance(this.pan.valueAt((local + count) / rate));
    arena.mixLayer(mixLeft, mixRight, from - frame, left, voice.stereo ? right : left, envelope, count, l0, (l1 - l0) / count, r0, (r1 - r0) / count);
    return false;
  }

  /** What this layer sounds at program time t (empty outside its span). */
  activeFrequencies(t: number): ActiveFrequency[] {
    const frame = Math.round(t * this.sampleRate);
    if (frame < this.startFrame || frame >= this.endFrame) return [];
    const local = t - this.startFrame / this.sampleRate;
    const gain = this.gain.valueAt(local);
    return this.voice.activeFrequencies(local).map((entry) => ({ ...entry, amplitude: entry.amplitude * gain, layer: this.index, kind: this.layer.kind }));
  }
}
