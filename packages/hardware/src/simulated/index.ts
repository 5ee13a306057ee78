export { simulatedTransport, type SimulatedDevice, type SimulatedTransport } from './simulated-transport';
export { simulatedRelayBoard, type SimulatedRelayBoard } from './simulated-relay-board';
export { simulatedDmxWidget, type SimulatedDmxWidget } from './simulated-dmx-widget';
export { simulatedRng, type SimulatedRngOptions } from './simulated-rng';
export { simulatedFirmataBoard, type SimulatedFirmataBoard, type SimulatedFirmataBoardOptions } from './simulated-firmata-board';
export { seededRandom } from './seeded-random';
