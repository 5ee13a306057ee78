import type { Clock, TimerHandle } from '../clock/clock';
import type { CoreConfig } from '../config/core-config-schema';
import { VajraError } from '../errors/vajra-error';
import type { EventBus } from '../events/event-bus';
import { createId } from '../ids/create-id';
import type { Logger } from '../logger/logger';
import { createAsyncMutex } from '../store/async-mutex';
import type { ListOptions, ListResult, Store, StoreTransaction } from '../store/store';
import { parseInput } from '../validation/parse-input';
import { createSessionSchema, updateSessionSchema, type CreateSessionInput, type Session, type SessionStatus, type UpdateSessionInput } from './session';
import type { SessionFollower } from './session-follower';
import { completionInstant, liveElapsed } from './session-timing';
import { SESSION_TRANSITIONS, canTransition, type SessionAction } from './session-transitions';
import { isoInstant } from '../clock/iso-instant';

/**
 * Options of `vajra.sessions.list`.
 *
 * @example
 * ```ts
 * const page = await vajra.sessions.list({ status: ['running', 'paused'], owner: 'user_42', order: 'desc', limit: 20, offset: 0 });
 * ```
 */
export interface ListSessionsOptions {
  status?: SessionStatus | SessionStatus[];
  /** Only sessions of this principal (`null`: only unowned ones). */
  owner?: string | null;
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
}

/**
 * Options of `vajra.sessions.create`.
 *
 * @example
 * ```ts
 * const session = await vajra.sessions.create({ intention: 'peace', duration: 600 }, { owner: 'user_42' });
 * ```
 */
export interface CreateSessionOptions {
  /** The principal that owns the session (set by a multi-user server). */
  owner?: string | null;
}

/**
 * `vajra.sessions`: the session state machine with persistence.
 *
 * @example
 * ```ts
 * const session = await vajra.sessions.create({ intention: 'peace for all beings', duration: 600 });
 * await vajra.sessions.start(session.id);
 * ```
 */
export interface SessionService {
  create(input: CreateSessionInput, options?: CreateSessionOptions): Promise<Session>;
  get(id: string): Promise<Session>;
  list(options?: ListSessionsOptions): Promise<ListResult<Session>>;
  /**
   * The same page as {@link SessionService.list}, as the text `JSON.stringify` would give of it. On a store
   * whose collections offer `listStored` the stored text of each session that is not running is used
   * as it is (neither parsed nor serialised again); a running session's live elapsed time is serialised.
   */
  listJson(options?: ListSessionsOptions): Promise<string>;
  update(id: string, input: UpdateSessionInput): Promise<Session>;
  delete(id: string): Promise<Session>;
  start(id: string): Promise<Session>;
  pause(id: string): Promise<Session>;
  resume(id: string): Promise<Session>;
  stop(id: string): Promise<Session>;
}

/** Internal hooks the kernel uses around its lifecycle. */
export interface SessionLifecycle {
  /** Complete overdue running sessions, schedule the others' completion and announce them (`session:recovered`). */
  recover(): Promise<void>;
  halt(): void;
  /** Another instance changed a session: the work holder (re)schedules or drops its completion. */
  observe(name: string, session: Session): Promise<void>;
}

/** What the session service needs of the kernel's work lease. */
export interface SessionWork {
  isHolder(): boolean;
  fence(tx: StoreTransaction): Promise<void>;
  fenceFailed(): Promise<void>;
}

interface Dependencies {
  store: Store;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  config: CoreConfig['sessions'];
  /** Changes state in the same transition as each session (the kernel's attached wheels). */
  follower?: SessionFollower;
  /** The work lease: completion timers run on its holder only, and completions are fenced. Alone by default. */
  work?: SessionWork;
}

const alone: SessionWork = { isHolder: () => true, fence: async () => undefined, fenceFailed: async () => undefined };

