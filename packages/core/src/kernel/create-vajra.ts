import type * as z from 'zod/v4/core';
import { systemClock, type Clock } from '../clock/clock';
import { coreConfigSchema, type CoreConfig, type CoreConfigInput } from '../config/core-config-schema';
import { resolveConfig } from '../config/resolve-config';
import { VajraError, isVajraError } from '../errors/vajra-error';
import { bridgeBus, DEFAULT_BUS_DOMAINS } from '../bus/bridge-bus';
import type { Bus } from '../bus/bus';
import { createEventHub, type EventBus } from '../events/event-bus';
import { createId } from '../ids/create-id';
import { createStoreLease } from '../lease/store-lease';
import { createWorkCoordinator } from '../lease/work-coordinator';
import { createWorkScope, type WorkScope } from '../lease/work-scope';
import type { Session } from '../sessions/session';
import type { Wheel } from '../wheels/wheel';
import { createConsoleLogger, type Logger } from '../logger/logger';
import type { PluginApiOf, VajraPlugin, VajraPluginConfigs } from '../plugins/define-plugin';
import { createKernelHooks } from '../plugins/kernel-hooks';
import { orderPlugins } from '../plugins/order-plugins';
import { createSessionService, type SessionService } from '../sessions/session-service';
import { createMemoryStore } from '../store/memory-store';
import type { Store } from '../store/store';
import type { Mantra } from '../wheels/mantras';
import { createWheelService, type WheelService } from '../wheels/wheel-service';

/**
 * Explicit configuration: the kernel's keys plus one section per plugin id.
 *
 * @example
 * ```ts
 * const config: VajraConfigInput = {
 *   logLevel: 'warn',
 *   sessions: { maxDuration: 4 * 3600 },
 *   wheels: { tickIntervalMs: 250 },
 *   audio: { spectrumRate: 10 },
 * };
 * const vajra = createVajra({ plugins: [audioPlugin()], config });
 * ```
 */
export type VajraConfigInput = CoreConfigInput & { [Id in keyof VajraPluginConfigs]?: VajraPluginConfigs[Id] } & Record<string, unknown>;

/**
 * Options of {@link createVajra}.
 *
 * @example
 * ```ts
 * const vajra = createVajra({
 *   plugins: [audioPlugin()],
 *   store: createSqliteStore({ path: './vajra.db' }),
 *   config: { sessions: { maxDuration: 3600 } },
 *   logger: createConsoleLogger({ level: 'warn' }),
 *   mantras: [{ id: 'white-tara', name: 'White Tara', deity: 'White Tara', text: 'Om Tare Tuttare Ture Soha', transliteration: 'oṃ tāre tuttāre ture svāhā', meaning: 'Long life' }],
 * });
 * ```
 */
export interface CreateVajraOptions {
  plugins?: ReadonlyArray<VajraPlugin<string, unknown, z.$ZodType | undefined>>;
  /** Durable store; an in-memory store by default. */
  store?: Store;
  clock?: Clock;
  config?: VajraConfigInput;
  logger?: Logger;
  /** Environment to read `VAJRA_*` from; `process.env` by default (empty in a browser). */
  env?: Record<string, string | undefined>;
  /** Extra mantras for the wheel library. */
  mantras?: readonly Mantra[];
  /**
   * Shares this instance's client-visible events with the other instances of a deployment (and receives
   * theirs) — `createPostgresBus` of `@vajra-stream/store-postgres` or `createRedisBus` of
   * `@vajra-stream/bus-redis`. Without it events stay in this process. The kernel never closes the bus.
   */
  bus?: Bus;
  /** Event domains shared on the bus; {@link DEFAULT_BUS_DOMAINS} by default. */
  busDomains?: readonly string[];
  /** This instance's name on the bus; a fresh unique id by default. */
  instanceId?: string;
  /** Timing of the work lease that instances on a bus share (see {@link WorkLeaseOptions}). */
  work?: WorkLeaseOptions;
}

