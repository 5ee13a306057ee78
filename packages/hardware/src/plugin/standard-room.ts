import type { Clock } from '@vajra-stream/core';
import type { DeviceDriver } from '../driver/device-driver';
import { enttecDmxPro } from '../drivers/enttec-dmx-pro/enttec-dmx-pro';
import { firmata } from '../drivers/firmata/firmata';
import { lcusRelay } from '../drivers/lcus-relay/lcus-relay';
import { serialRng } from '../drivers/serial-rng/serial-rng';
import { simulatedDmxWidget } from '../simulated/simulated-dmx-widget';
import { simulatedFirmataBoard } from '../simulated/simulated-firmata-board';
import { simulatedRelayBoard } from '../simulated/simulated-relay-board';
import { simulatedRng } from '../simulated/simulated-rng';
import { simulatedTransport, type SimulatedDevice } from '../simulated/simulated-transport';
import type { DeviceDefinition } from '../supervisor/device-status';
import { serialTransport } from '../transport/serial-transport';
import { tcpTransport } from '../transport/tcp-transport';
import type { Transport } from '../transport/transport';
import type { HardwareConfig } from './hardware-config-schema';

/**
 * Which device and channel each output of a session is.
 *
 * @example
 * ```ts
 * const roles: HardwareRoles = {
 *   amplifier: { device: 'relay', channel: 1 },
 *   transducer: { device: 'relay', channel: 2 },
 *   lights: { device: 'dmx', followChannel: 1 },
 *   rng: { device: 'rng' },
 *   wheel: { device: 'wheel' },
 * };
 * const vajra = createVajra({ plugins: [hardwarePlugin({ devices, roles })] });
 * ```
 */
export interface HardwareRoles {
  amplifier?: { device: string; channel: number };
  transducer?: { device: string; channel: number };
  lights?: {
    device: string;
    /** Channel whose brightness follows the audio (default 1). */
    followChannel?: number;
  };
  rng?: { device: string };
  wheel?: { device: string };
}

/**
 * PWM pin of the wheel motor on the standard room's Firmata board.
 * @example
 * ```ts
 * board.analogWrite(WHEEL_MOTOR_PIN, 128);
 * ```
 */
export const WHEEL_MOTOR_PIN = 9;
/**
 * Pin of the wheel's hall sensor on the standard room's Firmata board.
 * @example
 * ```ts
 * board.pinMode(WHEEL_HALL_PIN, board.MODES.INPUT);
 * ```
 */
export const WHEEL_HALL_PIN = 2;

/**
 * A port as configured: a path, or `tcp://host:port`.
 * @example
 * ```ts
 * const serial = transportFor('/dev/ttyUSB0');
 * const network = transportFor('tcp://192.168.1.50:4000');
 * ```
 */
export function transportFor(port: string): Transport {
  const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(port);
  if (tcp) return tcpTransport({ host: tcp[1] as string, port: Number(tcp[2]) });
  return serialTransport({ path: port });
}

/**
 * The standard room: a two-channel relay board (1 amplifier, 2 transducer), a DMX widget, a serial RNG
 * and a Firmata prayer wheel (motor on pin 9, hall sensor on pin 2). Each is on its configured port, or
 * simulated when it has none and `simulate` is on.
 *
 * @example
 * ```ts
 * const { devices, roles } = standardRoom(hardwareConfigSchema.parse({ ports: { relay: '/dev/ttyUSB0' } }), systemClock);
 * ```
 */
export function standardRoom(config: HardwareConfig, clock: Clock): { devices: DeviceDefinition[]; roles: HardwareRoles } {
  const devices: DeviceDefinition[] = [];
  const add = (id: string, port: string | undefined, simulated: () => SimulatedDevice, driver: DeviceDriver): boolean => {
    if (port !== undefined) devices.push({ id, transport: transportFor(port), driver });
    else if (config.simulate) devices.push({ id, transport: simulatedTransport(simulated(), { clock, name: id }), driver });
    else return false;
    return true;
  };
  const roles: HardwareRoles = {};
  if (add('relay', config.ports.relay, () => simulatedRelayBoard({ channels: 2 }), lcusRelay({ channels: 2 }))) {
    roles.amplifier = { device: 'relay', channel: 1 };
    roles.transducer = { device: 'relay', channel: 2 };
  }
  if (add('dmx', config.ports.dmx, () => simulatedDmxWidget(), enttecDmxPro({ channels: config.dmxChannels }))) roles.lights = { device: 'dmx', followChannel: 1 };
  if (add('rng', config.ports.rng, () => simulatedRng({ model: config.rngModel, seed: config.seed }), serialRng({ model: config.rngModel }))) roles.rng = { device: 'rng' };
  const wheel = { motorPin: WHEEL_MOTOR_PIN, hallPin: WHEEL_HALL_PIN };
  if (add('wheel', config.ports.firmata, () => simulatedFirmataBoard({ seed: config.seed, wheel }), firmata({ wheel }))) roles.wheel = { device: 'wheel' };
  return { devices, roles };
}
