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
/** The peak bound stands in for the 8× estimate when its curvature term is within this fraction of the sample peak. */
const BOUND_TOLERANCE = 0.01;

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

/** 8× estimate of the peak over [position, position+1): the sample and seven interpolated points, both channels. */
function intervalPeak(left: Float32Array, right: Float32Array, mask: number, kernels: Float64Array, scratch: Float64Array, position: number): number {
  for (let tap = 0; tap < TAPS; tap++) {
    const source = (position - (DETECT_DELAY - 1) + tap) & mask;
    scratch[tap] = left[source]!;
    scratch[TAPS + tap] = right[source]!;
  }
  let peak = Math.max(Math.abs(scratch[DETECT_DELAY - 1]!), Math.abs(scratch[TAPS + DETECT_DELAY - 1]!));
  for (let offset = 0; offset < kernels.length; offset += TAPS) {
    let l = 0;
    let r = 0;
    for (let tap = 0; tap < TAPS; tap++) {
      const weight = kernels[offset + tap]!;
      l += weight * scratch[tap]!;
      r += weight * scratch[TAPS + tap]!;
    }
    if (l < 0) l = -l;
    if (r < 0) r = -r;
    if (l > peak) peak = l;
    if (r > peak) peak = r;
  }
  return peak;
}

/**
 * Frame indices are absolute (frames received so far). Segment s holds the intervals 16s … 16s+15 and is
 * detected once segment s+1 is measured (x[16s+32] has arrived); its needed gain gₛ bounds boundary gains s
 * and s+1.
 * Boundary b's gain Gᵦ = mean of the released values Rᵦ₋ₘ₊₁ … Rᵦ, Rᵦ = min(min(cᵦ … cᵦ₊ₘ₋₁), release
 * recovery), cᵦ = min(gᵦ₋₁, gᵦ): every R averaged into Gᵦ is ≤ cᵦ, so the linear ramp over segment b stays ≤ gᵦ.
 */
class SegmentLimiter implements Limiter {
  readonly latencyFrames: number;
  private readonly ceiling: number;
  /** Lookahead in segments (m). */
  private readonly segments: number;
  private readonly kernels: Float64Array;
  private readonly scratch = new Float64Array(2 * TAPS);
  private readonly curvature: number;
  /** The largest Σ|k| of the interpolators: no estimate exceeds gainBound × the largest |x| it reads. */
  private readonly gainBound: number;
  private readonly releaseStep: number;
  private readonly mask: number;
  private readonly left: Float32Array;
  private readonly right: Float32Array;
  /** The last m boundary constraints c (ones before the start). */
  private readonly constraints: Float64Array;
  private readonly box: Float64Array;
  /** Boundary gains G by boundary index (ones before the start). */
  private readonly gains: Float64Array;
  private readonly gainMask: number;
  /** Per segment: max |x| over its 16 frames and max |Δ²x| centred on them (both channels). */
  private readonly segmentPeak: Float64Array;
  private readonly segmentBend: Float64Array;
  private readonly statMask: number;
  private received = 0;
  private measuredSegment = 0;
  /** x[f−2], x[f−1] of both channels and the open segment's peak and curvature, between calls. */
  private readonly carry = new Float64Array(6);
  private nextSegment = 0;
  private previousNeed = 1;
  private constraintSlot = 0;
  private released = 1;
  private boxSum: number;
  private boxSlot = 0;
  /** Consecutive released values equal to 1 (≥ m: the gain is exactly 1). */
  private onesRun: number;

