import { definePlugin, parseInput, VajraError } from '@vajra-stream/core';
import { z } from 'zod';
import type { EnttecDmxProApi } from '../drivers/enttec-dmx-pro/enttec-dmx-pro';
import type { FirmataApi } from '../drivers/firmata/firmata';
import type { LcusRelayApi } from '../drivers/lcus-relay/lcus-relay';
import type { SerialRngApi, RngReading } from '../drivers/serial-rng/serial-rng';
import type { RngPeriod, RngSummary, RngWindow } from '../drivers/serial-rng/rng-statistics';
import { createHardware, type CreateHardwareOptions, type Hardware } from '../supervisor/create-hardware';
import type { DeviceDefinition, DeviceStatus } from '../supervisor/device-status';
import { hardwareConfigSchema, type HardwareConfigInput } from './hardware-config-schema';
import { hardwareProfile, type HardwareProfile } from './hardware-levels';
import { hardwareCommandSchema, type HardwareCommand } from './hardware-command';
import { createRoomConductor, type HardwareOutputEvent, type RoomOutputs } from './room-conductor';
import { standardRoom, type HardwareRoles } from './standard-room';

/**
 * Options of {@link hardwarePlugin} given in code (they win over config).
 *
 * @example
 * ```ts
 * const options: HardwarePluginOptions = {
 *   devices: [{ id: 'relay', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay({ channels: 2 }) }],
 *   roles: { amplifier: { device: 'relay', channel: 1 }, transducer: { device: 'relay', channel: 2 } },
 *   supervisor: { backoff: { maxDelayMs: 2000 }, heartbeatIntervalMs: 5000 },
 * };
 * const vajra = createVajra({ plugins: [hardwarePlugin(options)], config: { hardware: { level: 2, amplifierConnected: true } } });
 * ```
 */
export interface HardwarePluginOptions {
  /** The devices; by default the standard room from config (`ports`, simulated where none is named). */
  devices?: DeviceDefinition[];
  /** Which device is which output (required with `devices`). */
  roles?: HardwareRoles;
  /** Supervisor timing (backoff, watchdog, heartbeat). */
  supervisor?: Omit<CreateHardwareOptions<readonly DeviceDefinition[]>, 'devices' | 'clock' | 'logger' | 'events'>;
}

/**
 * RNG statistics of a device, from `vajra.plugin('hardware').rng()`.
 *
 * @example
 * ```ts
 * const report: RngReport = vajra.plugin('hardware').rng('rng', { windows: 5 });
 * console.log(report.period, report.bytesReceived, report.intention.stoufferZ, report.control.stoufferZ, report.windows.length);
 * ```
 */
export interface RngReport {
  deviceId: string;
  period: RngPeriod;
  bytesReceived: number;
  all: RngSummary;
  control: RngSummary;
  intention: RngSummary;
  windows: RngWindow[];
}

/**
 * What `vajra.plugin('hardware')` returns.
 *
 * @example
 * ```ts
 * const api: HardwarePluginApi = vajra.plugin('hardware');
 * api.setLevel({ level: 3, amplifierConnected: true });
 * await api.command('dmx', { type: 'dmx', levels: { '1': 255 }, duration: 2 });
 * console.log(api.outputs(), api.devices().map((status) => status.health.state));
 * ```
 */
export interface HardwarePluginApi {
  hardware: Hardware;
  devices(): DeviceStatus[];
  status(id: string): DeviceStatus;
  connect(id: string): DeviceStatus;
  disconnect(id: string): Promise<DeviceStatus>;
  /** The level, the amplifier setting, and the outputs they drive. */
  level(): HardwareProfile;
  setLevel(input: { level: 0 | 1 | 2 | 3; amplifierConnected?: boolean }): HardwareProfile;
  outputs(): RoomOutputs;
  roles(): HardwareRoles;
  /** Drive a device: relay, DMX levels or fade, PWM, digital output, wheel speed (validated against its driver). */
  command(id: string, command: HardwareCommand): Promise<{ applied: boolean }>;
  rng(id?: string, options?: { windows?: number }): RngReport;
  /** Add the physical wheel's rotations to this `vajra.wheels` wheel (`null`: keep them pending). */
  mapWheel(wheelId: string | null): { wheelId: string | null; pendingRotations: number };
}

declare module '@vajra-stream/core' {
  interface VajraEvents {
    'hardware:output': HardwareOutputEvent;
    /** A window of RNG statistics (numbers only; no causal claim). */
    'hardware:rng': RngReading;
  }
  interface VajraPluginApis {
    hardware: HardwarePluginApi;
  }
  interface VajraPluginConfigs {
    hardware: HardwareConfigInput;
  }
}

const unsupported = (id: string, kind: string, type: string) => new VajraError('DEVICE_UNSUPPORTED_COMMAND', `Device "${id}" (${kind}) does not take "${type}" commands`, { status: 422 });

/**
 * The hardware plugin: supervises the room's devices (the standard room from `VAJRA_HARDWARE__*` config,
 * simulated where no port is named, or `devices` in code), makes them follow sessions according to the
 * level (amplifier with pre-roll — the audio plugin waits for it through the kernel's `beforeAudio` hook,
 * whether a session is started long after its creation or at once — and post-roll, transducer, lights following state and audio, the
 * physical prayer wheel's motor), adds sensed wheel rotations to `vajra.wheels`, and publishes
 * `hardware:status`, `hardware:output` and `hardware:rng` events.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [audioPlugin(), hardwarePlugin()], config: { hardware: { level: 3, amplifierConnected: true } } });
 * await vajra.start();
 * vajra.plugin('hardware').devices();
 * ```
 */
