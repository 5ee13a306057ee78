import { DspArena, type KernelExports } from './dsp-arena';

/**
 * Options of the lookahead limiter.
 *
 * @example
 * ```ts
 * const options: LimiterOptions = { sampleRate: 44100, ceiling: 10 ** (-1 / 20), lookahead: 0.005, release: 0.2 }; // −1 dBTP, 5 ms, 200 ms
 * const limiter = createLimiter(options);
 * ```
 */
export interface LimiterOptions {
  sampleRate: number;
  /** Linear ceiling (0..1) for sample peaks and 8× oversampled inter-sample peaks. */
  ceiling: number;
  /** Lookahead (s): the attack ramp length. */
  lookahead: number;
  /** Release time constant (s). */
  release: number;
}

/**
 * A stereo-linked true-peak lookahead limiter; output is delayed by `latencyFrames` (sample frames).
 *
 * @example
 * ```ts
 * const limiter: Limiter = createLimiter({ sampleRate: 48000, ceiling: 0.5, lookahead: 0.003, release: 0.15 });
 * const outL = new Float32Array(128), outR = new Float32Array(128);
 * limiter.process(inL, inR, outL, outR, 128);
 * limiter.latencyFrames; // 176: the output lags the input by this many frames
 * ```
 */
export interface Limiter {
  readonly latencyFrames: number;
  process(inLeft: Float32Array, inRight: Float32Array, outLeft: Float32Array, outRight: Float32Array, frames: number): void;
}

const TAPS = 16;
/** Interval n (from x[n] to x[n+1]) is interpolated from x[n−7 … n+8]. */
const DETECT_DELAY = TAPS / 2;
const FRACTIONS = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];
/** Frames per detection segment; the gain is linear between segment boundaries (a power of two). */
const SEGMENT_SHIFT = 4;
const SEGMENT = 1 << SEGMENT_SHIFT;
/** Frames written into the delay ring per step. */
const CHUNK = 1024;

/** 16-tap windowed-sinc interpolators for positions a + k/8 from x[a−7 … a+8], unity DC gain. */
function interpolators(): Float64Array[] {
  return FRACTIONS.map((fraction) => {
    const kernel = new Float64Array(TAPS);
    let sum = 0;
    for (let tap = 0; tap < TAPS; tap++) {
      const x = tap - (DETECT_DELAY - 1) - fraction;
      const sinc = Math.sin(Math.PI * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (DETECT_DELAY + 0.5));
      kernel[tap] = sinc * window;
      sum += kernel[tap]!;
    }
    for (let tap = 0; tap < TAPS; tap++) kernel[tap]! /= sum;
    return kernel;
  });
}

/**
 * The largest Σ|wⱼ| over the kernels, where a kernel k (unity sum, first moment a in [0, 1] relative to
 * x[a]) splits exactly into (1−a)·x[0] + a·x[1] + Σⱼ wⱼ·Δ²x[j] (Δ²x[j] = x[j−1] − 2x[j] + x[j+1], j = −6 … 7).
 * So every interpolated value is at most max(|x[0]|, |x[1]|) + curvatureWeight · max|Δ²x|.
 */
function curvatureWeight(kernels: Float64Array[]): number {
  let weight = 0;
  for (const kernel of kernels) {
    let moment = 0;
    for (let tap = 0; tap < TAPS; tap++) moment += kernel[tap]! * (tap - (DETECT_DELAY - 1));
    if (moment < 0 || moment > 1) throw new Error('limiter: interpolator outside its interval');
    const rest = Float64Array.from(kernel);
    rest[DETECT_DELAY - 1]! -= 1 - moment;
    rest[DETECT_DELAY]! -= moment;
    // double running sums of the remainder are the second-difference weights (both sums end at 0)
    let first = 0;
    let second = 0;
    let total = 0;
    for (let tap = 0; tap < TAPS; tap++) {
      first += rest[tap]!;
      second += first;
      total += Math.abs(second);
    }
    weight = Math.max(weight, total);
  }
  return weight * (1 + 1e-9) + 1e-12;
}

