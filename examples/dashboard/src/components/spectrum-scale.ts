/** The plot's frequency axis: logarithmic from `minHz` to `maxHz` over `width` units. */
export interface FrequencyScale {
  minHz: number;
  maxHz: number;
  width: number;
}

/** 20 Hz – 20 kHz, the range of the `audio:spectrum` bands. */
export const SPECTRUM_SCALE: FrequencyScale = { minHz: 20, maxHz: 20_000, width: 640 };

/**
 * x position of a frequency on a logarithmic axis.
 *
 * @example
 * ```ts
 * xOfFrequency(SPECTRUM_SCALE, 632.5); // ≈ 320 (the geometric middle)
 * ```
 */
export function xOfFrequency({ minHz, maxHz, width }: FrequencyScale, frequency: number): number {
  const f = Math.min(maxHz, Math.max(minHz, frequency));
  return (Math.log(f / minHz) / Math.log(maxHz / minHz)) * width;
}

/**
 * The frequency at x (the inverse of {@link xOfFrequency}).
 *
 * @example
 * ```ts
 * frequencyOfX(SPECTRUM_SCALE, 320); // ≈ 632.5
 * ```
 */
export function frequencyOfX({ minHz, maxHz, width }: FrequencyScale, x: number): number {
  return minHz * (maxHz / minHz) ** (x / width);
}

/**
 * Edges of band `index` of `count` log-spaced bands over the scale (how the audio plugin bins its
 * `bands`: 20 Hz × 1000^(b/32)).
 *
 * @example
 * ```ts
 * bandEdges(SPECTRUM_SCALE, 0, 32); // [20, 24.6]
 * ```
 */
export function bandEdges({ minHz, maxHz }: FrequencyScale, index: number, count: number): [number, number] {
  const ratio = maxHz / minHz;
  return [minHz * ratio ** (index / count), minHz * ratio ** ((index + 1) / count)];
}
