export { createEventBus, type EventBus, type EventListener, type AnyEventListener, type OnAnyOptions } from './event-bus';
export type { VajraEvents, VajraEventName, SessionEvent, WheelRotatedEvent, KernelErrorEvent } from './vajra-events';