/**
 * Timing of the work lease. With a bus, one instance at a time runs the once-only work (wheel ticks,
 * session completion, a session's audio, plugins' `ctx.work` timers) under a lease kept in the store; it
 * renews the lease every `renewSeconds`, and when it dies another instance takes over once the lease has
 * run out: within `leaseSeconds + renewSeconds` of its last renewal (4 s by default).
 *
 * @example
 * ```ts
 * // another instance takes the work over within 5 + 1 s of this one's last renewal
 * const vajra = createVajra({ store, bus, work: { leaseSeconds: 5, renewSeconds: 1, continuitySeconds: 60 } });
 * ```
 */
export interface WorkLeaseOptions {
  /** How long a lease lasts unless renewed (default 3). */
  leaseSeconds?: number;
  /** How often the holder renews and the others try to take over (default 1). */
  renewSeconds?: number;
  /**
   * A takeover within this many seconds of the old lease running out continues the free wheels' spinning
   * stretch (they spun on the old holder meanwhile); later, they resume from their last count as after a
   * restart (default 30).
   */
  continuitySeconds?: number;
}

/**
 * Options of {@link Vajra.stop}.
 *
 * @example
 * ```ts
 * await vajra.stop({ stopSessions: true }); // running and paused sessions end as `stopped` instead of resuming at the next start
 * ```
 */
export interface StopOptions {
  /** Also stop running and paused sessions (otherwise they resume at the next start). */
  stopSessions?: boolean;
}

/**
 * A Vajra.Stream kernel.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [audioPlugin()] });
 * await vajra.start();
 * const session = await vajra.sessions.create({ intention: 'peace', duration: 600 });
 * ```
 */
export interface Vajra {
  readonly events: EventBus;
  /** This instance's name on the bus (the `origin` of the events it publishes). */
  readonly instanceId: string;
  /** The bus shared with the other instances, if any. */
  readonly bus: Bus | undefined;
  /** The once-only work of the deployment: whether this instance holds it, and its lease's health. */
  readonly work: WorkScope;
  readonly sessions: SessionService;
  readonly wheels: WheelService;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The kernel's resolved configuration (available after `start`). */
  readonly config: CoreConfig;
  /** Validate config, set plugins up in dependency order, and recover sessions and wheels. */
  start(): Promise<void>;
  /** Dispose plugins in reverse order, persist counts, stop timers. Sessions stay running unless asked. */
  stop(options?: StopOptions): Promise<void>;
  /** The typed api of an installed plugin. */
  plugin<Id extends string>(id: Id): PluginApiOf<Id>;
  hasPlugin(id: string): boolean;
  /** Ids of installed plugins in start order. */
  pluginIds(): string[];
  /**
   * True when an installed plugin lists event `name` in its `publicEvents`: it concerns no one in
   * particular and servers forward it to every subscriber (other events without an owner go to admins only).
   */
  isPublicEvent(name: string): boolean;
  /** Ready when started, the store answers and the bus (if any) is connected. */
  ready(): Promise<boolean>;
  readonly status: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';
}

