/** What a layer is sounding at a moment. */
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

/** A layer's sound source. `render` adds into zeroed scratch buffers for layer frames [from, from+frames). */
export interface Voice {
  readonly stereo: boolean;
  render(left: Float32Array, right: Float32Array, frames: number, fromFrame: number): void;
  activeFrequencies(layerTime: number): Omit<ActiveFrequency, 'layer' | 'kind'>[];
}
