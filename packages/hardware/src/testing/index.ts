/**
 * Simulated devices of Vajra.Stream hardware, for programs, docs and tests that run without the
 * hardware: in-process devices that speak each driver's protocol, on the kernel clock and deterministic
 * for a seed.
 *
 * @example
 * ```ts
 * import { createHardware, lcusRelay } from '@vajra-stream/hardware';
 * import { simulatedRelayBoard, simulatedTransport } from '@vajra-stream/hardware/testing';
 * const board = simulatedRelayBoard({ channels: 2 });
 * const hardware = createHardware({ devices: [{ id: 'amplifier', transport: simulatedTransport(board), driver: lcusRelay() }] as const });
 * hardware.start();
 * await hardware.whenConnected('amplifier');
 * await hardware.device('amplifier').set(1, true);
 * ```
 * @module @vajra-stream/hardware/testing
 */
export { simulatedTransport, type SimulatedDevice, type SimulatedTransport } from '../simulated/simulated-transport';
export { simulatedRelayBoard, type SimulatedRelayBoard } from '../simulated/simulated-relay-board';
export { simulatedDmxWidget, type SimulatedDmxWidget } from '../simulated/simulated-dmx-widget';
export { simulatedRng, type SimulatedRngOptions } from '../simulated/simulated-rng';
export { simulatedFirmataBoard, type SimulatedFirmataBoard, type SimulatedFirmataBoardOptions } from '../simulated/simulated-firmata-board';