  constructor(options: LimiterOptions) {
    const { sampleRate } = options;
    this.ceiling = options.ceiling;
    const length = Math.max(2, Math.round(options.lookahead * sampleRate));
    this.segments = Math.max(1, Math.ceil(length / SEGMENT));
    // output frame o ramps from G(o>>4) to G(o>>4 + 1), known once segment (o>>4) + m + 1 is detected
    this.latencyFrames = (this.segments + 2) * SEGMENT;
    const kernels = interpolators();
    this.kernels = new Float64Array(kernels.length * TAPS);
    kernels.forEach((kernel, index) => this.kernels.set(kernel, index * TAPS));
    this.curvature = curvatureWeight(kernels);
    this.gainBound = Math.max(1, ...kernels.map((kernel) => kernel.reduce((sum, value) => sum + Math.abs(value), 0))) * (1 + 1e-9);
    this.releaseStep = 1 - Math.exp(-SEGMENT / (options.release * sampleRate));
    let size = 1;
    while (size < this.latencyFrames + CHUNK + 4 * SEGMENT) size <<= 1;
    this.mask = size - 1;
    this.left = new Float32Array(size);
    this.right = new Float32Array(size);
    this.constraints = new Float64Array(this.segments).fill(1);
    this.box = new Float64Array(this.segments).fill(1);
    this.boxSum = this.segments;
    this.onesRun = this.segments;
    let gainSize = 1;
    while (gainSize < CHUNK / SEGMENT + this.segments + 8) gainSize <<= 1;
    this.gains = new Float64Array(gainSize).fill(1);
    this.gainMask = gainSize - 1;
    let statSize = 1;
    while (statSize < CHUNK / SEGMENT + 8) statSize <<= 1;
    this.segmentPeak = new Float64Array(statSize);
    this.segmentBend = new Float64Array(statSize);
    this.statMask = statSize - 1;
  }

  // Few, flat methods (a chunk's statistics, its segments' gains, its output), each with its loops inside:
  // the JIT compiles each once, early, without inlining one into another.
  process(inLeft: Float32Array, inRight: Float32Array, outLeft: Float32Array, outRight: Float32Array, frames: number): void {
    const { left, right, mask } = this;
    for (let offset = 0; offset < frames; ) {
      const chunk = Math.min(CHUNK, frames - offset);
      for (let done = 0; done < chunk; ) {
        const write = (this.received + done) & mask;
        const count = Math.min(chunk - done, mask + 1 - write);
        left.set(inLeft.subarray(offset + done, offset + done + count), write);
        right.set(inRight.subarray(offset + done, offset + done + count), write);
        done += count;
      }
      this.measure(inLeft, inRight, offset, chunk);
      this.received += chunk;
      this.decide();
      this.emit(outLeft, outRight, offset, chunk, this.received - chunk - this.latencyFrames);
      offset += chunk;
    }
  }

