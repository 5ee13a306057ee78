import type { AudioStartContext, Clock, EventBus, Logger, TimerHandle, WheelService } from '@vajra-stream/core';
import type { EnttecDmxProApi } from '../drivers/enttec-dmx-pro/enttec-dmx-pro';
import type { FirmataApi } from '../drivers/firmata/firmata';
import type { LcusRelayApi } from '../drivers/lcus-relay/lcus-relay';
import type { SerialRngApi } from '../drivers/serial-rng/serial-rng';
import type { Hardware } from '../supervisor/create-hardware';
import type { HardwareConfig } from './hardware-config-schema';
import type { HardwareProfile } from './hardware-levels';
import type { HardwareRoles } from './standard-room';

/**
 * What the outputs of the room are set to.
 *
 * @example
 * ```ts
 * const outputs: RoomOutputs = vajra.plugin('hardware').outputs();
 * // { amplifier: true, transducer: true, lights: 180, wheel: 0.5 } while a session runs at level 3
 * ```
 */
export interface RoomOutputs {
  amplifier: boolean;
  transducer: boolean;
  /** Brightness of the lights' scene, 0–255 (0: dark). */
  lights: number;
  /** Motor speed of the physical wheel, 0–1. */
  wheel: number;
}

/**
 * Payload of `hardware:output`: an output of the room changed.
 *
 * @example
 * ```ts
 * vajra.events.on('hardware:output', (event: HardwareOutputEvent) => {
 *   console.log(`${event.at} ${event.output} = ${event.value} on ${event.deviceId}${event.applied ? '' : ' (when it reconnects)'}`);
 * });
 * ```
 */
export interface HardwareOutputEvent {
  output: keyof RoomOutputs;
  value: boolean | number;
  deviceId: string;
  /** Whether the device was connected and told (else it is told on reconnect). */
  applied: boolean;
  at: string;
}

interface Dependencies {
  hardware: Hardware;
  roles: HardwareRoles;
  profile: () => HardwareProfile;
  config: HardwareConfig;
  clock: Clock;
  events: EventBus;
  wheels: WheelService;
  logger: Logger;
}

const SESSION_BRIGHTNESS = 180;
const PAUSED_BRIGHTNESS = 60;

/**
 * Makes the room follow sessions: amplifier and transducer on from a session's creation until its audio
 * has faded out plus the post-roll, and the session's audio held back (the kernel's `beforeAudio` hook,
 * {@link readyForAudio}) until the amplifier has been on `preRoll` seconds, however soon after its
 * creation a session starts; the amplifier also on for audio played outside sessions (`play()`), from
 * pre-roll seconds before it sounds until it has ended plus the post-roll; lights to a scene while a session runs and dimmed while it
 * is paused, their brightness following the audio's spectrum energy; the physical wheel's motor with the
 * session; RNG readings labelled `intention` during sessions and `control` otherwise; sensed wheel
 * rotations added to the configured wheel one flush at a time.
 */
