export type { Bus, BusMessage, BusListener, BusHealth } from './bus';
export { createMemoryBus } from './memory-bus';
export { DEFAULT_BUS_DOMAINS } from './bridge-bus';
