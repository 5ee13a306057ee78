/**
 * One resonant mode of a bowl: frequency ratio to the fundamental, gain, doublet split and optional T60.
 *
 * @example
 * ```ts
 * const modes: BowlMode[] = [
 *   { ratio: 1, gain: 1, split: 13.5, t60: 25 }, // t60 in seconds, split in cents
 *   { ratio: 2.71, gain: 0.6, split: 8.2 },
 *   { ratio: 5.02, gain: 0.3, split: 0, t60: 6 },
 * ];
 * const wav = renderToWav({ duration: 20, layers: [{ kind: 'bowl', frequency: 180, modes, strikes: [0] }] });
 * ```
 */
export interface BowlMode {
  /** Frequency ratio to the lowest mode. */
  ratio: number;
  /** Relative amplitude at a strike. */
  gain: number;
  /** Doublet split in cents (the two halves sit at ±split/2); 0 = a single frequency. */
  split: number;
  /** 60 dB decay time in seconds; when absent, T60 = 2.2·Q / f (constant-Q model). */
  t60?: number;
}

// Doublet splits (cents) of the (2,0)…(6,0) modes from the STK prayer-bowl preset (Essl & Cook, ICMC 2002);
// modes beyond (6,0) reuse the last published split.
const STK_SPLITS = [13.5, 8.2, 0, 3.3, 3.5, 3.5, 3.5];
const GAINS = [1, 0.6, 0.4, 0.25, 0.16, 0.1, 0.07];

function fromRatios(ratios: number[]): BowlMode[] {
  return ratios.map((ratio, index) => ({ ratio, gain: GAINS[index] ?? 0.05, split: STK_SPLITS[index] ?? 3.5 }));
}

function cents(a: number, b: number): number {
  return 1200 * Math.log2(b / a);
}

function stkDoublet(low: number, high: number, gain: number): BowlMode {
  return { ratio: Math.sqrt(low * high), gain, split: cents(low, high) };
}

/**
 * Named bowl mode sets. Ratios: Csound modal-frequency tables (Tibetan bowls 180/152/140 mm), the STK
 * "Tibetan prayer bowl" preset, thin-ring theory n = 2…6 and the mean of the three Csound bowls.
 *
 * @example
 * bowlModePresets['tibetan-180mm'].map((mode) => mode.ratio * 221); // ≈ the measured 221, 614, 1145 … Hz
 */
export const bowlModePresets = {
  'tibetan-180mm': fromRatios([1, 2.778, 5.181, 8.163, 11.661, 15.638, 19.99]),
  'tibetan-152mm': fromRatios([1, 2.662, 4.838, 7.516, 10.64, 14.21, 18.14]),
  'tibetan-140mm': fromRatios([1, 2.765, 5.121, 7.807, 10.784]),
  generic: fromRatios([1, 2.735, 5.047, 7.829, 11.03, 14.92, 19.07]),
  'thin-ring': fromRatios([2, 3, 4, 5, 6].map((n) => (n * (n * n - 1)) / Math.sqrt(n * n + 1) / (6 / Math.sqrt(5)))),
  'stk-prayer-bowl': [
    stkDoublet(0.9961, 1.0039, 1),
    stkDoublet(2.9792, 2.9933, 0.6),
    { ratio: 5.7045, gain: 0.4, split: 0 },
    stkDoublet(8.9982, 9.0155, 0.25),
    stkDoublet(12.807, 12.833, 0.16),
    { ratio: 17.28, gain: 0.1, split: 0 },
    { ratio: 21.98, gain: 0.07, split: 0 },
  ],
} satisfies Record<string, BowlMode[]>;

/**
 * Name of a built-in bowl mode set.
 *
 * @example
 * ```ts
 * const preset: BowlModePresetName = 'tibetan-152mm';
 * bowlModePresets[preset].length; // 7 modes
 * const wav = renderToWav({ duration: 30, layers: [{ kind: 'bowl', frequency: 221, modes: preset, strikes: [0] }] });
 * ```
 */
export type BowlModePresetName = keyof typeof bowlModePresets;

/**
 * The names of the built-in bowl mode sets.
 *
 * @example
 * bowlModePresetNames.includes('tibetan-180mm'); // true
 */
export const bowlModePresetNames = Object.keys(bowlModePresets) as [BowlModePresetName, ...BowlModePresetName[]];