export function createRoomConductor(deps: Dependencies) {
  const { hardware, roles, config, clock, events, logger } = deps;
  const active = new Set<string>();
  const paused = new Set<string>();
  let armedUntil = 0;
  let offAfter = 0;
  /** Sessions whose audio waits for the amplifier's pre-roll (it is on for them even before `session:started`). */
  const preparing = new Set<string>();
  /**
   * Audio outside any session (a `play()`) is waiting for the room or sounding: the amplifier stays on until
   * the audio plugin's `audio:ended`, then for the post-roll. A session's audio taking over ends it.
   */
  let playing = false;
  /** Releases the pre-roll wait of that audio when it ends first (stopped during its pre-roll). */
  let releasePlay: (() => void) | undefined;
  /** When the amplifier was last switched on: the instant its relay command was written (or given up on). */
  let amplifierOnAt: Promise<number> | null = null;
  /** Pre-roll waits in progress, released at dispose so no audio start hangs on a stopped plugin. */
  const waits = new Map<TimerHandle, () => void>();
  let timer: TimerHandle | undefined;
  const outputs: RoomOutputs = { amplifier: false, transducer: false, lights: 0, wheel: 0 };
  let wheelId = config.wheelId ?? null;
  let pendingRotations = 0;
  let flushing: Promise<void> | null = null;
  const guard = (what: string, task: () => Promise<unknown>) => void task().catch((error: unknown) => logger.warn(`hardware: ${what} failed`, { error: (error as Error).message }));
  const device = <Api>(id: string) => hardware.device(id as never) as unknown as Api;

  const announce = (output: keyof RoomOutputs, value: boolean | number, deviceId: string, applied: boolean) =>
    events.emit('hardware:output', { output, value, deviceId, applied, at: new Date(clock.now()).toISOString() });

  const setRelay = (output: 'amplifier' | 'transducer', on: boolean) => {
    const role = roles[output];
    if (role === undefined || outputs[output] === on) return;
    outputs[output] = on;
    const written = device<LcusRelayApi>(role.device)
      .set(role.channel, on)
      .then((result) => {
        announce(output, on, role.device, result.applied);
        return clock.now();
      });
    if (output === 'amplifier') amplifierOnAt = on ? written.catch(() => clock.now()) : null;
    guard(output, () => written);
  };

  const setLights = (brightness: number, duration: number) => {
    const role = roles.lights;
    if (role === undefined || outputs.lights === brightness) return;
    outputs.lights = brightness;
    const lights = device<EnttecDmxProApi>(role.device);
    announce('lights', brightness, role.device, hardware.status(role.device as never).health.state === 'connected');
    guard('lights', () => lights.fade({ [role.followChannel ?? 1]: brightness }, { duration }));
  };

  const setWheel = (speed: number) => {
    const role = roles.wheel;
    if (role === undefined || outputs.wheel === speed) return;
    outputs.wheel = speed;
    const wheel = device<FirmataApi>(role.device).wheel;
    if (wheel !== null) guard('wheel motor', async () => announce('wheel', speed, role.device, (await wheel.setSpeed(speed)).applied));
  };

  /** Bring every output to what the sessions and the profile want now, and wake up at the next change. */
  const reconcile = () => {
    const now = clock.now();
    const profile = deps.profile();
    const running = active.size > paused.size;
    const powered = active.size > 0 || preparing.size > 0 || playing || now < armedUntil || now < offAfter;
    setRelay('amplifier', profile.amplifier && powered);
    setRelay('transducer', profile.transducer && active.size > 0);
    if (profile.lights) setLights(running ? SESSION_BRIGHTNESS : active.size > 0 ? PAUSED_BRIGHTNESS : 0, active.size > 0 ? config.preRoll : config.postRoll);
    else setLights(0, 0);
    setWheel(running ? config.wheelSpeed : 0);
    if (roles.rng) device<SerialRngApi>(roles.rng.device).mark(active.size > 0 ? 'intention' : 'control');
    clock.clearTimeout(timer);
    const next = [armedUntil, offAfter].filter((instant) => instant > now);
    timer = next.length > 0 ? clock.setTimeout(reconcile, Math.min(...next) - now) : undefined;
  };

  /** Wait `ms` on the kernel clock; `release` (if given) hears of the function that ends the wait early. */
  const sleep = (ms: number, release?: (early: () => void) => void) =>
    new Promise<void>((resolve) => {
      const timer = clock.setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, ms);
      waits.set(timer, resolve);
      release?.(() => {
        clock.clearTimeout(timer);
        waits.delete(timer);
        resolve();
      });
    });

  /**
   * The kernel's `beforeAudio` task: resolves once the amplifier has been on `preRoll` seconds (switching
   * it on first when the audio comes before its session's `session:started` reached the room, or plays
   * outside any session), at once when the level drives no amplifier. Audio outside sessions keeps the
   * amplifier on until its `audio:ended` (and the post-roll); stopped during its pre-roll, its wait ends
   * then. A relay board that is not connected is told on reconnect; the pre-roll then counts from the command.
   */
  const readyForAudio = async ({ sessionId }: AudioStartContext): Promise<void> => {
    releasePlay?.();
    releasePlay = undefined;
    // A session's audio replaces what played outside sessions: the session holds the amplifier from now on.
    playing = sessionId === null;
    if (roles.amplifier === undefined || !deps.profile().amplifier) return;
    if (sessionId !== null) preparing.add(sessionId);
    try {
      reconcile();
      const onAt = await amplifierOnAt;
      if (onAt === null || onAt === undefined) return;
      const remaining = onAt + config.preRoll * 1000 - clock.now();
      if (remaining > 0) await sleep(remaining, sessionId === null ? (early) => (releasePlay = early) : undefined);
    } finally {
      if (sessionId !== null) preparing.delete(sessionId);
    }
  };

  /** The audio plugin's `audio:ended`: audio outside sessions is over, the amplifier goes off after the post-roll. */
  const audioEnded = () => {
    if (!playing) return;
    playing = false;
    releasePlay?.();
    releasePlay = undefined;
    offAfter = Math.max(offAfter, clock.now() + config.postRoll * 1000);
    reconcile();
  };

  const flushRotations = (): Promise<void> => {
    if (flushing !== null) return flushing;
    flushing = (async () => {
      while (pendingRotations > 0 && wheelId !== null) {
        const count = pendingRotations;
        try {
          await deps.wheels.addRotations(wheelId, count);
          pendingRotations -= count;
        } catch (error) {
          logger.warn('hardware: sensed rotations not counted', { wheelId, count, error: (error as Error).message });
          break;
        }
      }
    })().finally(() => (flushing = null));
    return flushing;
  };

  const offs: Array<() => void> = [
    events.on('session:created', () => {
      armedUntil = clock.now() + config.armFor * 1000;
      reconcile();
    }),
    ...(['session:started', 'session:resumed', 'session:recovered'] as const).map((name) =>
      events.on(name, ({ session }) => {
        if (session.status !== 'running') return;
        active.add(session.id);
        paused.delete(session.id);
        armedUntil = 0;
        reconcile();
      }),
    ),
    events.on('session:paused', ({ session }) => {
      if (!active.has(session.id)) return;
      paused.add(session.id);
      reconcile();
    }),
    ...(['session:stopped', 'session:completed', 'session:deleted'] as const).map((name) =>
      events.on(name, ({ session }) => {
        if (!active.delete(session.id)) return;
        paused.delete(session.id);
        if (active.size === 0) offAfter = clock.now() + (config.fadeOut + config.postRoll) * 1000;
        reconcile();
      }),
    ),
    // The audio plugin's frames (typed by that package; read structurally so hardware does not depend on it).
    events.onAny((name, payload) => {
      if (name === ('audio:ended' as never)) audioEnded();
      if (name !== ('audio:spectrum' as never)) return;
      const bands = (payload as { bands?: unknown }).bands;
      const role = roles.lights;
      if (role === undefined || !deps.profile().lights || active.size === paused.size || !Array.isArray(bands) || bands.length === 0) return;
      // Brightness follows the spectrum's energy: the loudest band from −60 dB (dim) to 0 dB (full scene).
      const loudest = Math.max(...(bands as number[]));
      const share = Math.min(1, Math.max(0, (loudest + 60) / 60));
      guard('lights follow the audio', () => device<EnttecDmxProApi>(role.device).fade({ [role.followChannel ?? 1]: Math.round(SESSION_BRIGHTNESS * (0.3 + 0.7 * share)) }, { duration: 0.2 }));
    }),
  ];
  if (roles.rng) {
    const rngDevice = roles.rng.device;
    offs.push(device<SerialRngApi>(rngDevice).onWindow((window) => events.emit('hardware:rng', { deviceId: rngDevice, ...window })));
  }
  if (roles.wheel) {
    const wheel = device<FirmataApi>(roles.wheel.device).wheel;
    if (wheel !== null)
      offs.push(
        wheel.onRotation((rotations) => {
          pendingRotations += rotations;
          void flushRotations();
        }),
      );
  }

  return {
    outputs: (): RoomOutputs => ({ ...outputs }),
    reconcile,
    readyForAudio,
    mapWheel(id: string | null) {
      wheelId = id;
      void flushRotations();
    },
    wheelId: () => wheelId,
    /** Rotations sensed and not yet stored (a wheel that is spinning by the clock refuses them). */
    pendingRotations: () => pendingRotations,
    async dispose() {
      for (const off of offs) off();
      clock.clearTimeout(timer);
      releasePlay = undefined;
      for (const [handle, release] of waits) {
        clock.clearTimeout(handle);
        release();
      }
      waits.clear();
      await flushRotations();
    },
  };
}
