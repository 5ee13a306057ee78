import { createLimiter, type Limiter } from '../dsp/create-limiter';
import { DspArena } from '../dsp/dsp-arena';
import { parseProgram } from '../program/parse-program';
import type { Program, ProgramInput } from '../program/program-schema';
import { checkOptions, numberIn } from '../validation/check-options';
import { LayerRenderer } from './layer-renderer';
import { renderInfoOfParsed, type RenderInfo } from './render-info';
import type { ActiveFrequency } from './voice';

/**
 * A pull-based renderer of one program: sequential, deterministic, constant memory.
 *
 * @example
 * ```ts
 * const renderer: ProgramRenderer = createProgramRenderer({ duration: 10, layers: [{ kind: 'binaural', carrier: 200, beat: 10 }] });
 * renderer.activeFrequencies(); // [{ layer: 0, kind: 'binaural', frequency: 200, ear: 'left', amplitude: 1 }, { …, frequency: 210, ear: 'right' }]
 * const left = new Float32Array(4800), right = new Float32Array(4800);
 * while (renderer.read(left, right, 4800) > 0) send(left, right); // 0.1 s per read at 48 kHz
 * renderer.position === renderer.totalFrames; // true: 480000 frames
 * ```
 */
export interface ProgramRenderer {
  readonly program: Program;
  readonly sampleRate: number;
  /** Length of the program in frames. */
  readonly totalFrames: number;
  /** Frames already delivered. */
  readonly position: number;
  /** Render up to `frames` frames into the buffers (from index 0); returns how many were written (0 at the end). */
  read(left: Float32Array, right: Float32Array, frames: number): number;
  /** What sounds at the current position (from program state, not from analysis). */
  activeFrequencies(): ActiveFrequency[];
  /** What this render leaves out (bowl modes above the limit); the same as `renderInfo(program)`. */
  readonly info: RenderInfo;
}

/**
 * Options for {@link createProgramRenderer}.
 *
 * @example
 * ```ts
 * const options: ProgramRendererOptions = { startAt: 120, maxBlock: 1024 }; // join the program two minutes in
 * const renderer = createProgramRenderer({ duration: 300, layers: [{ kind: 'tone', frequency: 440 }] }, options);
 * renderer.position; // 5760000: frames are counted from the program's start (120 s × 48 kHz)
 * ```
 */
export interface ProgramRendererOptions {
  /** Internal processing grid (oscillators re-anchor on it). Default 16384; output is bit-identical for any read sizes on the same grid. */
  maxBlock?: number;
  /** Start this many seconds into the program (bowl strikes, glides and fades are computed analytically, so seeking costs nothing). */
  startAt?: number;
}

/**
 * Create a pull renderer: mixes the layers and runs the master limiter, latency-compensated so frame n of
 * the output is program time n / sampleRate.
 *
 * @example
 * const renderer = createProgramRenderer({ duration: 1, layers: [{ kind: 'tone', frequency: 440 }] });
 * const left = new Float32Array(48000), right = new Float32Array(48000);
 * renderer.read(left, right, 48000);
 */
export function createProgramRenderer(input: ProgramInput | Program, options: ProgramRendererOptions = {}): ProgramRenderer {
  checkOptions(options, { maxBlock: numberIn(1), startAt: numberIn(0) }, 'createProgramRenderer');
  const program = parseProgram(input);
  const info = renderInfoOfParsed(program);
  const maxBlock = Math.max(64, Math.floor(options.maxBlock ?? 16_384));
  const sampleRate = program.sampleRate;
  const totalFrames = Math.round(program.duration * sampleRate);
  // the buses, the output buffers and each layer's two scratch buffers and gain envelope (f64) live in the kernels' memory
  const arena = new DspArena(DspArena.bytesFor(5 + 4 * program.layers.length, maxBlock));
  const layers = program.layers.map((layer, index) => new LayerRenderer(layer, index, program, maxBlock, arena));
  const limiter: Limiter = createLimiter({ sampleRate, ceiling: program.gain, ...program.limiter });
  const mixLeft = arena.f32(maxBlock);
  const mixRight = arena.f32(maxBlock);
  const center = arena.f32(maxBlock);
  const startFrame = Math.min(totalFrames, Math.max(0, Math.round((options.startAt ?? 0) * sampleRate)));
  let mixFrame = startFrame;
  let position = startFrame;

  const step = (outLeft: Float32Array, outRight: Float32Array, frames: number) => {
    mixLeft.fill(0, 0, frames);
    mixRight.fill(0, 0, frames);
    center.fill(0, 0, frames);
    let centred = false;
    for (const layer of layers) if (layer.mix(mixLeft, mixRight, center, mixFrame, frames)) centred = true;
    if (centred) arena.addCenter(mixLeft, mixRight, center, frames);
    limiter.process(mixLeft, mixRight, outLeft, outRight, frames);
    mixFrame += frames;
  };

  const bufferLeft = arena.f32(maxBlock);
  const bufferRight = arena.f32(maxBlock);
  // pre-roll: fill the limiter's lookahead so output frame 0 is program frame 0 (into the output buffers, discarded)
  for (let remaining = limiter.latencyFrames; remaining > 0; ) {
    const frames = Math.min(maxBlock, remaining);
    step(bufferLeft, bufferRight, frames);
    remaining -= frames;
  }

  let buffered = 0;
  let served = 0;

  return {
    program,
    sampleRate,
    totalFrames,
    info,
    get position() {
      return position;
    },
    read(left, right, frames) {
      const wanted = Math.max(0, Math.min(frames, totalFrames - position));
      for (let done = 0; done < wanted; ) {
        if (buffered === served) {
          // render one whole grid chunk: output is bit-identical whatever the read sizes
          step(bufferLeft, bufferRight, maxBlock);
          buffered = maxBlock;
          served = 0;
        }
        const count = Math.min(buffered - served, wanted - done);
        left.set(bufferLeft.subarray(served, served + count), done);
        right.set(bufferRight.subarray(served, served + count), done);
        served += count;
        done += count;
      }
      position += wanted;
      return wanted;
    },
    activeFrequencies() {
      const t = position / sampleRate;
      return layers.flatMap((layer) => layer.activeFrequencies(t));
    },
  };
}
