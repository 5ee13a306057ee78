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

/**
 * One of {@link textKinds}.
 *
 * @example
 * ```ts
 * const kind: TextKind = 'dedication';
 * const { text } = await oracle.generate({ kind, intention: 'everyone who helped build the stupa' });
 * ```
 */
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

/**
 * Context for a text; see {@link oracleContextSchema}.
 *
 * @example
 * ```ts
 * const context: OracleContext = { moonPhase: 'full', planetaryHour: 'Jupiter', lunarDay: 15, occasion: 'Saka Dawa Düchen' };
 * await oracle.generate({ kind: 'prayer', intention: 'long life of the teachers', context });
 * ```
 */
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

/**
 * Input of `oracle.generate()`.
 *
 * @example
 * ```ts
 * const input: GenerateInput = { kind: 'meditation', intention: 'calm before an exam', tradition: 'Theravada', duration: 300, context: { timeOfDay: 'evening' } };
 * const { text, script } = await oracle.generate(input); // duration in seconds
 * ```
 */
export type GenerateInput = z.input<typeof generateInputSchema>;

/**
 * A parsed, defaulted {@link GenerateInput}.
 *
 * @example
 * ```ts
 * const task: TextTask = generateInputSchema.parse({ kind: 'teaching', intention: '  patience  ', length: 'short' });
 * task.intention; // 'patience' (trimmed)
 * ```
 */
export type TextTask = z.output<typeof generateInputSchema>;

/**
 * The structured task behind a request (`LanguageModelRequest.task`): a text or a session plan.
 *
 * @example
 * ```ts
 * // a template provider of your own writes from the task rather than the prose prompt
 * const subject = (task: OracleTask | undefined): string =>
 *   task === undefined ? 'free prose' : task.type === 'text' ? `a ${task.kind} for ${task.intention}` : `a ${task.duration} s session for ${task.intention}`;
 * subject({ type: 'plan', intention: 'peace', duration: 600, context: { moonPhase: 'new' } }); // 'a 600 s session for peace'
 * ```
 */
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