/**
 * Create a true-peak-safe lookahead limiter. The stereo-linked gain is piecewise linear with a breakpoint
 * every 16 frames: each segment's needed gain (ceiling / its peak), a sliding minimum over the lookahead,
 * release smoothing and a box-filter attack of the lookahead's length, so the gain has reached its target
 * before the peak leaves the delay line. Where nothing needs limiting the gain is exactly 1 and the output is
 * the delayed input, bit for bit.
 *
 * Detection is cheap where the signal is smooth: the peak of a segment (samples and inter-sample points) is
 * at most its largest sample plus a fixed multiple of its curvature (max |Δ²x|). When that bound is below the
 * ceiling nothing is limited; when its curvature term is within 1 % of the sample peak it sets the gain (at
 * most 0.09 dB more reduction than the 8× oversampled estimate, never less); otherwise the 8× estimate is
 * computed.
 *
 * @example
 * const limiter = createLimiter({ sampleRate: 48000, ceiling: 0.8, lookahead: 0.003, release: 0.15 });
 * limiter.process(inL, inR, outL, outR, 128); // outL/outR lag by limiter.latencyFrames
 */
export function createLimiter(options: LimiterOptions): Limiter {
  return new SegmentLimiter(options);
}

/**
 * Frame indices count frames received so far, modulo `period` (a power of two that every ring's period divides:
 * the delay ring, 16 × the statistics and 16 × the gains), so the kernels' int32 arithmetic never overflows however
 * long the limiter runs, and each masked slot is that of the absolute index. Segment s holds the intervals
 * 16s … 16s+15 and is detected once segment s+1 is measured (x[16s+32] has arrived); its needed gain gₛ bounds
 * boundary gains s and s+1.
 * Boundary b's gain Gᵦ = mean of the released values Rᵦ₋ₘ₊₁ … Rᵦ, Rᵦ = min(min(cᵦ … cᵦ₊ₘ₋₁), release
 * recovery), cᵦ = min(gᵦ₋₁, gᵦ): every R averaged into Gᵦ is ≤ cᵦ, so the linear ramp over segment b stays ≤ gᵦ.
 */
class SegmentLimiter implements Limiter {
  readonly latencyFrames: number;
  private readonly ceiling: number;
  /** Lookahead in segments (m). */
  private readonly segments: number;
  private readonly curvature: number;
  /** The largest Σ|k| of the interpolators: no estimate exceeds gainBound × the largest |x| it reads. */
  private readonly gainBound: number;
  private readonly releaseStep: number;
  /** Masks of the delay ring (frame f at f & mask), the boundary gains and the segment statistics. */
  private readonly mask: number;
  private readonly gainMask: number;
  private readonly statMask: number;
  /** Frame counters are reduced by this many frames (segments by period / 16) once they reach it. */
  private readonly period: number;
  private readonly wasm: KernelExports;
  /** The delay ring, both channels. */
  private readonly left: Float32Array;
  private readonly right: Float32Array;
  /** A chunk of input and of output, where the kernels read and write it. */
  private readonly stageLeft: Float32Array;
  private readonly stageRight: Float32Array;
  private readonly outLeft: Float32Array;
  private readonly outRight: Float32Array;
  /** decide's state (its first value is the next segment to decide). */
  private readonly state: Float64Array;
  /**
   * Byte addresses in the kernels' memory: the chunks above and the ring; boundary gains G (f64, ones before the
   * start); per segment max |x| over its 16 frames and max |Δ²x| centred on them (f64, both channels); the
   * measuring carry (x[f−2], x[f−1] of both channels, the open segment's peak and curvature); the 7 interpolators
   * (16 f64 each); the last m constraints c and released values (f64, ones before the start); decide's state.
   */
  private readonly at: {
    stageLeft: number;
    stageRight: number;
    outLeft: number;
    outRight: number;
    left: number;
    right: number;
    gains: number;
    peaks: number;
    bends: number;
    carry: number;
    interpolators: number;
    constraints: number;
    box: number;
    state: number;
  };
  private received = 0;
  private measuredSegment = 0;

