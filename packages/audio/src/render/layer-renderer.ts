import { compileParam, type CompiledParam } from '../automation/compile-param';
import type { Layer, Program } from '../program/program-schema';
import { createBowlVoice } from './bowl-voice';
import { createNoiseVoice } from './noise-voice';
import { createBinauralVoice, createIsochronicVoice, createMonauralVoice, createToneVoice } from './tone-voices';
import type { ActiveFrequency, Voice } from './voice';

function createVoice(layer: Layer, sampleRate: number, seed: number): Voice {
  switch (layer.kind) {
    case 'tone':
      return createToneVoice(layer, sampleRate);
    case 'bowl':
      return createBowlVoice(layer, sampleRate);
    case 'binaural':
      return createBinauralVoice(layer, sampleRate);
    case 'monaural':
      return createMonauralVoice(layer, sampleRate);
    case 'isochronic':
      return createIsochronicVoice(layer, sampleRate);
    case 'noise':
      return createNoiseVoice(layer, sampleRate, seed);
  }
}

/** Balance law: centre = full level in both ears, the far ear falls as cos(|pan|·π/2). */
function balance(pan: number): [number, number] {
  return [pan <= 0 ? 1 : Math.cos((pan * Math.PI) / 2), pan >= 0 ? 1 : Math.cos((-pan * Math.PI) / 2)];
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

  constructor(
    readonly layer: Layer,
    readonly index: number,
    program: Program,
    maxBlock: number,
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
    this.voice = createVoice(layer, rate, (program.seed * 1_000_003 + index * 7919) >>> 0);
    this.scratchLeft = new Float32Array(maxBlock);
    this.scratchRight = new Float32Array(maxBlock);
    this.sampleRate = rate;
  }

  private readonly sampleRate: number;

  /** Add this layer's output for program frames [frame, frame+frames) into the mix. */
  mix(mixLeft: Float32Array, mixRight: Float32Array, frame: number, frames: number): void {
    const from = Math.max(frame, this.startFrame);
    const to = Math.min(frame + frames, this.endFrame);
    if (to <= from) return;
    const count = to - from;
    const local = from - this.startFrame;
    const left = this.scratchLeft;
    const right = this.scratchRight;
    left.fill(0, 0, count);
    if (this.voice.stereo) right.fill(0, 0, count);
    this.voice.render(left, right, count, local);
    const rate = this.sampleRate;
    const g0 = this.gain.valueAt(local / rate);
    const gStep = this.gain.constant ? 0 : (this.gain.valueAt((local + count) / rate) - g0) / count;
    const [l0, r0] = balance(this.pan.valueAt(local / rate));
    const [l1, r1] = this.pan.constant ? [l0, r0] : balance(this.pan.valueAt((local + count) / rate));
    const lStep = (l1 - l0) / count;
    const rStep = (r1 - r0) / count;
    const offset = from - frame;
    const inFade = local < this.fadeInFrames || to > this.endFrame - this.fadeOutFrames;
    // separate methods: each optimises for its own path (no deopt when a fade first runs)
    if (!inFade && gStep === 0 && lStep === 0 && rStep === 0) this.mixSteady(mixLeft, mixRight, offset, count, g0 * l0, g0 * r0);
    else this.mixRamped(mixLeft, mixRight, offset, count, local, from, inFade, g0, gStep, l0, lStep, r0, rStep);
  }

  private mixSteady(mixLeft: Float32Array, mixRight: Float32Array, offset: number, count: number, gainLeft: number, gainRight: number): void {
    const left = this.scratchLeft;
    const source = this.voice.stereo ? this.scratchRight : left;
    for (let index = 0; index < count; index++) {
      mixLeft[offset + index]! += left[index]! * gainLeft;
      mixRight[offset + index]! += source[index]! * gainRight;
    }
  }

  private mixRamped(
    mixLeft: Float32Array,
    mixRight: Float32Array,
    offset: number,
    count: number,
    local: number,
    from: number,
    inFade: boolean,
    g0: number,
    gStep: number,
    l0: number,
    lStep: number,
    r0: number,
    rStep: number,
  ): void {
    const left = this.scratchLeft;
    const right = this.scratchRight;
    const stereo = this.voice.stereo;
    const fadeOutStart = this.endFrame - this.fadeOutFrames;
    for (let index = 0; index < count; index++) {
      let gain = g0 + gStep * index;
      if (inFade) {
        const position = local + index;
        if (position < this.fadeInFrames) gain *= 0.5 - 0.5 * Math.cos((Math.PI * position) / this.fadeInFrames);
        const absolute = from + index;
        if (absolute >= fadeOutStart) gain *= 0.5 - 0.5 * Math.cos((Math.PI * (this.endFrame - absolute)) / this.fadeOutFrames);
      }
      const sampleLeft = left[index]! * gain;
      const sampleRight = stereo ? right[index]! * gain : sampleLeft;
      mixLeft[offset + index]! += sampleLeft * (l0 + lStep * index);
      mixRight[offset + index]! += sampleRight * (r0 + rStep * index);
    }
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
