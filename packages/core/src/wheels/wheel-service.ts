import * as z from 'zod';
import type { Clock, TimerHandle } from '../clock/clock';
import type { CoreConfig } from '../config/core-config-schema';
import { VajraError } from '../errors/vajra-error';
import type { EventBus } from '../events/event-bus';
import { createId } from '../ids/create-id';
import type { Logger } from '../logger/logger';
import { createAsyncMutex } from '../store/async-mutex';
import type { ListResult, Store, StoreTransaction } from '../store/store';
import type { Session } from '../sessions/session';
import { completionInstant } from '../sessions/session-timing';
import type { SessionFollower } from '../sessions/session-follower';
import { parseInput } from '../validation/parse-input';
import { builtInMantras, mantraSchema, type Mantra } from './mantras';
import { createWheelSchema, dedicationTextSchema, type CreateWheelInput, type Wheel, type WheelDedication } from './wheel';
import { addCounts, recitationsOf } from './wheel-counting';
import { advanceWheel, followSession, resumeWheel, startWheel, stopWheel } from './wheel-motion';
import { createUnattachedSessions } from './unattached-sessions';
import { isoInstant, parseInstant } from '../clock/iso-instant';

/**
 * Totals of one wheel, as returned by `vajra.wheels.stats(id)`.
 *
 * @example
 * ```ts
 * const stats: WheelStats = await vajra.wheels.stats(wheel.id);
 * // 30 rpm for an hour, 1000 copies per rotation:
 * // { wheelId, status: 'spinning', rpm: 30, rotations: '1800', recitations: '1800000', spinningSeconds: 3600, dedications: 1 }
 * ```
 */
export interface WheelStats {
  wheelId: string;
  status: Wheel['status'];
  rpm: number;
  rotations: string;
  recitations: string;
  spinningSeconds: number;
  dedications: number;
}

/**
 * Totals over many wheels, as returned by `vajra.wheels.stats()`.
 *
 * @example
 * ```ts
 * const totals: WheelTotals = await vajra.wheels.stats({ owner: 'user_42' });
 * console.log(`${totals.spinning} of ${totals.wheels} wheels spinning, ${totals.recitations} recitations in all`);
 * ```
 */
export interface WheelTotals {
  wheels: number;
  spinning: number;
  rotations: string;
  recitations: string;
  dedications: number;
}

/**
 * `vajra.wheels`: digital prayer wheels with exact, durable counting.
 *
 * @example
 * ```ts
 * const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1_000_000, rpm: 12 });
 * await vajra.wheels.start(wheel.id);
 * ```
 */
export interface WheelService {
  mantras(): Mantra[];
  registerMantra(mantra: z.input<typeof mantraSchema>): Mantra;
  create(input: CreateWheelInput, options?: { owner?: string | null }): Promise<Wheel>;
  get(id: string): Promise<Wheel>;
  list(options?: { status?: Wheel['status']; owner?: string | null; sessionId?: string; limit?: number; offset?: number }): Promise<ListResult<Wheel>>;
  start(id: string): Promise<Wheel>;
  stop(id: string): Promise<Wheel>;
  setRpm(id: string, rpm: number): Promise<Wheel>;
  /**
   * Count whole rotations turned outside the clock (a physical wheel's sensor), exactly and durably:
   * stored, then announced with `wheel:rotated`. Refused with `WHEEL_INVALID_STATE` while the wheel
   * spins by the clock, so no rotation is counted twice.
   */
  addRotations(id: string, rotations: number | string): Promise<Wheel>;
  attach(id: string, sessionId: string | null): Promise<Wheel>;
  delete(id: string): Promise<Wheel>;
  dedicate(id: string, text: string): Promise<WheelDedication>;
  dedications(id: string, options?: { limit?: number; offset?: number }): Promise<ListResult<WheelDedication>>;
  stats(id: string): Promise<WheelStats>;
  stats(options?: { owner?: string | null }): Promise<WheelTotals>;
}

/** Internal hooks the kernel uses around its lifecycle. */
export interface WheelLifecycle extends SessionFollower {
  /**
   * Take the spinning wheels over from the store. `continuous`: another instance was spinning them until
   * moments ago (a takeover), so free wheels go on counting their stretch instead of resuming from the last count.
   */
  recover(options?: { continuous?: boolean }): Promise<void>;
  /** Stop ticking; with `persist` (default) store the counts reached so far first. */
  halt(options?: { persist?: boolean }): Promise<void>;
  /** Another instance changed a wheel: the work holder starts or stops counting it. */
  observe(name: string, wheel: Wheel): Promise<void>;
}

