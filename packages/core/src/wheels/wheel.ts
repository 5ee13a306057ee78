import * as z from 'zod';
import type { Mantra } from './mantras';
import type { SpinSegment } from './wheel-counting';

/**
 * A digital prayer wheel. Counts are decimal strings so they stay exact beyond 2^53.
 *
 * @example
 * ```ts
 * const wheel: Wheel = await vajra.wheels.get(id);
 * console.log(`${wheel.mantra.text}: ${wheel.rotations} rotations × ${wheel.copiesPerRotation} = ${wheel.recitations} recitations at ${wheel.rpm} rpm`);
 * ```
 */
export interface Wheel {
  id: string;
  name: string;
  mantra: Mantra;
  copiesPerRotation: string;
  rpm: number;
  status: 'stopped' | 'spinning';
  rotations: string;
  recitations: string;
  /** Seconds spent spinning, in all. */
  spinningSeconds: number;
  /** Fraction of a rotation turned but not yet counted, in [0, 1). */
  phase: number;
  /** The session this wheel spins with, if any. */
  sessionId: string | null;
  owner: string | null;
  dedications: number;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  segment: SpinSegment | null;
}

/**
 * A dedication of merit, stored with the wheel's counts at that moment.
 *
 * @example
 * ```ts
 * const dedication: WheelDedication = await vajra.wheels.dedicate(wheel.id, 'May all beings be free from suffering');
 * dedication.recitations; // the wheel's recitations at that moment, e.g. '30000000'
 * ```
 */
export interface WheelDedication {
  id: string;
  wheelId: string;
  text: string;
  at: string;
  rotations: string;
  recitations: string;
  owner: string | null;
}

// bundlers drop these schemas from apps that never use them (a global's property would count as a side effect)
const MAX_COUNT = Number.MAX_SAFE_INTEGER;
const count = /* @__PURE__ */ z.union([/* @__PURE__ */ z.number().int().min(1).max(MAX_COUNT), /* @__PURE__ */ z.string().regex(/^[1-9][0-9]{0,29}$/, 'a positive whole number (decimal string)')]);

const customMantra = /* @__PURE__ */ z
  .object({
    text: z.string().trim().min(1).max(2000),
    name: z.string().trim().min(1).max(120).optional(),
    deity: z.string().trim().max(120).optional(),
    meaning: z.string().trim().max(4000).optional(),
    transliteration: z.string().trim().max(2000).optional(),
  })
  .strict();

/**
 * Input of `vajra.wheels.create`: a mantra id from the library or a custom mantra.
 *
 * @example
 * ```ts
 * createWheelSchema.parse({ mantra: 'chenrezig', copiesPerRotation: 10_000, rpm: 30 });
 * ```
 */
export const createWheelSchema = /* @__PURE__ */ z
  .object({
    mantra: z.union([z.string().min(1).max(64), customMantra]),
    copiesPerRotation: count,
    rpm: z.number().positive().finite(),
    name: z.string().trim().min(1).max(120).optional(),
    sessionId: z.string().min(1).max(200).optional(),
  })
  .strict();

/**
 * What `vajra.wheels.create` accepts.
 *
 * @example
 * ```ts
 * const input: CreateWheelInput = {
 *   mantra: { text: 'Om Ah Hum', name: 'Three vajra syllables' },
 *   copiesPerRotation: '1000000000000',
 *   rpm: 60,
 *   name: 'Roof wheel',
 *   sessionId: session.id,
 * };
 * const wheel = await vajra.wheels.create(input);
 * ```
 */
export type CreateWheelInput = z.input<typeof createWheelSchema>;

/**
 * Schema of a dedication text.
 * @example
 * ```ts
 * const text = dedicationTextSchema.parse('  May all beings be free from suffering  '); // trimmed
 * ```
 */
export const dedicationTextSchema = /* @__PURE__ */ z.string().trim().min(1).max(4000);