  constructor(options: LimiterOptions) {
    const { sampleRate } = options;
    this.ceiling = options.ceiling;
    const length = Math.max(2, Math.round(options.lookahead * sampleRate));
    const segments = Math.max(1, Math.ceil(length / SEGMENT));
    this.segments = segments;
    // output frame o ramps from G(o>>4) to G(o>>4 + 1), known once segment (o>>4) + m + 1 is detected
    this.latencyFrames = (segments + 2) * SEGMENT;
    const kernels = interpolators();
    this.curvature = curvatureWeight(kernels);
    this.gainBound = Math.max(1, ...kernels.map((kernel) => kernel.reduce((sum, value) => sum + Math.abs(value), 0))) * (1 + 1e-9);
    this.releaseStep = 1 - Math.exp(-SEGMENT / (options.release * sampleRate));
    let size = 1;
    while (size < this.latencyFrames + CHUNK + 4 * SEGMENT) size <<= 1;
    this.mask = size - 1;
    let gainSize = 1;
    while (gainSize < CHUNK / SEGMENT + segments + 8) gainSize <<= 1;
    this.gainMask = gainSize - 1;
    let statSize = 1;
    while (statSize < CHUNK / SEGMENT + 8) statSize <<= 1;
    this.statMask = statSize - 1;
    this.period = Math.max(size, SEGMENT * gainSize, SEGMENT * statSize);
    const f64s = gainSize + 2 * statSize + 6 + kernels.length * TAPS + 2 * segments + 7;
    const arena = new DspArena(DspArena.bytesFor(4, CHUNK) + DspArena.bytesFor(2, size) + 8 * f64s + 7 * 16);
    this.wasm = arena.kernels;
    this.stageLeft = arena.f32(CHUNK);
    this.stageRight = arena.f32(CHUNK);
    this.outLeft = arena.f32(CHUNK);
    this.outRight = arena.f32(CHUNK);
    this.left = arena.f32(size);
    this.right = arena.f32(size);
    const interpolatorTable = arena.f64(kernels.length * TAPS);
    kernels.forEach((kernel, index) => interpolatorTable.set(kernel, index * TAPS));
    // decide's state: next segment, previous need, constraint slot, released, box sum, box slot, ones run
    const state = arena.f64(7);
    state.set([0, 1, 0, 1, segments, 0, segments]);
    this.state = state;
    this.at = {
      stageLeft: arena.address(this.stageLeft),
      stageRight: arena.address(this.stageRight),
      outLeft: arena.address(this.outLeft),
      outRight: arena.address(this.outRight),
      left: arena.address(this.left),
      right: arena.address(this.right),
      gains: arena.address(arena.f64(gainSize).fill(1)),
      peaks: arena.address(arena.f64(statSize)),
      bends: arena.address(arena.f64(statSize)),
      carry: arena.address(arena.f64(6)),
      interpolators: arena.address(interpolatorTable),
      constraints: arena.address(arena.f64(segments).fill(1)),
      box: arena.address(arena.f64(segments).fill(1)),
      state: arena.address(state),
    };
  }

  // Per chunk: the input into the kernels' memory and the delay ring, then its statistics, its segments' gains
  // and its output (WebAssembly). Frame counters reach the kernels as int32: below period + CHUNK (period ≥ 2 CHUNK).
  process(inLeft: Float32Array, inRight: Float32Array, outLeft: Float32Array, outRight: Float32Array, frames: number): void {
    const { left, right, mask, wasm, at, ceiling, period } = this;
    for (let offset = 0; offset < frames; ) {
      if (this.received >= period) {
        // the same slots, the same segment phase and the same distance from the next segment to decide
        this.received -= period;
        this.measuredSegment -= period >> SEGMENT_SHIFT;
        this.state[0]! -= period >> SEGMENT_SHIFT;
      }
      const chunk = Math.min(CHUNK, frames - offset);
      const pieceLeft = inLeft.subarray(offset, offset + chunk);
      const pieceRight = inRight.subarray(offset, offset + chunk);
      this.stageLeft.set(pieceLeft);
      this.stageRight.set(pieceRight);
      for (let done = 0; done < chunk; ) {
        const write = (this.received + done) & mask;
        const count = Math.min(chunk - done, mask + 1 - write);
        left.set(pieceLeft.subarray(done, done + count), write);
        right.set(pieceRight.subarray(done, done + count), write);
        done += count;
      }
      this.measuredSegment = wasm.measure(at.stageLeft, at.stageRight, chunk, this.received, at.carry, at.peaks, at.bends, this.statMask, this.gainBound, ceiling, this.measuredSegment);
      this.received += chunk;
      wasm.decide(
        at.state,
        this.measuredSegment,
        at.peaks,
        at.bends,
        this.statMask,
        at.constraints,
        at.box,
        this.segments,
        at.gains,
        this.gainMask,
        this.gainBound,
        this.curvature,
        this.releaseStep,
        ceiling,
        at.left,
        at.right,
        mask,
        at.interpolators,
      );
      wasm.emit(at.outLeft, at.outRight, chunk, this.received - chunk - this.latencyFrames, at.gains, this.gainMask, at.left, at.right, mask, ceiling);
      outLeft.set(this.outLeft.subarray(0, chunk), offset);
      outRight.set(this.outRight.subarray(0, chunk), offset);
      offset += chunk;
    }
  }
}
