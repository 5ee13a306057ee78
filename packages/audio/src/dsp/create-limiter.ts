/** Options of the lookahead limiter. */
export interface LimiterOptions {
  sampleRate: number;
  /** Linear ceiling (0..1) for sample peaks and 8× oversampled inter-sample peaks. */
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

const TAPS = 16;
const DETECT_DELAY = TAPS / 2;
const FAST_CHUNK = 1024;
const GATE = 16;
const FRACTIONS = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];

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
  while (size < latency + TAPS + 2 + FAST_CHUNK) size <<= 1;
  const mask = size - 1;
  const left = new Float32Array(size);
  const right = new Float32Array(size);
  const magnitude = new Float32Array(size);
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
        const source = (position - (DETECT_DELAY - 1) + tap) & mask;
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
      let high = 0;
      let low = 0;
      for (let index = 0; index < frames; index++) {
        const l = inLeft[index]!;
        const r = inRight[index]!;
        if (l > high) high = l;
        if (l < low) low = l;
        if (r > high) high = r;
        if (r < low) low = r;
      }
      const blockPeak = high > -low ? high : -low;
      const quiet =
        frames >= TAPS && previousFrames >= TAPS && Math.max(blockPeak, previousBlockPeak) * gainBound <= ceiling;
      previousBlockPeak = blockPeak;
      previousFrames = frames;
      if (quiet && restFrames > latency + TAPS) {
        // copy-only: write each chunk into the delay ring, read it back `latency` frames later
        for (let chunkStart = 0; chunkStart < frames; chunkStart += FAST_CHUNK) {
          const chunk = Math.min(FAST_CHUNK, frames - chunkStart);
          for (let done = 0; done < chunk; ) {
            const count = Math.min(chunk - done, size - write);
            left.set(inLeft.subarray(chunkStart + done, chunkStart + done + count), write);
            right.set(inRight.subarray(chunkStart + done, chunkStart + done + count), write);
            magnitude.fill(blockPeak, write, write + count); // an upper bound is enough for the gate
            done += count;
            write = (write + count) & mask;
          }
          let read = (write - chunk - latency) & mask;
          for (let done = 0; done < chunk; ) {
            const count = Math.min(chunk - done, size - read);
            outLeft.set(left.subarray(read, read + count), chunkStart + done);
            outRight.set(right.subarray(read, read + count), chunkStart + done);
            done += count;
            read = (read + count) & mask;
          }
        }
        sampleIndex += frames;
        previousInterval = 1;
        return;
      }
      const quietLevel = ceiling / gainBound;
      let gate = false;
      for (let index = 0; index < frames; index++) {
        const l0 = inLeft[index]!;
        const r0 = inRight[index]!;
        left[write] = l0;
        right[write] = r0;
        magnitude[write] = l0 > 0 ? (r0 > 0 ? Math.max(l0, r0) : Math.max(l0, -r0)) : r0 > 0 ? Math.max(-l0, r0) : Math.max(-l0, -r0);
        if ((index & (GATE - 1)) === 0) {
          // the next GATE positions (write − DETECT_DELAY …) read samples write − 15 … write + GATE − 1:
          // when all of them are below ceiling / gainBound, no estimate can exceed the ceiling
          gate = index + GATE <= frames;
          for (let back = 0; gate && back < TAPS; back++) if (magnitude[(write - back) & mask]! > quietLevel) gate = false;
          for (let ahead = index + 1; gate && ahead < index + GATE; ahead++) {
            if (Math.abs(inLeft[ahead]!) > quietLevel || Math.abs(inRight[ahead]!) > quietLevel) gate = false;
          }
        }
        // gain needed by the sample DETECT_DELAY back, covering both neighbouring intervals
        const interval = gate ? 1 : intervalGain(write - DETECT_DELAY);
        const needed = Math.min(interval, previousInterval);
        previousInterval = interval;
        if (needed === 1 && released === 1 && restFrames > latency + TAPS) {
          // at rest: the gain is exactly 1 and every stage holds ones, so the output is the delayed input
          const read = (write - latency) & mask;
          outLeft[index] = left[read]!;
          outRight[index] = right[read]!;
          write = (write + 1) & mask;
          sampleIndex++;
          continue;
        }
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
        else if (restFrames === latency + TAPS + 1) {
          // entering rest: every stage holds ones; make that exact
          box.fill(1);
          boxSum = length;
          head = 0;
          count = 0;
        }
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
