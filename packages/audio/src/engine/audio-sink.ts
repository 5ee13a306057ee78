/** What a sink pulls audio from. */
export interface SinkSource {
  readonly sampleRate: number;
  readonly channels: 2;
  /** Render the next `frames` frames of what the engine plays (silence when idle or paused). */
  pull(frames: number): [Float32Array, Float32Array];
}

/**
 * Where a live engine's audio goes. A sink owns the pacing: it pulls frames when its output needs them
 * (a clock for `nullSink`/`pcmStreamSink`/`wavFileSink`, the device for `speakerSink`).
 */
export interface AudioSink {
  readonly name: string;
  open(source: SinkSource): Promise<void> | void;
  close(): Promise<void> | void;
}
