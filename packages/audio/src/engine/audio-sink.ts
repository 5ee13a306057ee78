/**
 * What a sink pulls audio from.
 *
 * @example
 * ```ts
 * const recorded: Float32Array[][] = [];
 * const sink: AudioSink = {
 *   name: 'capture',
 *   open(source: SinkSource) {
 *     const [left, right] = source.pull(source.sampleRate); // one second of what the engine plays (silence while idle)
 *     recorded.push([left.slice(), right.slice()]);
 *   },
 *   close() {},
 * };
 * ```
 */
export interface SinkSource {
  readonly sampleRate: number;
  readonly channels: 2;
  /** Render the next `frames` frames of what the engine plays (silence when idle or paused). */
  pull(frames: number): [Float32Array, Float32Array];
}

/**
 * Where a live engine's audio goes. A sink owns the pacing: it pulls frames when its output needs them
 * (a clock for `nullSink`/`pcmStreamSink`/`wavFileSink`, the device for `speakerSink`).
 *
 * @example
 * ```ts
 * // a sink that pulls 20 ms of audio every 20 ms and hands the left channel to a meter
 * const meterSink = (onBlock: (left: Float32Array) => void): AudioSink => {
 *   let timer: ReturnType<typeof setInterval> | undefined;
 *   return {
 *     name: 'meter',
 *     open(source) {
 *       timer = setInterval(() => onBlock(source.pull(source.sampleRate / 50)[0]), 20);
 *     },
 *     close() {
 *       clearInterval(timer);
 *     },
 *   };
 * };
 * const engine = createAudioEngine({ sink: meterSink((left) => console.log(Math.max(...left))) });
 * ```
 */
export interface AudioSink {
  readonly name: string;
  open(source: SinkSource): Promise<void> | void;
  close(): Promise<void> | void;
}