  /**
   * Peak and curvature statistics of the incoming frames, read from the input (contiguous): frame f adds |x[f]|
   * and |Δ²x[f−1]| to segment f>>4; a segment's statistics are stored when its last frame has arrived.
   */
  private measure(inLeft: Float32Array, inRight: Float32Array, offset: number, frames: number): void {
    const { carry, segmentPeak, segmentBend, statMask } = this;
    const end = offset + frames;
    let high = 0;
    let low = 0;
    for (let index = offset; index < end; index++) {
      const l = inLeft[index]!;
      const r = inRight[index]!;
      if (l > high) high = l;
      if (l < low) low = l;
      if (r > high) high = r;
      if (r < low) low = r;
    }
    const chunkPeak = high > -low ? high : -low;
    if (chunkPeak * this.gainBound <= this.ceiling) {
      // a quiet chunk (no estimate it feeds can reach the ceiling): upper bounds only, its peak for every
      // segment and 4 × its peak (with the two frames before it) as curvature
      const before = Math.max(Math.abs(carry[0]!), Math.abs(carry[1]!), Math.abs(carry[2]!), Math.abs(carry[3]!));
      const bendBound = 4 * Math.max(chunkPeak, before);
      for (let done = 0; done < frames; ) {
        const step = Math.min(frames - done, SEGMENT - ((this.received + done) & (SEGMENT - 1)));
        carry[4] = Math.max(carry[4]!, chunkPeak);
        carry[5] = Math.max(carry[5]!, bendBound);
        done += step;
        if (((this.received + done) & (SEGMENT - 1)) === 0) {
          const segment = ((this.received + done) >> SEGMENT_SHIFT) - 1;
          segmentPeak[segment & statMask] = carry[4]!;
          segmentBend[segment & statMask] = carry[5]!;
          this.measuredSegment = segment + 1;
          carry[4] = 0;
          carry[5] = 0;
        }
      }
      carry[0] = frames >= 2 ? inLeft[end - 2]! : carry[1]!;
      carry[1] = inLeft[end - 1]!;
      carry[2] = frames >= 2 ? inRight[end - 2]! : carry[3]!;
      carry[3] = inRight[end - 1]!;
      return;
    }
    let l0 = carry[0]!;
    let l1 = carry[1]!;
    let r0 = carry[2]!;
    let r1 = carry[3]!;
    let peak = carry[4]!;
    let bend = carry[5]!;
    let frame = this.received;
    for (let index = offset; index < end; ) {
      const stop = Math.min(end, index + SEGMENT - (frame & (SEGMENT - 1)));
      frame += stop - index;
      // running extremes (not |·|): new extremes are rare within a segment, so the branches predict well
      high = peak;
      low = -peak;
      let bendHigh = bend;
      let bendLow = -bend;
      for (; index < stop; index++) {
        const l2 = inLeft[index]!;
        const r2 = inRight[index]!;
        if (l2 > high) high = l2;
        if (l2 < low) low = l2;
        if (r2 > high) high = r2;
        if (r2 < low) low = r2;
        const bl = l0 - 2 * l1 + l2;
        const br = r0 - 2 * r1 + r2;
        if (bl > bendHigh) bendHigh = bl;
        if (bl < bendLow) bendLow = bl;
        if (br > bendHigh) bendHigh = br;
        if (br < bendLow) bendLow = br;
        l0 = l1;
        r0 = r1;
        l1 = l2;
        r1 = r2;
      }
      peak = high > -low ? high : -low;
      bend = bendHigh > -bendLow ? bendHigh : -bendLow;
      if ((frame & (SEGMENT - 1)) === 0) {
        // the segment is complete: store it, start the next
        const segment = (frame >> SEGMENT_SHIFT) - 1;
        segmentPeak[segment & statMask] = peak;
        segmentBend[segment & statMask] = bend;
        this.measuredSegment = segment + 1;
        peak = 0;
        bend = 0;
      }
    }
    carry[0] = l0;
    carry[1] = l1;
    carry[2] = r0;
    carry[3] = r1;
    carry[4] = peak;
    carry[5] = bend;
  }

