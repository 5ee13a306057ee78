import * as z from 'zod';

/**
 * The states a session moves through.
 * @example
 * ```ts
 * const isStatus = (value: string): value is SessionStatus => (SESSION_STATUSES as readonly string[]).includes(value);
 * ```
 */
export const SESSION_STATUSES = ['created', 'running', 'paused', 'stopped', 'completed'] as const;
/**
 * One of {@link SESSION_STATUSES}.
 *
 * @example
 * ```ts
 * const active: SessionStatus[] = ['running', 'paused'];
 * const { items } = await vajra.sessions.list({ status: active });
 * ```
 */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A practice session as stored and as returned by `vajra.sessions`. Times are ISO-8601 strings.
 * `elapsedTime` is seconds of running time (pauses excluded); for a running session the service
 * reports it live. `runningSince` marks the start of the current running stretch.
 *
 * @example
 * ```ts
 * const session: Session = await vajra.sessions.get(id);
 * if (session.status === 'running') console.log(`${session.elapsedTime} of ${session.duration} s, running since ${session.runningSince}`);
 * ```
 */
export interface Session {
  id: string;
  intention: string;
  /** Planned length in seconds. */
  duration: number;
  audioType: string;
  frequencies: number[];
  prayerBowlMode: boolean;
  metadata: Record<string, unknown>;
  /** The audio program (see `@vajra-stream/audio`); opaque JSON to the kernel. */
  program: unknown;
  owner: string | null;
  status: SessionStatus;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  completedAt: string | null;
  elapsedTime: number;
  runningSince: string | null;
}

const MAX_JSON_BYTES = 256 * 1024;
const jsonSize = (value: unknown): number => (value === undefined ? 0 : JSON.stringify(value).length);

const editableShape = {
  intention: /* @__PURE__ */ z.string().trim().min(1).max(2000),
  duration: /* @__PURE__ */ z.number().positive().finite(),
  audioType: /* @__PURE__ */ z.string().trim().min(1).max(64),
  frequencies: /* @__PURE__ */ z.array(z.number().positive().max(100_000)).max(64),
  prayerBowlMode: /* @__PURE__ */ z.boolean(),
  metadata: /* @__PURE__ */ z.record(z.string(), z.json()).refine((value) => jsonSize(value) <= 64 * 1024, 'metadata must be at most 64 KiB of JSON'),
  program: /* @__PURE__ */ z.json().refine((value) => jsonSize(value) <= MAX_JSON_BYTES, 'program must be at most 256 KiB of JSON'),
};

/**
 * Input of `vajra.sessions.create`. Unknown keys are refused.
 *
 * @example
 * ```ts
 * createSessionSchema.parse({ intention: 'peace', duration: 600 });
 * ```
 */
export const createSessionSchema = /* @__PURE__ */ z
  .object({
    ...editableShape,
    audioType: editableShape.audioType.default('prayer_bowl'),
    frequencies: editableShape.frequencies.default([]),
    prayerBowlMode: editableShape.prayerBowlMode.default(false),
    metadata: editableShape.metadata.default({}),
    program: editableShape.program.optional(),
  })
  .strict();

/**
 * Input of `vajra.sessions.update`: only the editable fields; status changes go through transitions.
 *
 * @example
 * ```ts
 * updateSessionSchema.parse({ intention: 'compassion' });
 * ```
 */
export const updateSessionSchema = /* @__PURE__ */ z
  .object({ ...editableShape, program: editableShape.program.nullable() })
  .partial()
  .strict();

/**
 * What `vajra.sessions.create` accepts.
 *
 * @example
 * ```ts
 * const input: CreateSessionInput = {
 *   intention: 'healing for my teacher',
 *   duration: 1800,
 *   audioType: 'solfeggio',
 *   frequencies: [528, 7.83],
 *   prayerBowlMode: true,
 *   metadata: { place: 'Boudhanath' },
 * };
 * const session = await vajra.sessions.create(input);
 * ```
 */
export type CreateSessionInput = z.input<typeof createSessionSchema>;
/**
 * What `vajra.sessions.update` accepts.
 *
 * @example
 * ```ts
 * const input: UpdateSessionInput = { intention: 'for all beings', duration: 3600, program: null };
 * await vajra.sessions.update(session.id, input);
 * ```
 */
export type UpdateSessionInput = z.input<typeof updateSessionSchema>;
