/**
 * What a layer is sounding at a moment.
 *
 * @example
 * ```ts
 * const active: ActiveFrequency[] = engine.activeFrequencies();
 * // a 200 Hz binaural beat of 10 Hz: [{ layer: 0, kind: 'binaural', frequency: 200, ear: 'left', amplitude: 1 }, { layer: 0, kind: 'binaural', frequency: 210, ear: 'right', amplitude: 1 }]
 * const heard = active.map((f) => `${f.frequency} Hz (${f.ear})`);
 * ```
 */
export interface ActiveFrequency {
  /** Index of the layer in the program. */
  layer: number;
  kind: string;
  /** Frequency in Hz. */
  frequency: number;
  /** Which ear hears it. */
  ear: 'left' | 'right' | 'both';
  /** Linear amplitude before layer gain, fades and the limiter. */
  amplitude: number;
}

/**
 * A layer's sound source. `render` adds gain × its signal for layer frames [from, from+frames) into
 * `left[offset …]` (and `right[offset …]` for a stereo voice; a mono voice writes `left` only, at `gainLeft`).
 * A `linear` voice adds into whatever the buffers hold, so it can render straight into a mix bus; the others
 * are given zeroed buffers.
 */
export interface Voice {
  readonly stereo: boolean;
  readonly linear: boolean;
  render(left: Float32Array, right: Float32Array, offset: number, frames: number, fromFrame: number, gainLeft: number, gainRight: number): void;
  activeFrequencies(layerTime: number): Omit<ActiveFrequency, 'layer' | 'kind'>[];
}
