import { z } from 'zod';
import { parseInput, VajraError } from '@vajra-stream/core';
import { besselZeros } from '../math/bessel';

/**
 * Typical elastic constants of plate materials: Young's modulus (Pa), density (kg/m³), Poisson's ratio.
 *
 * @example
 * ```ts
 * Object.keys(PLATE_MATERIALS); // ['steel', 'brass', 'aluminium', 'glass']
 * ```
 */
export const PLATE_MATERIALS = {
  steel: { youngsModulus: 200e9, density: 7850, poissonRatio: 0.3 },
  brass: { youngsModulus: 100e9, density: 8500, poissonRatio: 0.34 },
  aluminium: { youngsModulus: 69e9, density: 2700, poissonRatio: 0.33 },
  glass: { youngsModulus: 70e9, density: 2500, poissonRatio: 0.22 },
} as const;

const MAX_SQUARE_ORDER = 24;
const MAX_CIRCULAR_ORDER = 16;
const MAX_CIRCULAR_RINGS = 12;

/** The plate part of the Chladni options (shared with the picture's schema). */
export const chladniPlateShape = {
  /** Frequency driving the plate, Hz; the nearest mode is drawn. */
  frequency: z.number().positive().max(100_000).optional(),
  /** `square` (free edges; the classical superposition of modes) or `circular` (rim fixed; Bessel modes). */
  plate: z.enum(['square', 'circular']).default('square'),
  /** Side of the square or diameter of the disc, m (default 0.24). */
  widthMeters: z.number().min(0.01).max(5).default(0.24),
  /** Plate thickness, m (default 0.001). */
  thicknessMeters: z.number().min(0.0001).max(0.05).default(0.001),
  material: z.enum(Object.keys(PLATE_MATERIALS) as [keyof typeof PLATE_MATERIALS, ...Array<keyof typeof PLATE_MATERIALS>]).default('steel'),
  /** Draw this mode instead of choosing by frequency: square `{ n, m }` (n, m ≤ 24), circular `{ n, s }` (n ≤ 16 nodal diameters, s ≤ 12 nodal circles counting the rim). */
  mode: z
    .object({ n: z.number().int().min(0).max(MAX_SQUARE_ORDER), m: z.number().int().min(0).max(MAX_SQUARE_ORDER).optional(), s: z.number().int().min(1).max(MAX_CIRCULAR_RINGS).optional() })
    .strict()
    .optional(),
  /** Square plate: cos(nπx)cos(mπy) − cos(mπx)cos(nπy) (`difference`, default) or + (`sum`). */
  combination: z.enum(['difference', 'sum']).default('difference'),
  /** Largest relative distance between the frequency and the nearest mode's (default 0.06, about a semitone); farther is refused. */
  maxDetune: z.number().min(0).max(10).default(0.06),
};
/**
 * Options of {@link chladniMode}: the plate and a frequency or a mode.
 *
 * @example
 * ```ts
 * chladniModeOptionsSchema.parse({ frequency: 432, plate: 'circular', material: 'brass' });
 * ```
 */
export const chladniModeOptionsSchema = z.object(chladniPlateShape).strict();

/**
 * What {@link chladniMode} accepts (validated by {@link chladniModeOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: ChladniModeOptions = { plate: 'square', widthMeters: 0.3, thicknessMeters: 0.002, material: 'aluminium', mode: { n: 4, m: 1 }, combination: 'sum' };
 * chladniMode(options).frequency; // Hz of the (4, 1) mode on this plate
 * ```
 */
export type ChladniModeOptions = z.input<typeof chladniModeOptionsSchema>;

/**
 * The mode a plate shows.
 *
 * @example
 * ```ts
 * const mode: ChladniMode = chladniMode({ frequency: 440, plate: 'circular' });
 * console.log(`${mode.n} nodal diameters, ${mode.s} nodal circles at ${mode.frequency.toFixed(1)} Hz (${(mode.detune * 100).toFixed(1)} % off)`);
 * ```
 */
export interface ChladniMode {
  plate: 'square' | 'circular';
  n: number;
  /** Square plate: the second mode number. */
  m?: number;
  /** Circular plate: the number of nodal circles, counting the rim (the s-th zero of J_n). */
  s?: number;
  combination?: 'difference' | 'sum';
  /** Circular plate: the wavenumber j_{n,s} for a unit radius. */
  besselZero?: number;
  /** Eigenfrequency of the mode on this plate, Hz. */
  frequency: number;
  /** (mode frequency − asked frequency) / asked frequency; 0 when the mode was given. */
  detune: number;
}

