import type * as z from 'zod/v4/core';
import type { Clock } from '../clock/clock';
import type { EventBus } from '../events/event-bus';
import type { VajraEventName } from '../events/vajra-events';
import type { Logger } from '../logger/logger';
import type { SessionService } from '../sessions/session-service';
import type { Store } from '../store/store';
import type { WheelService } from '../wheels/wheel-service';
import type { WorkScope } from '../lease/work-scope';
import type { KernelHooks } from './kernel-hooks';

/**
 * The APIs of installed plugins by id. Plugins add themselves by declaration merging, which types
 * `vajra.plugin(id)` and `ctx.use(id)`:
 *
 * @example
 * ```ts
 * declare module '@vajra-stream/core' {
 *   interface VajraPluginApis { greeter: { greet(name: string): string } }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: plugins extend it by declaration merging, which a type alias cannot do
export interface VajraPluginApis {}

/**
 * The config sections of plugins by id, as accepted by `createVajra({ config })`. Extended by
 * declaration merging like {@link VajraPluginApis}.
 *
 * @example
 * ```ts
 * declare module '@vajra-stream/core' {
 *   interface VajraPluginConfigs { greeter: { greeting?: string } }
 * }
 * createVajra({ plugins: [greeter()], config: { greeter: { greeting: 'Tashi delek' } } });
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: plugins extend it by declaration merging, which a type alias cannot do
export interface VajraPluginConfigs {}

/**
 * The api type of plugin `Id`: from {@link VajraPluginApis} when declared, `unknown` otherwise.
 *
 * @example
 * ```ts
 * declare module '@vajra-stream/core' {
 *   interface VajraPluginApis { greeter: { greet(name: string): string } }
 * }
 * const greeter: PluginApiOf<'greeter'> = vajra.plugin('greeter');
 * greeter.greet('Tenzin');
 * ```
 */
export type PluginApiOf<Id extends string> = Id extends keyof VajraPluginApis ? VajraPluginApis[Id] : unknown;

/**
 * What a plugin's `setup` receives.
 *
 * @example
 * ```ts
 * const setup = (ctx: PluginContext<{ greeting: string }>) => {
 *   ctx.logger.info('greeter ready', { greeting: ctx.config.greeting });
 *   ctx.signal.addEventListener('abort', () => ctx.logger.info('kernel stopping'));
 *   return { greet: (name: string) => `${ctx.config.greeting}, ${name}` };
 * };
 * definePlugin({ specificationVersion: 'v1', id: 'greeter', configSchema: z.object({ greeting: z.string() }), setup });
 * ```
 */
export interface PluginContext<Config = undefined> {
  /** The plugin's id. */
  id: string;
  /** The plugin's parsed config section (defaults < `VAJRA_<ID>__*` env < explicit). */
  config: Config;
  events: EventBus;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Aborted when the kernel stops. */
  signal: AbortSignal;
  sessions: SessionService;
  wheels: WheelService;
  /** The deployment's once-only work: timers and event handlers that must run on one instance only. */
  work: WorkScope;
  /** Where plugins meet without depending on each other: the audio waits for `beforeAudio` tasks (an amplifier's pre-roll). */
  hooks: KernelHooks;
  /** The api of a plugin listed in `dependsOn`. */
  use<Id extends string>(id: Id): PluginApiOf<Id>;
}

/**
 * A plugin: an id, its dependencies, an optional config schema, and a setup that returns its api.
 *
 * @example
 * ```ts
 * const configSchema = z.object({ greeting: z.string().default('Tashi delek') });
 * const greeter: VajraPlugin<'greeter', { greet(name: string): string }, typeof configSchema> = {
 *   specificationVersion: 'v1',
 *   id: 'greeter',
 *   configSchema,
 *   setup: (ctx) => ({ greet: (name) => `${ctx.config.greeting}, ${name}` }),
 *   dispose: () => console.log('greeter stopped'),
 * };
 * const vajra = createVajra({ plugins: [greeter], config: { greeter: { greeting: 'Om' } } });
 * ```
 */
export interface VajraPlugin<Id extends string = string, Api = unknown, Schema extends z.$ZodType | undefined = z.$ZodType | undefined> {
  specificationVersion: 'v1';
  id: Id;
  dependsOn?: readonly string[];
  /**
   * Events of this plugin that concern no one in particular (a moon phase, a device's status): servers
   * forward them to every subscriber. Any other event that names no owner (no `owner`, session or wheel
   * in its payload) reaches administrators only.
   */
  publicEvents?: readonly VajraEventName[];
  configSchema?: Schema;
  setup(ctx: PluginContext<Schema extends z.$ZodType ? z.output<Schema> : undefined>): Api | Promise<Api>;
  /** Called at stop, in reverse dependency order. */
  dispose?(api: Api): void | Promise<void>;
}

/**
 * Declare a plugin (an identity function that keeps the types).
 *
 * @example
 * ```ts
 * export const greeter = () =>
 *   definePlugin({
 *     specificationVersion: 'v1',
 *     id: 'greeter',
 *     setup: (ctx) => ({ greet: (name: string) => `Tashi delek, ${name}` }),
 *   });
 * ```
 */
export function definePlugin<Id extends string, Api, Schema extends z.$ZodType | undefined = undefined>(plugin: VajraPlugin<Id, Api, Schema>): VajraPlugin<Id, Api, Schema> {
  return plugin;
}