/** What the wheel service needs of the kernel's work lease. */
export interface WheelWork {
  /** True when other instances share the store (the store, not memory, is the truth about a wheel). */
  shared: boolean;
  isHolder(): boolean;
  fence(tx: StoreTransaction): Promise<void>;
  fenceFailed(): Promise<void>;
}

const alone: WheelWork = { shared: false, isHolder: () => true, fence: async () => undefined, fenceFailed: async () => undefined };

interface Dependencies {
  store: Store;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  config: CoreConfig['wheels'];
  mantras?: readonly Mantra[];
  /** The work lease: ticks run on its holder only and are fenced. Alone by default. */
  work?: WheelWork;
}

/**
 * Build the prayer-wheel service of a kernel.
 * @example
 * ```ts
 * // The kernel builds it; programs use `vajra.wheels`.
 * const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 30 });
 * ```
 */
export function createWheelService({ store, events, clock, logger, config, mantras = [], work = alone }: Dependencies): WheelService & WheelLifecycle {
  const wheels = store.collection<Wheel>('wheels');
  const dedicationsOf = store.collection<WheelDedication>('wheel_dedications');
  const sessionsOf = store.collection<Session>('sessions');
  const library = new Map<string, Mantra>([...builtInMantras, ...mantras].map((m) => [m.id, m]));
  const mutex = createAsyncMutex();
  const spinning = new Map<string, Wheel>();
  // Alone, this instance writes every wheel: a session it found without wheels keeps none until it attaches one.
  const unattached = createUnattachedSessions();
  let ticker: TimerHandle | undefined;

  const rpmSchema = z.number().positive().max(config.maxRpm);
  const checkRpm = (rpm: unknown): number => parseInput(rpmSchema, rpm, 'rpm');

  const load = async (id: string): Promise<Wheel> => {
    const valid = typeof id === 'string' && id.length <= 200;
    const wheel = valid ? ((work.shared ? undefined : spinning.get(id)) ?? (await wheels.get(id))) : undefined;
    if (wheel === undefined) throw new VajraError('WHEEL_NOT_FOUND', `No wheel with id "${String(id)}"`, { status: 404 });
    return wheel;
  };

  const announceRotations = (before: Wheel, after: Wheel): void => {
    if (after.rotations === before.rotations) return;
    events.emit('wheel:rotated', {
      wheelId: after.id,
      owner: after.owner,
      rotations: after.rotations,
      recitations: after.recitations,
      delta: (BigInt(after.rotations) - BigInt(before.rotations)).toString(),
      at: after.updatedAt,
    });
  };

  /**
   * The instant a wheel may be counted to at `now`: a wheel attached to a running session never past the
   * session's end, even when a tick comes before the completion is written (the completion stops it there).
   */
  const countUntil = async (tx: StoreTransaction, wheel: Wheel, now: number): Promise<number> => {
    if (wheel.sessionId === null || wheel.segment === null) return now;
    const session = await tx.collection<Session>('sessions').get(wheel.sessionId);
    if (session?.status !== 'running' || session.runningSince === null) return now;
    return Math.max(parseInstant(wheel.segment.lastTickAt), Math.min(now, completionInstant(session)));
  };

  const syncTicker = (): void => {
    if (spinning.size > 0 && ticker === undefined && work.isHolder()) ticker = clock.setInterval(() => void tick(), config.tickIntervalMs);
    if (spinning.size === 0 && ticker !== undefined) {
      clock.clearInterval(ticker);
      ticker = undefined;
    }
  };

  /**
   * Count every spinning wheel and persist all changed counts in one transaction, then announce them. When
   * instances share the store, each wheel is counted from its stored stretch, read in the fenced transaction:
   * a wheel stopped elsewhere is dropped, and a holder that lost the lease writes nothing.
   */
  const tick = (): Promise<void> =>
    mutex
      .run(async () => {
        const now = clock.now();
        const changed: Array<[Wheel, Wheel]> = [];
        const gone: string[] = [];
        const local = [...spinning.values()].map((wheel) => [wheel, advanceWheel(wheel, now)] as const);
        if (!work.shared && local.every(([wheel, next]) => next.rotations === wheel.rotations)) return;
        await store.transaction(async (tx) => {
          changed.length = 0;
          gone.length = 0;
          await work.fence(tx);
          const collection = tx.collection<Wheel>('wheels');
          for (const [wheel, advanced] of local) {
            const stored = work.shared ? await collection.get(wheel.id) : wheel;
            if (stored === undefined || stored.segment === null) {
              gone.push(wheel.id);
              continue;
            }
            const until = await countUntil(tx, stored, now);
            const next = !work.shared && until === now ? advanced : advanceWheel(stored, until);
            if (next.rotations === stored.rotations) continue;
            await collection.put(next.id, next);
            changed.push([stored, next]);
          }
        });
        for (const id of gone) spinning.delete(id);
        for (const [before, next] of changed) {
          spinning.set(next.id, next);
          announceRotations(before, next);
        }
        syncTicker();
      })
      .catch(async (error: unknown) => {
        if ((error as { code?: unknown }).code === 'LEASE_LOST') return work.fenceFailed();
        logger.error('wheel tick failed', { error });
      });

  const track = (wheel: Wheel): void => {
    if (wheel.segment === null || !work.isHolder()) spinning.delete(wheel.id);
    else spinning.set(wheel.id, wheel);
  };

  const persist = async (before: Wheel, next: Wheel, event: 'wheel:started' | 'wheel:stopped' | 'wheel:updated' | null): Promise<Wheel> => {
    await wheels.put(next.id, next);
    track(next);
    syncTicker();
    announceRotations(before, next);
    if (event !== null) events.emit(event, { wheel: next });
    return next;
  };

  const start = (id: string) =>
    mutex.run(async () => {
      const wheel = await load(id);
      if (wheel.status === 'spinning') return wheel;
      return persist(wheel, startWheel(wheel, clock.now()), 'wheel:started');
    });

  const stop = (id: string) =>
    mutex.run(async () => {
      const wheel = await load(id);
      if (wheel.status === 'stopped') return wheel;
      const since = wheel.segment === null ? clock.now() : parseInstant(wheel.segment.lastTickAt);
      return persist(wheel, stopWheel(wheel, Math.max(since, clock.now())), 'wheel:stopped');
    });

  /** Persist a session transition together with its attached wheels' changes, in one transaction. */
  const follow: SessionFollower['follow'] = (write, announce) =>
    mutex.run(async () => {
      const changes: Array<[Wheel, Wheel]> = [];
      let sessionId: string | undefined;
      let attached = 0;
      await store.transaction(async (tx) => {
        // A store may run this work again after a serialization conflict (PostgreSQL): start from scratch.
        changes.length = 0;
        attached = 0;
        const session = await write(tx);
        sessionId = session.id;
        if (unattached.has(session.id)) return;
        // Read after the transition stamped its instant: a clock read before it (a store round trip earlier)
        // would start the wheels before their session and count rotations it never ran.
        const now = clock.now();
        const collection = tx.collection<Wheel>('wheels');
        for (let offset = 0; ; offset += 200) {
          const page = await collection.list({ where: { sessionId: session.id }, limit: 200, offset });
          attached += page.items.length;
          for (const stored of page.items) {
            const wheel = (work.shared ? undefined : spinning.get(stored.id)) ?? stored;
            const next = followSession(wheel, session, now);
            if (next === wheel) continue;
            await collection.put(next.id, next);
            changes.push([wheel, next]);
          }
          if (page.items.length < 200) break;
        }
      });
      if (!work.shared && attached === 0 && sessionId !== undefined) unattached.add(sessionId);
      for (const [, next] of changes) track(next);
      syncTicker();
      announce();
      for (const [before, next] of changes) {
        announceRotations(before, next);
        events.emit(next.status === 'spinning' ? 'wheel:started' : 'wheel:stopped', { wheel: next });
      }
    });

  async function stats(arg?: string | { owner?: string | null }): Promise<WheelStats | WheelTotals> {
    if (typeof arg === 'string') {
      const wheel = advanceWheel(await load(arg), clock.now());
      return {
        wheelId: wheel.id,
        status: wheel.status,
        rpm: wheel.rpm,
        rotations: wheel.rotations,
        recitations: wheel.recitations,
        spinningSeconds: wheel.spinningSeconds,
        dedications: wheel.dedications,
      };
    }
    const totals: WheelTotals = { wheels: 0, spinning: 0, rotations: '0', recitations: '0', dedications: 0 };
    const where: Record<string, string | null> = arg?.owner === undefined ? {} : { owner: arg.owner };
    for (let offset = 0; ; offset += 500) {
      const page = await wheels.list({ where, limit: 500, offset });
      for (const stored of page.items) {
        const wheel = advanceWheel((work.shared ? undefined : spinning.get(stored.id)) ?? stored, clock.now());
        totals.wheels += 1;
        if (wheel.status === 'spinning') totals.spinning += 1;
        totals.rotations = addCounts(totals.rotations, wheel.rotations);
        totals.recitations = addCounts(totals.recitations, wheel.recitations);
        totals.dedications += wheel.dedications;
      }
      if (page.items.length < 500) break;
    }
    return totals;
  }

  return {
    mantras: () => [...library.values()],
    registerMantra(input) {
      const mantra = parseInput(mantraSchema, input, 'mantra');
      library.set(mantra.id, mantra);
      return mantra;
    },
    async create(input, options = {}) {
      const parsed = parseInput(createWheelSchema, input, 'wheel');
      const rpm = checkRpm(parsed.rpm);
      let mantra: Mantra;
      if (typeof parsed.mantra === 'string') {
        const found = library.get(parsed.mantra);
        if (found === undefined) throw new VajraError('MANTRA_NOT_FOUND', `No mantra with id "${parsed.mantra}"`, { status: 404, details: { known: [...library.keys()] } });
        mantra = found;
      } else {
        const custom = parsed.mantra;
        mantra = {
          id: 'custom',
          name: custom.name ?? custom.text.slice(0, 60),
          deity: custom.deity ?? '',
          text: custom.text,
          transliteration: custom.transliteration ?? custom.text,
          meaning: custom.meaning ?? '',
        };
      }
      const now = clock.now();
      const wheel: Wheel = {
        id: createId('whl', now),
        name: parsed.name ?? mantra.name,
        mantra,
        copiesPerRotation: BigInt(parsed.copiesPerRotation).toString(),
        rpm,
        status: 'stopped',
        rotations: '0',
        recitations: '0',
        spinningSeconds: 0,
        phase: 0,
        sessionId: parsed.sessionId ?? null,
        owner: options.owner ?? null,
        dedications: 0,
        createdAt: isoInstant(now),
        updatedAt: isoInstant(now),
        startedAt: null,
        stoppedAt: null,
        segment: null,
      };
      // Under the mutex, so that no session transition is between its look for attached wheels and remembering none.
      await mutex.run(async () => {
        if (wheel.sessionId !== null) unattached.delete(wheel.sessionId);
        await wheels.put(wheel.id, wheel);
      });
      events.emit('wheel:created', { wheel });
      return wheel;
    },
    get: async (id) => load(id),
    list: (options = {}) => {
      const where: Record<string, string | null> = {};
      if (options.status !== undefined) where.status = options.status;
      if (options.owner !== undefined) where.owner = options.owner;
      if (options.sessionId !== undefined) where.sessionId = options.sessionId;
      return wheels.list({ where, limit: options.limit, offset: options.offset });
    },
    start,
    stop,
    setRpm: (id, rpm) =>
      mutex.run(async () => {
        const value = checkRpm(rpm);
        const wheel = await load(id);
        const now = clock.now();
        if (wheel.status !== 'spinning') return persist(wheel, { ...wheel, rpm: value, updatedAt: isoInstant(now) }, 'wheel:updated');
        const counted = stopWheel(wheel, now);
        return persist(wheel, startWheel({ ...counted, rpm: value, startedAt: wheel.startedAt }, now), 'wheel:updated');
      }),
    addRotations: (id, rotations) =>
      mutex.run(async () => {
        const count = parseInput(z.union([z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9][0-9]{0,29}$/)]), rotations, 'rotations');
        const wheel = await load(id);
        if (wheel.status === 'spinning') throw new VajraError('WHEEL_INVALID_STATE', `Wheel "${id}" spins by the clock: stop it before counting sensed rotations`, { status: 409 });
        const total = addCounts(wheel.rotations, String(count));
        return persist(wheel, { ...wheel, rotations: total, recitations: recitationsOf(total, wheel.copiesPerRotation), updatedAt: isoInstant(clock.now()) }, null);
      }),
    attach: (id, sessionId) =>
      mutex.run(async () => {
        const value = sessionId === null ? null : parseInput(z.string().min(1).max(200), sessionId, 'session id');
        const wheel = await load(id);
        if (value !== null) unattached.delete(value);
        const attached = await persist(wheel, { ...wheel, sessionId: value, updatedAt: isoInstant(clock.now()) }, 'wheel:updated');
        const session = value === null ? undefined : await sessionsOf.get(value);
        return session?.status === 'running' && attached.status === 'stopped' ? persist(attached, startWheel(attached, clock.now()), 'wheel:started') : attached;
      }),
    delete: (id) =>
      mutex.run(async () => {
        const wheel = await load(id);
        if (wheel.status === 'spinning') throw new VajraError('WHEEL_INVALID_STATE', `Wheel "${id}" is spinning: stop it before deleting it`, { status: 409 });
        await wheels.delete(id);
        events.emit('wheel:deleted', { wheel });
        return wheel;
      }),
    dedicate: (id, text) =>
      mutex.run(async () => {
        const body = parseInput(dedicationTextSchema, text, 'dedication');
        let wheel = await load(id);
        const now = clock.now();
        const dedicationId = createId('ded', now);
        let counted = wheel;
        let dedication!: WheelDedication;
        // Counted from the wheel as stored in the transaction, so dedications made on two instances at once both count.
        await store.transaction(async (tx) => {
          const stored = work.shared ? await tx.collection<Wheel>('wheels').get(id) : wheel;
          if (stored === undefined) throw new VajraError('WHEEL_NOT_FOUND', `No wheel with id "${id}"`, { status: 404 });
          wheel = stored;
          counted = { ...advanceWheel(stored, now), dedications: stored.dedications + 1 };
          dedication = { id: dedicationId, wheelId: id, text: body, at: isoInstant(now), rotations: counted.rotations, recitations: counted.recitations, owner: stored.owner };
          await tx.collection<Wheel>('wheels').put(id, counted);
          await tx.collection<WheelDedication>('wheel_dedications').put(dedication.id, dedication);
        });
        if (counted.segment !== null && work.isHolder()) spinning.set(id, counted);
        announceRotations(wheel, counted);
        events.emit('wheel:dedicated', { wheel: counted, dedication });
        return dedication;
      }),
    dedications: async (id, options = {}) => {
      await load(id);
      return dedicationsOf.list({ where: { wheelId: id }, limit: options.limit, offset: options.offset });
    },
    stats: stats as WheelService['stats'],
    follow,
    recover: (options = {}) =>
      mutex.run(async () => {
        const now = clock.now();
        for (let offset = 0; ; offset += 500) {
          const page = await wheels.list({ where: { status: 'spinning' }, limit: 500, offset });
          for (const wheel of page.items) {
            const session = wheel.sessionId === null ? undefined : await sessionsOf.get(wheel.sessionId);
            const resumed = options.continuous === true && session === undefined ? wheel : resumeWheel(wheel, session, now);
            if (resumed !== wheel) await wheels.put(resumed.id, resumed);
            track(resumed);
          }
          if (page.items.length < 500) break;
        }
        syncTicker();
      }),
    halt: (options = {}) =>
      mutex.run(async () => {
        if (ticker !== undefined) clock.clearInterval(ticker);
        ticker = undefined;
        // Persist the counts reached so far; the wheels stay `spinning` and resume at the next start (or on the next holder).
        const now = clock.now();
        const settled: Array<readonly [Wheel, Wheel]> = [];
        if (options.persist !== false && spinning.size > 0) {
          await store
            .transaction(async (tx) => {
              settled.length = 0;
              await work.fence(tx);
              for (const wheel of spinning.values()) {
                const stored = work.shared ? await tx.collection<Wheel>('wheels').get(wheel.id) : wheel;
                if (stored === undefined || stored.segment === null) continue;
                const next = advanceWheel(stored, await countUntil(tx, stored, now));
                await tx.collection<Wheel>('wheels').put(next.id, next);
                settled.push([stored, next]);
              }
            })
            .catch((error: unknown) => {
              if ((error as { code?: unknown }).code !== 'LEASE_LOST') throw error;
            });
          for (const [before, next] of settled) announceRotations(before, next);
        }
        spinning.clear();
      }),
    observe: (name, wheel) =>
      mutex.run(async () => {
        if (!work.isHolder() || typeof wheel?.id !== 'string') return;
        if (name === 'wheel:deleted' || wheel.status !== 'spinning') spinning.delete(wheel.id);
        else spinning.set(wheel.id, wheel);
        syncTicker();
      }),
  };
}