/** The same stored version of a session: no other writer changed it since it was read. */
const sameVersion = (a: Session | undefined, b: Session): boolean =>
  a !== undefined && a.updatedAt === b.updatedAt && a.status === b.status && a.runningSince === b.runningSince && a.elapsedTime === b.elapsedTime && a.duration === b.duration;

/** The store's list options of a sessions listing. */
function storeListOptions(options: ListSessionsOptions): ListOptions {
  const where: Record<string, string | null | string[]> = {};
  if (options.status !== undefined) where.status = options.status;
  if (options.owner !== undefined) where.owner = options.owner;
  return { where, limit: options.limit, offset: options.offset, order: options.order };
}

/** Thrown inside a transaction when the session changed under it (another instance); the action runs again. */
class SessionChanged extends Error {}

/**
 * Build the session service of a kernel.
 * @example
 * ```ts
 * // The kernel builds it; programs use `vajra.sessions`.
 * const session = await vajra.sessions.create({ intention: 'peace', duration: 600 });
 * ```
 */
export function createSessionService({ store, events, clock, logger, config, follower, work = alone }: Dependencies): SessionService & SessionLifecycle {
  const sessions = store.collection<Session>('sessions');
  const mutex = createAsyncMutex();
  const timers = new Map<string, TimerHandle>();

  const view = (session: Session): Session => ({ ...session, elapsedTime: liveElapsed(session, clock.now()) });

  const list = async (options: ListSessionsOptions = {}): Promise<ListResult<Session>> => {
    const page = await sessions.list(storeListOptions(options));
    return { ...page, items: page.items.map(view) };
  };

  const load = async (id: string): Promise<Session> => {
    const session = typeof id === 'string' && id.length <= 200 ? await sessions.get(id) : undefined;
    if (session === undefined) throw new VajraError('SESSION_NOT_FOUND', `No session with id "${String(id)}"`, { status: 404 });
    return session;
  };

  const checkDuration = (duration: number): void => {
    if (duration > config.maxDuration) {
      throw new VajraError('VALIDATION_FAILED', `Invalid session: duration: must be at most ${config.maxDuration} seconds`, {
        status: 422,
        details: { issues: [{ path: 'duration', code: 'too_big', message: `must be at most ${config.maxDuration}` }] },
      });
    }
  };

  const unschedule = (id: string): void => {
    clock.clearTimeout(timers.get(id));
    timers.delete(id);
  };

  const schedule = (session: Session): void => {
    unschedule(session.id);
    if (!work.isHolder()) return;
    const delay = Math.max(0, completionInstant(session) - clock.now());
    timers.set(
      session.id,
      clock.setTimeout(() => {
        timers.delete(session.id);
        complete(session.id, session.runningSince).catch((error: unknown) => logger.error('session completion failed', { sessionId: session.id, error }));
      }, delay),
    );
  };

  /**
   * Store a session and announce it; a status change carries its followers along in the same transaction.
   * With `expected`, the write happens only if the stored session is still that version (else
   * `SessionChanged`); with `fenced`, only while this instance holds the work lease.
   */
  const save = async (session: Session, event: keyof typeof eventNames, expected?: Session, fenced = false): Promise<Session> => {
    const announce = (): void => events.emit(eventNames[event], { session: view(session) });
    const write = async (tx: StoreTransaction): Promise<void> => {
      if (fenced) await work.fence(tx);
      const collection = tx.collection<Session>('sessions');
      if (expected !== undefined && !sameVersion(await collection.get(session.id), expected)) throw new SessionChanged();
      await collection.put(session.id, session);
    };
    if (follower === undefined || event === 'create' || event === 'update') {
      if (expected === undefined && !fenced) await sessions.put(session.id, session);
      else await store.transaction(write);
      announce();
    } else {
      await follower.follow(async (tx) => {
        await write(tx);
        return session;
      }, announce);
    }
    return view(session);
  };

  /**
   * Read the session, check the action is allowed and store its next state, all in one transaction: no other
   * writer can change it between the read and the write, so nothing is read twice and nothing is retried.
   * A store that runs the work again after a serialization conflict (PostgreSQL) reads it afresh.
   */
  const transitionStored = async (id: string, action: Exclude<SessionAction, 'complete'>): Promise<Session> => {
    let next: Session | undefined;
    const write = async (tx: StoreTransaction): Promise<Session> => {
      const session = typeof id === 'string' && id.length <= 200 ? await tx.collection<Session>('sessions').get(id) : undefined;
      if (session === undefined) throw new VajraError('SESSION_NOT_FOUND', `No session with id "${String(id)}"`, { status: 404 });
      if (!canTransition(session.status, action)) {
        throw new VajraError('SESSION_INVALID_TRANSITION', `Cannot ${action} a session that is ${session.status}`, {
          status: 409,
          details: { id, status: session.status, action, allowedFrom: SESSION_TRANSITIONS[action].from },
        });
      }
      const now = clock.now();
      const at = isoInstant(now);
      next = { ...session, status: SESSION_TRANSITIONS[action].to, updatedAt: at };
      if (action === 'start' || action === 'resume') {
        next.runningSince = at;
        if (action === 'start') next.startedAt = at;
      } else {
        next.elapsedTime = liveElapsed(session, now);
        next.runningSince = null;
        if (action === 'stop') next.stoppedAt = at;
      }
      await tx.collection<Session>('sessions').put(id, next);
      return next;
    };
    const announce = (): void => events.emit(eventNames[action], { session: view(next!) });
    if (follower === undefined) {
      await store.transaction(write);
      announce();
    } else {
      await follower.follow(write, announce);
    }
    return next!;
  };

  /** Run `action` again (up to 20 times) while another instance changed the session under it. */
  const retrying = async <T>(action: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await action();
      } catch (error) {
        if (!(error instanceof SessionChanged) || attempt >= 20)
          throw error instanceof SessionChanged ? new VajraError('SESSION_CONFLICT', 'The session keeps changing on another instance; try again', { status: 409 }) : error;
      }
    }
  };

  /** Complete `session` at its completion instant: fenced, and only if no one changed it meanwhile. */
  const completeStored = async (session: Session, at: number): Promise<void> => {
    const done: Session = { ...session, status: 'completed', elapsedTime: session.duration, runningSince: null, completedAt: isoInstant(at), updatedAt: isoInstant(Math.max(at, clock.now())) };
    try {
      await save(done, 'complete', session, true);
    } catch (error) {
      if (error instanceof SessionChanged) return; // stopped, paused or completed elsewhere: that instance announced it
      if ((error as { code?: unknown }).code === 'LEASE_LOST') return void (await work.fenceFailed());
      throw error;
    }
  };

  async function complete(id: string, expectedSince: string | null): Promise<void> {
    await mutex.run(async () => {
      const session = await sessions.get(id);
      if (session === undefined || session.status !== 'running' || session.runningSince !== expectedSince) return;
      const at = completionInstant(session);
      // A timer that woke early (a host or custom clock that fired before its instant) waits again.
      if (clock.now() < at) return schedule(session);
      await completeStored(session, at);
    });
  }

  const transition = (action: Exclude<SessionAction, 'complete'>) => (id: string) =>
    mutex.run(async () => {
      const next = await transitionStored(id, action);
      if (next.status === 'running') schedule(next);
      else unschedule(id);
      return view(next);
    });

  return {
    async create(input, options = {}) {
      const parsed = parseInput(createSessionSchema, input, 'session');
      checkDuration(parsed.duration);
      const now = clock.now();
      const session: Session = {
        id: createId('ses', now),
        intention: parsed.intention,
        duration: parsed.duration,
        audioType: parsed.audioType,
        frequencies: parsed.frequencies,
        prayerBowlMode: parsed.prayerBowlMode,
        metadata: parsed.metadata as Record<string, unknown>,
        program: parsed.program ?? null,
        owner: options.owner ?? null,
        status: 'created',
        createdAt: isoInstant(now),
        updatedAt: isoInstant(now),
        startedAt: null,
        stoppedAt: null,
        completedAt: null,
        elapsedTime: 0,
        runningSince: null,
      };
      return mutex.run(() => save(session, 'create'));
    },
    get: async (id) => view(await load(id)),
    list,
    async listJson(options = {}) {
      if (sessions.listStored === undefined) return JSON.stringify(await list(options));
      const page = await sessions.listStored(storeListOptions(options));
      const now = clock.now();
      // A session that is not running shows its stored elapsed time: its view is the stored record, text and all.
      const items = page.items.map(({ json, value }) => {
        const elapsedTime = liveElapsed(value, now);
        return elapsedTime === value.elapsedTime ? json : JSON.stringify({ ...value, elapsedTime });
      });
      return `{"items":[${items.join(',')}],"total":${JSON.stringify(page.total)},"limit":${JSON.stringify(page.limit)},"offset":${JSON.stringify(page.offset)}}`;
    },
    update: (id, input) =>
      mutex.run(() =>
        retrying(async () => {
          const changes = parseInput(updateSessionSchema, input, 'session update');
          const session = await load(id);
          const now = clock.now();
          if (changes.duration !== undefined) {
            checkDuration(changes.duration);
            if (session.status === 'stopped' || session.status === 'completed') {
              throw new VajraError('SESSION_INVALID_TRANSITION', `Cannot change the duration of a ${session.status} session`, { status: 409 });
            }
            if (changes.duration <= liveElapsed(session, now)) {
              throw new VajraError('VALIDATION_FAILED', 'Invalid session update: duration: must exceed the elapsed time', { status: 422 });
            }
          }
          const next: Session = { ...session, ...(changes as Partial<Session>), updatedAt: isoInstant(now) };
          const saved = await save(next, 'update', session);
          if (next.status === 'running' && changes.duration !== undefined) schedule(next);
          return saved;
        }),
      ),
    delete: (id) =>
      mutex.run(async () => {
        const session = await load(id);
        if (session.status === 'running' || session.status === 'paused') {
          throw new VajraError('SESSION_ACTIVE', `Session "${id}" is ${session.status}: stop it before deleting it`, { status: 409 });
        }
        await sessions.delete(id);
        events.emit('session:deleted', { session: view(session) });
        return view(session);
      }),
    start: transition('start'),
    pause: transition('pause'),
    resume: transition('resume'),
    stop: transition('stop'),
    recover: () =>
      mutex.run(async () => {
        if (!config.recover) return;
        for (let offset = 0; ; ) {
          const page = await sessions.list({ where: { status: 'running' }, limit: 500, offset });
          let stillRunning = 0;
          for (const session of page.items) {
            if (completionInstant(session) <= clock.now()) {
              await completeStored(session, completionInstant(session));
            } else {
              schedule(session);
              stillRunning += 1;
              events.emit('session:recovered', { session: view(session) });
            }
          }
          // Completed sessions leave the `running` filter, so only advance past the ones still running.
          offset += stillRunning;
          if (page.items.length < 500) break;
        }
      }),
    halt() {
      for (const id of [...timers.keys()]) unschedule(id);
    },
    observe: (name, session) =>
      mutex.run(async () => {
        if (!work.isHolder() || typeof session?.id !== 'string') return;
        if (name === 'session:paused' || name === 'session:stopped' || name === 'session:completed' || name === 'session:deleted') return unschedule(session.id);
        // The payload reports live elapsed time; the schedule needs the stored running stretch.
        const stored = await sessions.get(session.id);
        if (stored?.status === 'running') schedule(stored);
        else unschedule(session.id);
      }),
  };
}

const eventNames = {
  create: 'session:created',
  update: 'session:updated',
  start: 'session:started',
  pause: 'session:paused',
  resume: 'session:resumed',
  stop: 'session:stopped',
  complete: 'session:completed',
} as const;
