import { bowlModePresets, type BowlMode } from '../presets/bowl-modes';
import { parseProgram } from '../program/parse-program';
import { paramMaximum } from '../program/nyquist-issues';
import type { BowlLayer, Program, ProgramInput } from '../program/program-schema';

/**
 * Bowl modes whose frequency rises above this fraction of the sample rate (0.45: 21.6 kHz at 48 kHz,
 * 19.845 kHz at 44.1 kHz) are not rendered, so no partial ever folds back below the Nyquist limit.
 * @example
 * ```ts
 * const highestBowlModeHz = BOWL_MODE_LIMIT * 48_000; // 21 600 Hz
 * ```
 */
export const BOWL_MODE_LIMIT = 0.45;

/**
 * A bowl mode left out of a render because it would sound above {@link BOWL_MODE_LIMIT} × sampleRate.
 *
 * @example
 * ```ts
 * const warn = (dropped: DroppedBowlMode) => console.warn(`layer ${dropped.layer}: bowl mode ${dropped.mode} would sound at ${Math.round(dropped.frequency)} Hz`);
 * renderInfo({ sampleRate: 44100, duration: 5, layers: [{ kind: 'bowl', frequency: 1800 }] }).droppedModes.forEach(warn);
 * // layer 0: bowl mode 4 would sound at 21011 Hz (then modes 5 and 6)
 * ```
 */
export interface DroppedBowlMode {
  /** Index of the bowl layer in the program. */
  layer: number;
  /** Index of the mode in the bowl's modes (0 = the fundamental mode). */
  mode: number;
  /** The highest frequency the mode would reach (Hz). */
  frequency: number;
}

/**
 * What a render leaves out or changes, reported rather than silent.
 *
 * @example
 * ```ts
 * const info: RenderInfo = renderInfo({ sampleRate: 44100, duration: 5, layers: [{ kind: 'bowl', frequency: 1800 }] });
 * info.bowlModeLimit; // 19845 (Hz)
 * info.droppedModes[0]; // { layer: 0, mode: 4, frequency: 21011.0… }
 * ```
 */
export interface RenderInfo {
  sampleRate: number;
  /** Bowl modes above this frequency (Hz) are dropped: {@link BOWL_MODE_LIMIT} × sampleRate. */
  bowlModeLimit: number;
  droppedModes: DroppedBowlMode[];
}

/** The modes of a bowl layer (a preset's or its own). */
export function modesOf(layer: BowlLayer): BowlMode[] {
  return typeof layer.modes === 'string' ? bowlModePresets[layer.modes] : layer.modes;
}

/**
 * The highest frequency of each mode of a bowl (upper doublet half, and the rubbed mode's rotation
 * sidebands), and which of them lie above the limit.
 *
 * @example
 * bowlModeCeilings(layer, 48000).filter((mode) => mode.dropped);
 */
export function bowlModeCeilings(layer: BowlLayer, sampleRate: number): Array<{ frequency: number; dropped: boolean }> {
  const modes = modesOf(layer);
  const fundamental = paramMaximum(layer.frequency);
  const rubbed = layer.rim ? Math.min(layer.rim.mode, modes.length - 1) : -1;
  return modes.map((mode, index) => {
    let frequency = fundamental * mode.ratio * 2 ** (mode.split / 2400);
    if (index === rubbed) frequency = Math.max(frequency, fundamental * mode.ratio + (index + 2) * paramMaximum(layer.rim!.rate));
    return { frequency, dropped: frequency > BOWL_MODE_LIMIT * sampleRate };
  });
}

/**
 * What rendering a program leaves out: the bowl modes dropped because they would sound above
 * {@link BOWL_MODE_LIMIT} × sampleRate. Cheap (no audio is rendered); `renderer.info` and
 * `renderToBuffer(…).info` carry the same.
 *
 * @example
 * renderInfo({ sampleRate: 44100, duration: 5, layers: [{ kind: 'bowl', frequency: 1800 }] }).droppedModes;
 * // [{ layer: 0, mode: 4, frequency: 21011.0… }, { layer: 0, mode: 5, … }, { layer: 0, mode: 6, … }]
 */
export function renderInfo(input: ProgramInput | Program): RenderInfo {
  return renderInfoOfParsed(parseProgram(input));
}

/** {@link renderInfo} of an already parsed program (no validation). */
export function renderInfoOfParsed(program: Program): RenderInfo {
  const droppedModes: DroppedBowlMode[] = [];
  program.layers.forEach((layer, index) => {
    if (layer.kind !== 'bowl') return;
    bowlModeCeilings(layer, program.sampleRate).forEach((mode, modeIndex) => {
      if (mode.dropped) droppedModes.push({ layer: index, mode: modeIndex, frequency: mode.frequency });
    });
  });
  return { sampleRate: program.sampleRate, bowlModeLimit: BOWL_MODE_LIMIT * program.sampleRate, droppedModes };
}