  /**
   * Gains of every segment whose neighbours are measured. A segment's needed gain (its samples and
   * inter-sample peaks ≤ ceiling) is bounded from the statistics of segments s−1 … s+1, a superset of what the
   * interpolators of its intervals read (x[16s−7 … 16s+23]); the needed gains then go through the sliding
   * minimum, the release and the box filter (see the class comment), giving the gain of boundary s − m + 1.
   */
  private decide(): void {
    const { ceiling, segmentPeak, segmentBend, statMask, segments, constraints, box, gains, gainMask, gainBound, curvature, releaseStep } = this;
    for (let segment = this.nextSegment; segment + 2 <= this.measuredSegment; segment++) {
      const peak = Math.max(segmentPeak[segment & statMask]!, segmentPeak[(segment + 1) & statMask]!);
      let need = 1;
      // every 8× estimate is at most gainBound × the largest |x| it reads (x[16s−7 … 16s+23])
      if (Math.max(peak, segmentPeak[(segment - 1) & statMask]!) * gainBound > ceiling) {
        const bend = Math.max(segmentBend[(segment - 1) & statMask]!, segmentBend[segment & statMask]!, segmentBend[(segment + 1) & statMask]!);
        const slack = curvature * bend;
        if (peak + slack > ceiling) need = slack <= BOUND_TOLERANCE * peak ? ceiling / (peak + slack) : this.estimatedGain(segment);
      }
      const constraint = need < this.previousNeed ? need : this.previousNeed;
      this.previousNeed = need;
      constraints[this.constraintSlot] = constraint;
      this.constraintSlot = this.constraintSlot + 1 === segments ? 0 : this.constraintSlot + 1;
      let ahead = 1;
      for (let index = 0; index < segments; index++) if (constraints[index]! < ahead) ahead = constraints[index]!;
      const recovered = this.released + (1 - this.released) * releaseStep;
      let released = ahead < recovered ? ahead : recovered;
      if (released > 1 - 1e-7) released = 1;
      this.released = released;
      this.boxSum += released - box[this.boxSlot]!;
      box[this.boxSlot] = released;
      this.boxSlot = this.boxSlot + 1 === segments ? 0 : this.boxSlot + 1;
      this.onesRun = released === 1 ? this.onesRun + 1 : 0;
      let gain: number;
      if (this.onesRun >= segments) {
        // at rest: every averaged value is 1; make the running sum exact again
        this.boxSum = segments;
        gain = 1;
      } else gain = Math.min(1, this.boxSum / segments);
      gains[(segment - segments + 1) & gainMask] = gain;
      this.nextSegment = segment + 1;
    }
  }

  /** Needed gain of segment s from the 8× estimates of its intervals. */
  private estimatedGain(segment: number): number {
    const { left, right, mask, ceiling } = this;
    let exact = 0;
    const start = segment * SEGMENT;
    for (let frame = start; frame < start + SEGMENT; frame++) {
      exact = Math.max(exact, intervalPeak(left, right, mask, this.kernels, this.scratch, frame));
    }
    return exact > ceiling ? ceiling / exact : 1;
  }

  /**
   * Write `frames` delayed frames (from absolute frame `first`) times the gain into out[offset …]: within each
   * segment the gain ramps linearly between its boundary gains; runs of unity segments are copied from the ring.
   */
  private emit(outLeft: Float32Array, outRight: Float32Array, offset: number, frames: number, first: number): void {
    const { gains, gainMask, left, right, mask, ceiling } = this;
    const end = offset + frames;
    let frame = first;
    for (let index = offset; index < end; ) {
      const boundary = frame >> SEGMENT_SHIFT;
      let run = Math.min(SEGMENT - (frame - boundary * SEGMENT), end - index);
      const from = gains[boundary & gainMask]!;
      const to = gains[(boundary + 1) & gainMask]!;
      if (Math.min(from, to) === 1) {
        // unity (gains are ≤ 1): whole runs of unity segments straight from the delay ring
        while (index + run < end && gains[(((frame + run) >> SEGMENT_SHIFT) + 1) & gainMask] === 1) run = Math.min(run + SEGMENT, end - index);
        for (let done = 0; done < run; ) {
          const source = (frame + done) & mask;
          const count = Math.min(run - done, mask + 1 - source);
          outLeft.set(left.subarray(source, source + count), index + done);
          outRight.set(right.subarray(source, source + count), index + done);
          done += count;
        }
        index += run;
        frame += run;
        continue;
      }
      const slope = (to - from) / SEGMENT;
      let gain = from + slope * (frame & (SEGMENT - 1));
      for (let step = 0; step < run; step++) {
        const source = (frame + step) & mask;
        let l = left[source]! * gain;
        let r = right[source]! * gain;
        // final guard (never expected to engage)
        if (l > ceiling) l = ceiling;
        else if (l < -ceiling) l = -ceiling;
        if (r > ceiling) r = ceiling;
        else if (r < -ceiling) r = -ceiling;
        outLeft[index + step] = l;
        outRight[index + step] = r;
        gain += slope;
      }
      index += run;
      frame += run;
    }
  }
}
