/**
 * The solfeggio frequencies (Hz).
 *
 * @example
 * solfeggioFrequencies.includes(528); // true
 */
export const solfeggioFrequencies = [174, 285, 396, 417, 528, 639, 741, 852, 963] as const;

/**
 * Schumann resonance: the fundamental and the next modes (Hz).
 *
 * @example
 * schumannResonances[0]; // 7.83
 */
export const schumannResonances = [7.83, 14.3, 20.8, 27.3, 33.8] as const;

/**
 * Brainwave bands as beat-rate ranges [low, high) in Hz.
 *
 * @example
 * const [low, high] = brainwaveBands.theta; // 4, 8
 */
export const brainwaveBands = {
  delta: [0.5, 4],
  theta: [4, 8],
  alpha: [8, 13],
  beta: [13, 30],
  gamma: [30, 100],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * Name of a brainwave band.
 *
 * @example
 * ```ts
 * const band: BrainwaveBand = 'alpha';
 * const [low, high] = brainwaveBands[band]; // 8, 13 (Hz)
 * const wav = renderToWav({ duration: 300, layers: [{ kind: 'binaural', carrier: 200, beat: (low + high) / 2 }] }); // a 10.5 Hz beat
 * ```
 */
export type BrainwaveBand = keyof typeof brainwaveBands;

/**
 * The seed project's blessing set (Hz).
 *
 * @example
 * blessingFrequencies; // [7.83, 136.1, 528, 639, 741]
 */
export const blessingFrequencies = [7.83, 136.1, 528, 639, 741] as const;

/**
 * Intentions → frequencies used by the original project.
 *
 * @example
 * intentionFrequencies.peace; // [528, 639, 7.83]
 */
export const intentionFrequencies = {
  peace: [528, 639, 7.83],
  healing: [528, 417, 174],
  wisdom: [852, 963, 40],
  compassion: [639, 528, 10],
  protection: [396, 7.83, 285],
  prosperity: [417, 10, 194.18],
} as const satisfies Record<string, readonly number[]>;

/**
 * Tuning references for A4 (Hz).
 *
 * @example
 * tuningReferences.verdi; // 432
 */
export const tuningReferences = { standard: 440, verdi: 432 } as const;
