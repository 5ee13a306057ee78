/** Options of the lookahead limiter. */
export interface LimiterOptions {
  sampleRate: number;
  /** Linear ceiling (0..1) for sample peaks and 4× oversampled inter-sample peaks. */
  ceiling: number;
  /** Lookahead (s): the attack ramp length. */
  lookahead: number;
  /** Release time constant (s). */
  release: number;
}

/** A stereo-linked true-peak lookahead limiter; output is delayed by `latency` frames. */
export interface Limiter {
  readonly latency: number;
  process(inLeft: Float32Array, inRight: Float32Array, outLeft: Float32Array, outRight: Float32Array, frames: number): void;
}

const TAPS = 8;
const DETECT_DELAY = 4;

/** 8-tap windowed-sinc interpolators for positions a+¼, a+½, a+¾ from x[a−3 … a+4], unity DC gain. */
function interpolators(): Float64Array[] {
  return [0.25, 0.5, 0.75].map((fraction) => {
    const kernel = new Float64Array(TAPS);
    let sum = 0;
    for (let tap = 0; tap < TAPS; tap++) {
      const x = tap - 3 - fraction;
      const sinc = Math.sin(Math.PI * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / 4.5);
      kernel[tap] = sinc * window;
      sum += kernel[tap]!;
    }
    for (let tap = 0; tap < TAPS; tap++) kernel[tap]! /= sum;
    return kernel;
  });
}

/**
 * Create a true-peak-safe lookahead limiter (sliding-minimum gain, release smoothing, box-filter attack
 * of `lookahead` length, so the gain has reached its target before the peak leaves the delay line).
 * Blocks that cannot reach the ceiling while the limiter is at rest take a copy-only fast path.
 *
 * @example
 * const limiter = createLimiter({ sampleRate: 48000, ceiling: 0.8, lookahead: 0.003, release: 0.15 });
 * limiter.process(inL, inR, outL, outR, 128); // outL/outR lag by limiter.latency frames
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const { sampleRate, ceiling } = options;
  const length = Math.max(2, Math.round(options.lookahead * sampleRate));
  const latency = length - 1 + DETECT_DELAY;
  const kernels = interpolators();
  const gainBound = Math.max(1, ...kernels.map((kernel) => kernel.reduce((sum, value) => sum + Math.abs(value), 0)));
  const releaseStep = 1 - Math.exp(-1 / (options.release * sampleRate));
  let size = 1;
  while (size < latency + TAPS + 2) size <<= 1;
  const mask = size - 1;
  const left = new Float32Array(size);
  const right = new Float32Array(size);
  let write = 0;
  // sliding minimum over `length` gains (monotone deque on rings)
  const dequeValue = new Float64Array(length + 1);
  const dequeIndex = new Float64Array(length + 1);
  let head = 0;
  let count = 0;
  let released = 1;
  const box = new Float64Array(length).fill(1);
  let boxSum = length;
  let boxPosition = 0;
  let previousInterval = 1;
  let sampleIndex = 0;
  let restFrames = Infinity;
  let previousBlockPeak = 0;
  let previousFrames = 0;

  const intervalGain = (position: number): number => {
    // peak over [position, position+1): the sample and three interpolated points, both channels
    let peak = Math.max(Math.abs(left[position & mask]!), Math.abs(right[position & mask]!));
    for (const kernel of kernels) {
      let l = 0;
      let r = 0;
      for (let tap = 0; tap < TAPS; tap++) {
        const source = (position - 3 + tap) & mask;
        l += kernel[tap]! * left[source]!;
        r += kernel[tap]! * right[source]!;
      }
      peak = Math.max(peak, Math.abs(l), Math.abs(r));
    }
    return peak > ceiling ? ceiling / peak : 1;
  };

  return {
    latency,
    process(inLeft, inRight, outLeft, outRight, frames) {
      let blockPeak = 0;
      for (let index = 0; index < frames; index++) {
        blockPeak = Math.max(blockPeak, Math.abs(inLeft[index]!), Math.abs(inRight[index]!));
      }
      const quiet =
        frames >= TAPS && previousFrames >= TAPS && Math.max(blockPeak, previousBlockPeak) * gainBound <= ceiling;
      previousBlockPeak = blockPeak;
      previousFrames = frames;
      if (quiet && restFrames > latency + TAPS) {
        for (let index = 0; index < frames; index++) {
          left[write] = inLeft[index]!;
          right[write] = inRight[index]!;
          const read = (write - latency) & mask;
          outLeft[index] = left[read]!;
          outRight[index] = right[read]!;
          write = (write + 1) & mask;
        }
        sampleIndex += frames;
        previousInterval = 1;
        return;
      }
      for (let index = 0; index < frames; index++) {
        left[write] = inLeft[index]!;
        right[write] = inRight[index]!;
        // gain needed by the sample DETECT_DELAY back, covering both neighbouring intervals
        const interval = intervalGain(write - DETECT_DELAY);
        const needed = Math.min(interval, previousInterval);
        previousInterval = interval;
        restFrames = needed < 1 ? 0 : restFrames + 1;
        while (count > 0 && dequeValue[(head + count - 1) % (length + 1)]! >= needed) count--;
        dequeValue[(head + count) % (length + 1)] = needed;
        dequeIndex[(head + count) % (length + 1)] = sampleIndex;
        count++;
        while (dequeIndex[head]! <= sampleIndex - length) {
          head = (head + 1) % (length + 1);
          count--;
        }
        const minimum = dequeValue[head]!;
        released = Math.min(minimum, released + (1 - released) * releaseStep);
        if (released > 1 - 1e-7) released = 1;
        if (released < 1) restFrames = 0;
        boxSum += released - box[boxPosition]!;
        box[boxPosition] = released;
        boxPosition = boxPosition + 1 === length ? 0 : boxPosition + 1;
        const gain = Math.min(1, boxSum / length);
        const read = (write - latency) & mask;
        let l = left[read]! * gain;
        let r = right[read]! * gain;
        // final guard (never expected to engage)
        if (l > ceiling) l = ceiling;
        else if (l < -ceiling) l = -ceiling;
        if (r > ceiling) r = ceiling;
        else if (r < -ceiling) r = -ceiling;
        outLeft[index] = l;
        outRight[index] = r;
        write = (write + 1) & mask;
        sampleIndex++;
      }
      if (restFrames > latency + TAPS && released === 1) {
        box.fill(1);
        boxSum = length;
        head = 0;
        count = 0;
      }
    },
  };
}
