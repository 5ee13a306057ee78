/**
 * Vajra.Stream hardware: serial and TCP transports, a supervisor that reconnects and watches every
 * device, and drivers for the devices of a sound-healing room.
 *
 * @example
 * ```ts
 * import { createHardware, lcusRelay, serialTransport } from '@vajra-stream/hardware';
 * const hardware = createHardware({
 *   devices: [{ id: 'amplifier', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay() }] as const,
 * });
 * hardware.start();
 * await hardware.device('amplifier').set(1, true);
 * ```
 * @module @vajra-stream/hardware
 */
export { HardwareErrorCodes, type HardwareErrorCode } from './errors/hardware-errors';
export { defaultSerialSettings, type Connection, type SerialBinding, type SerialPortInfo, type SerialSettings, type Transport } from './transport/transport';
export { serialTransport, type SerialTransportOptions } from './transport/serial-transport';
export { tcpTransport, type TcpTransportOptions } from './transport/tcp-transport';
export { listSerialPorts, type ListSerialPortsOptions, type SerialPortEntry } from './transport/list-serial-ports';
export { FdLeaseStates, type FdLease } from './transport/fd-lease';
export type { DeviceDriver, DriverContext, DriverInstance, LeasedFd } from './driver/device-driver';
export type { BackoffOptions } from './supervisor/backoff';
export type { DeviceDefinition, DeviceError, DeviceHealth, DeviceState, DeviceStatus } from './supervisor/device-status';
export { createHardware, type CreateHardwareOptions, type Hardware } from './supervisor/create-hardware';
export type { QuarantineOptions } from './supervisor/device-runner';
export * from './drivers/lcus-relay';
export * from './drivers/enttec-dmx-pro';
export * from './drivers/serial-rng';
export * from './drivers/firmata';
export * from './plugin';