const defaultEnv = (): Record<string, string | undefined> => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * Create a kernel. Nothing runs until `start()`.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * const vajra = createVajra();
 * await vajra.start();
 * const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 30 });
 * await vajra.wheels.start(wheel.id);
 * ```
 */
export function createVajra(options: CreateVajraOptions = {}): Vajra {
  const env = options.env ?? defaultEnv();
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryStore();
  const explicit = (options.config ?? {}) as Record<string, unknown>;
  // Read the log level early so the default logger honours it; full validation happens at start.
  const logger = options.logger ?? createConsoleLogger({ level: pickLogLevel(explicit.logLevel ?? env.VAJRA_LOG_LEVEL) });
  const hub = createEventHub(logger.child({ component: 'events' }));
  const events = hub.events;
  const instanceId = options.instanceId ?? createId('ins', clock.now());
  let disconnectBus: (() => void) | undefined;
  const timing = { leaseSeconds: 3, renewSeconds: 1, continuitySeconds: 30, ...options.work };
  if (!(timing.leaseSeconds > 0 && timing.renewSeconds > 0 && timing.renewSeconds < timing.leaseSeconds && timing.continuitySeconds >= 0)) {
    throw new VajraError('VALIDATION_FAILED', 'work: leaseSeconds and renewSeconds must be positive, renewSeconds below leaseSeconds', { status: 422 });
  }
  const coordinator = createWorkCoordinator({
    lease: options.bus === undefined ? undefined : createStoreLease({ store, clock, name: 'kernel:work' }),
    instanceId,
    clock,
    logger: logger.child({ component: 'work' }),
    leaseMs: timing.leaseSeconds * 1000,
    renewMs: timing.renewSeconds * 1000,
    acquired: async (grant) => {
      const previous = grant?.previous;
      const continuous = previous != null && clock.now() - previous.expiresAt <= timing.continuitySeconds * 1000;
      await wheels?.recover({ continuous });
      await sessions?.recover();
    },
    lost: async () => {
      sessions?.halt();
      await wheels?.halt({ persist: false });
    },
  });
  const work = createWorkScope({ coordinator, hub, clock });
  const shared = { shared: options.bus !== undefined, isHolder: coordinator.isHolder, fence: coordinator.fence, fenceFailed: coordinator.fenceFailed };
  let offObserve: (() => void) | undefined;
  const plugins = orderPlugins(options.plugins ?? []);
  const publicEvents = new Set<string>(plugins.flatMap((plugin) => plugin.publicEvents ?? []));
  const hooks = createKernelHooks(logger.child({ component: 'hooks' }));
  const apis = new Map<string, unknown>();
  const started: Array<{ plugin: VajraPlugin<string, unknown>; api: unknown }> = [];
  const abort = new AbortController();
  let status: Vajra['status'] = 'idle';
  let config: CoreConfig | undefined;
  let sessions: ReturnType<typeof createSessionService> | undefined;
  let wheels: ReturnType<typeof createWheelService> | undefined;

  const requireStarted = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new VajraError('KERNEL_NOT_STARTED', `Call vajra.start() before using ${what}`);
    return value;
  };

  const disposeStarted = async (): Promise<void> => {
    for (const { plugin, api } of started.reverse()) {
      try {
        await plugin.dispose?.(api);
      } catch (error) {
        logger.error('plugin dispose failed', { plugin: plugin.id, error });
      }
    }
    started.length = 0;
  };

  /** Release everything start() acquired, newest first; shared by a failed start() and by stop(). */
  const shutDown = async (): Promise<void> => {
    abort.abort();
    await disposeStarted();
    sessions?.halt();
    await wheels?.halt();
    await coordinator.stop();
    offObserve?.();
    disconnectBus?.();
    status = 'stopped';
  };

  const kernel: Vajra = {
    events,
    instanceId,
    bus: options.bus,
    work,
    store,
    clock,
    logger,
    get sessions() {
      return requireStarted(sessions, 'vajra.sessions');
    },
    get wheels() {
      return requireStarted(wheels, 'vajra.wheels');
    },
    get config() {
      return requireStarted(config, 'vajra.config');
    },
    get status() {
      return status;
    },
    async start() {
      if (status !== 'idle') throw new VajraError('KERNEL_ALREADY_STARTED', `The kernel is ${status}; create a new one to start again`);
      status = 'starting';
      try {
        const { plugins: _ignored, ...coreExplicit } = explicit;
        config = resolveConfig(coreConfigSchema.passthrough(), coreExplicit, env) as CoreConfig;
        const pluginConfigs = plugins.map((plugin) => {
          if (plugin.specificationVersion !== 'v1') {
            throw new VajraError('PLUGIN_SPEC_UNSUPPORTED', `Plugin "${plugin.id}" uses specification ${String(plugin.specificationVersion)}; this kernel supports v1`);
          }
          return plugin.configSchema === undefined ? undefined : resolveConfig(plugin.configSchema, explicit[plugin.id], env, [plugin.id]);
        });
        if (options.bus !== undefined) {
          disconnectBus = bridgeBus({ bus: options.bus, hub, instanceId, domains: options.busDomains ?? DEFAULT_BUS_DOMAINS, logger: logger.child({ component: 'bus' }) });
        }
        const services = { store, events, clock };
        wheels = createWheelService({ ...services, logger: logger.child({ component: 'wheels' }), config: config.wheels, mantras: options.mantras, work: shared });
        sessions = createSessionService({ ...services, logger: logger.child({ component: 'sessions' }), config: config.sessions, follower: wheels, work: shared });
        offObserve = observeOtherInstances(hub.onRemote, sessions, wheels, logger);
        for (const [index, plugin] of plugins.entries()) {
          const declared = new Set(plugin.dependsOn ?? []);
          const pluginLogger = logger.child({ plugin: plugin.id });
          try {
            const api = await plugin.setup({
              id: plugin.id,
              config: pluginConfigs[index],
              events,
              store,
              clock,
              logger: pluginLogger,
              signal: abort.signal,
              sessions,
              wheels,
              work,
              hooks,
              use: ((id: string) => {
                if (!declared.has(id)) throw new VajraError('PLUGIN_DEPENDENCY_MISSING', `Plugin "${plugin.id}" uses "${id}" without declaring it in dependsOn`);
                return apis.get(id);
              }) as never,
            });
            apis.set(plugin.id, api);
            started.push({ plugin, api });
          } catch (error) {
            if (isVajraError(error) && error.code === 'PLUGIN_DEPENDENCY_MISSING') throw error;
            throw new VajraError('PLUGIN_SETUP_FAILED', `Plugin "${plugin.id}" failed to start: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
              details: { plugin: plugin.id },
            });
          }
        }
        await coordinator.start();
        status = 'running';
        events.emit('kernel:started', { plugins: plugins.map((p) => p.id) });
      } catch (error) {
        await shutDown();
        throw error;
      }
    },
    async stop(stopOptions = {}) {
      if (status !== 'running') return;
      status = 'stopping';
      events.emit('kernel:stopping', {});
      if (stopOptions.stopSessions === true && sessions !== undefined) {
        for (const state of ['running', 'paused'] as const) {
          for (;;) {
            const page = await sessions.list({ status: state, limit: 200 });
            for (const session of page.items) await sessions.stop(session.id);
            if (page.items.length === 0 || page.total <= page.items.length) break;
          }
        }
      }
      await shutDown();
    },
    plugin<Id extends string>(id: Id): PluginApiOf<Id> {
      if (!apis.has(id)) throw new VajraError('PLUGIN_NOT_FOUND', `Plugin "${id}" is not installed or not started`, { status: 404 });
      return apis.get(id) as PluginApiOf<Id>;
    },
    hasPlugin: (id) => apis.has(id),
    pluginIds: () => plugins.map((p) => p.id),
    isPublicEvent: (name) => publicEvents.has(name),
    async ready() {
      if (status !== 'running' || (options.bus !== undefined && !options.bus.health().connected)) return false;
      return store.ready().catch(() => false);
    },
  };
  return kernel;
}

function pickLogLevel(value: unknown): 'debug' | 'info' | 'warn' | 'error' | 'silent' {
  return value === 'debug' || value === 'warn' || value === 'error' || value === 'silent' ? value : 'info';
}

/** The work holder keeps its timers in step with what other instances do to sessions and wheels. */
function observeOtherInstances(
  onRemote: (listener: (name: string, payload: unknown) => unknown) => () => void,
  sessions: { observe(name: string, session: Session): Promise<void> },
  wheels: { observe(name: string, wheel: Wheel): Promise<void> },
  logger: Logger,
): () => void {
  return onRemote((name, payload) => {
    const { session, wheel } = (payload ?? {}) as { session?: Session; wheel?: Wheel };
    const report = (error: unknown): void => logger.error('following another instance failed', { event: name, error: error instanceof Error ? error.message : String(error) });
    if (name.startsWith('session:') && session !== undefined) sessions.observe(name, session).catch(report);
    if (name.startsWith('wheel:') && wheel !== undefined) wheels.observe(name, wheel).catch(report);
  });
}