/** √(D / ρh), D = E h³ / 12(1 − ν²): the bending-wave constant of a thin plate (ω = κ k²), m²/s. */
function plateConstant(o: { thicknessMeters: number; material: keyof typeof PLATE_MATERIALS }): number {
  const { youngsModulus, density, poissonRatio } = PLATE_MATERIALS[o.material];
  const rigidity = (youngsModulus * o.thicknessMeters ** 3) / (12 * (1 - poissonRatio ** 2));
  return Math.sqrt(rigidity / (density * o.thicknessMeters));
}

const zeroCache = new Map<number, number[]>();
const zerosOf = (order: number) => {
  let zeros = zeroCache.get(order);
  if (zeros === undefined) zeroCache.set(order, (zeros = besselZeros(order, MAX_CIRCULAR_RINGS)));
  return zeros;
};

/**
 * The mode a plate vibrates in at a frequency, from the thin-plate (bending wave) dispersion
 * f = κ k² / 2π with κ = √(D/ρh): on a square of side L the mode (n, m) has k² = π²(n² + m²)/L², so
 * f = (π κ / 2L²)(n² + m²); on a disc of radius a the mode (n, s) has k = j_{n,s}/a, so
 * f = κ j²_{n,s} / (2π a²). The nearest mode is chosen; one farther than `maxDetune` is refused with
 * `CHLADNI_OUT_OF_RANGE` (below the first mode, or beyond n, m ≤ 24 / n ≤ 16, s ≤ 12).
 *
 * @example
 * ```ts
 * chladniMode({ frequency: 528 }); // { plate: 'square', n: 3, m: 2, combination: 'difference', frequency: 541.6…, detune: 0.026… }
 * ```
 */
export function chladniMode(options: ChladniModeOptions): ChladniMode {
  const o = parseInput(chladniModeOptionsSchema, options, 'Chladni options');
  const kappa = plateConstant(o);
  const square = (n: number, m: number) => ((Math.PI * kappa) / (2 * o.widthMeters ** 2)) * (n * n + m * m);
  const circular = (zero: number) => (kappa * zero * zero) / (2 * Math.PI * (o.widthMeters / 2) ** 2);
  if (o.mode !== undefined) return givenMode(o, square, circular);
  if (o.frequency === undefined) throw new VajraError('VALIDATION_FAILED', 'Give a frequency or a mode', { status: 422 });
  const asked = o.frequency;
  let best: ChladniMode | undefined;
  const consider = (mode: ChladniMode) => {
    if (best === undefined || Math.abs(Math.log(mode.frequency / asked)) < Math.abs(Math.log(best.frequency / asked)) - 1e-12) best = mode;
  };
  if (o.plate === 'square') {
    for (let n = 1; n <= MAX_SQUARE_ORDER; n++) {
      for (let m = 0; m <= n; m++) {
        const combination = n === m ? 'sum' : o.combination;
        consider({ plate: 'square', n, m, combination, frequency: square(n, m), detune: square(n, m) / asked - 1 });
      }
    }
  } else {
    for (let n = 0; n <= MAX_CIRCULAR_ORDER; n++) {
      zerosOf(n).forEach((zero, index) => consider({ plate: 'circular', n, s: index + 1, besselZero: zero, frequency: circular(zero), detune: circular(zero) / asked - 1 }));
    }
  }
  if (Math.abs(best!.detune) > o.maxDetune) {
    throw new VajraError(
      'CHLADNI_OUT_OF_RANGE',
      `The nearest mode of this plate to ${asked} Hz is at ${best!.frequency.toFixed(1)} Hz (${(best!.detune * 100).toFixed(1)} %); change the frequency, the plate or maxDetune`,
      { status: 422, details: { nearest: best } },
    );
  }
  return best!;
}

function givenMode(o: z.output<typeof chladniModeOptionsSchema>, square: (n: number, m: number) => number, circular: (zero: number) => number): ChladniMode {
  const { n, m, s } = o.mode!;
  if (o.plate === 'square') {
    if (m === undefined || s !== undefined || n + m === 0 || (n === m && o.combination === 'difference')) {
      throw new VajraError('VALIDATION_FAILED', 'A square plate mode is { n, m } with n + m > 0 (and n ≠ m for the difference combination)', { status: 422 });
    }
    return { plate: 'square', n, m, combination: o.combination, frequency: square(n, m), detune: 0 };
  }
  if (s === undefined || m !== undefined || n > MAX_CIRCULAR_ORDER) throw new VajraError('VALIDATION_FAILED', `A circular plate mode is { n, s } with n ≤ ${MAX_CIRCULAR_ORDER}`, { status: 422 });
  const zero = zerosOf(n)[s - 1]!;
  return { plate: 'circular', n, s, besselZero: zero, frequency: circular(zero), detune: 0 };
}