export function hardwarePlugin(options: HardwarePluginOptions = {}) {
  let dispose: (() => Promise<void>) | undefined;
  return definePlugin({
    specificationVersion: 'v1',
    id: 'hardware',
    // the room's devices are shared: any principal may read them (the server's hardware routes say the same)
    publicEvents: ['hardware:status', 'hardware:output', 'hardware:rng'],
    configSchema: hardwareConfigSchema,
    setup(ctx) {
      const config = ctx.config;
      if (options.devices !== undefined && options.roles === undefined) throw new VajraError('CONFIG_INVALID', 'hardwarePlugin({ devices }) needs roles saying which device is which output');
      const room = options.devices === undefined ? standardRoom(config, ctx.clock) : { devices: options.devices, roles: options.roles ?? {} };
      const hardware = createHardware({ ...options.supervisor, devices: room.devices, clock: ctx.clock, logger: ctx.logger, events: ctx.events });
      let profile = hardwareProfile(config.level, { amplifierConnected: config.amplifierConnected });
      const conductor = createRoomConductor({ hardware, roles: room.roles, profile: () => profile, config, clock: ctx.clock, events: ctx.events, wheels: ctx.wheels, logger: ctx.logger });
      hardware.start();
      conductor.reconcile();
      // The audio plugin starts no sound before this resolves: the amplifier's pre-roll in every path.
      const offBeforeAudio = ctx.hooks.beforeAudio(conductor.readyForAudio);
      dispose = async () => {
        offBeforeAudio();
        await conductor.dispose();
        await hardware.stop();
      };
      const kindOf = (id: string) => hardware.status(id as never).driver;
      const levelSchema = z.object({ level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), amplifierConnected: z.boolean().optional() }).strict();

      const api: HardwarePluginApi = {
        hardware,
        devices: () => hardware.devices(),
        status: (id) => hardware.status(id as never),
        connect: (id) => hardware.connect(id as never),
        disconnect: (id) => hardware.disconnect(id as never),
        level: () => profile,
        setLevel(input) {
          const parsed = parseInput(levelSchema, input, 'hardware level');
          profile = hardwareProfile(parsed.level, { amplifierConnected: parsed.amplifierConnected ?? profile.amplifierConnected });
          conductor.reconcile();
          return profile;
        },
        outputs: () => conductor.outputs(),
        roles: () => room.roles,
        async command(id, input) {
          const kind = kindOf(id);
          const command = parseInput(hardwareCommandSchema, input, 'hardware command');
          const device = hardware.device(id as never) as unknown;
          if (command.type === 'relay' && kind === 'lcus-relay') return (device as LcusRelayApi).set(command.channel, command.on);
          if (command.type === 'dmx' && kind === 'enttec-dmx-pro') {
            const lights = device as EnttecDmxProApi;
            const levels = Object.fromEntries(Object.entries(command.levels).map(([key, value]) => [Number(key), value]));
            if (command.duration > 0) void lights.fade(levels, { duration: command.duration });
            else lights.set(levels);
            return { applied: hardware.status(id as never).health.state === 'connected' };
          }
          if (command.type === 'blackout' && kind === 'enttec-dmx-pro') {
            void (device as EnttecDmxProApi).blackout({ duration: command.duration });
            return { applied: hardware.status(id as never).health.state === 'connected' };
          }
          if (command.type === 'pwm' && kind === 'firmata') return (device as FirmataApi).pwmWrite(command.pin, command.value);
          if (command.type === 'digital' && kind === 'firmata') return (device as FirmataApi).digitalWrite(command.pin, command.on);
          if (command.type === 'wheel' && kind === 'firmata') {
            const wheel = (device as FirmataApi).wheel;
            if (wheel === null) throw unsupported(id, kind, command.type);
            return wheel.setSpeed(command.speed);
          }
          throw unsupported(id, kind, command.type);
        },
        rng(id, { windows = 20 } = {}) {
          const deviceId = id ?? room.roles.rng?.device;
          if (deviceId === undefined) throw new VajraError('DEVICE_NOT_FOUND', 'No RNG device is configured', { status: 404 });
          if (kindOf(deviceId) !== 'serial-rng') throw unsupported(deviceId, kindOf(deviceId), 'rng');
          const rng = hardware.device(deviceId as never) as unknown as SerialRngApi;
          return {
            deviceId,
            period: rng.period(),
            bytesReceived: rng.bytesReceived(),
            all: rng.summary(),
            control: rng.summary('control'),
            intention: rng.summary('intention'),
            windows: rng.windows(windows),
          };
        },
        mapWheel(wheelId) {
          conductor.mapWheel(wheelId === null ? null : parseInput(z.string().min(1).max(200), wheelId, 'wheel id'));
          return { wheelId: conductor.wheelId(), pendingRotations: conductor.pendingRotations() };
        },
      };
      return api;
    },
    async dispose() {
      await dispose?.();
    },
  });
}
