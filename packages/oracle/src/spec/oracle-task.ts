import { z } from 'zod';

/**
 * The kinds of text the oracle writes.
 *
 * @example
 * ```ts
 * for (const kind of textKinds) await oracle.generate({ kind, intention: 'peace' });
 * ```
 */
export const textKinds = ['prayer', 'blessing', 'dedication', 'teaching', 'story', 'meditation', 'contemplation'] as const;

/** One of {@link textKinds}. */
export type TextKind = (typeof textKinds)[number];

/**
 * Astrological and calendar context a text can speak to (all fields optional).
 *
 * @example
 * ```ts
 * oracleContextSchema.parse({ moonPhase: 'waxing gibbous', planetaryHour: 'Venus', tithi: 11 });
 * ```
 */
export const oracleContextSchema = z
  .object({
    /** A phase name (`waxing gibbous`) or the illuminated fraction 0..1 with `waxing`. */
    moonPhase: z.union([z.string().min(1).max(40), z.number().min(0).max(360)]).optional(),
    waxing: z.boolean().optional(),
    /** Ruler of the planetary hour: Sun, Moon, Mars, Mercury, Jupiter, Venus, Saturn. */
    planetaryHour: z.string().min(1).max(20).optional(),
    /** Tithi 1..30 (1–15 Shukla, 16–30 Krishna). */
    tithi: z.number().int().min(1).max(30).optional(),
    /** Tibetan lunar day 1..30. */
    lunarDay: z.number().int().min(1).max(30).optional(),
    /** Time of day, e.g. `dawn`, `evening`. */
    timeOfDay: z.string().min(1).max(20).optional(),
    /** Name of a festival or special day, e.g. `Saka Dawa Düchen`. */
    occasion: z.string().min(1).max(80).optional(),
  })
  .strict();

/** Context for a text; see {@link oracleContextSchema}. */
export type OracleContext = z.infer<typeof oracleContextSchema>;

/**
 * How long a text should be.
 *
 * @example
 * ```ts
 * await oracle.generate({ kind: 'teaching', intention: 'patience', length: textLengths[2] });
 * ```
 */
export const textLengths = ['short', 'medium', 'long'] as const;

/**
 * Input of `oracle.generate()` / `oracle.stream()`.
 *
 * @example
 * ```ts
 * generateInputSchema.parse({ kind: 'meditation', intention: 'calm', duration: 600, context: { moonPhase: 'full' } });
 * ```
 */
export const generateInputSchema = z
  .object({
    kind: z.enum(textKinds),
    intention: z.string().trim().min(1).max(500),
    tradition: z.string().trim().min(1).max(60).optional(),
    length: z.enum(textLengths).optional(),
    /** For meditations: the target length of the guided script in seconds (at most 4 hours). */
    duration: z
      .number()
      .positive()
      .max(4 * 3600)
      .optional(),
    context: oracleContextSchema.optional(),
  })
  .strict();

/** Input of `oracle.generate()`. */
export type GenerateInput = z.input<typeof generateInputSchema>;

/** A parsed, defaulted {@link GenerateInput}. */
export type TextTask = z.output<typeof generateInputSchema>;

/** The structured task behind a request: a text or a session plan. */
export type OracleTask =
  | ({ type: 'text' } & TextTask)
  | {
      type: 'plan';
      intention: string;
      /** Seconds. */
      duration: number;
      tradition?: string;
      context?: OracleContext;
    };
