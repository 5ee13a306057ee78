/**
 * The Vajra.Stream kernel: plugins, typed events, config, store, clock, sessions and prayer wheels.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * const vajra = createVajra();
 * await vajra.start();
 * const session = await vajra.sessions.create({ intention: 'peace for all beings', duration: 600 });
 * await vajra.sessions.start(session.id);
 * ```
 * @module @vajra-stream/core
 */
export * from './errors';
export * from './clock';
export * from './logger';
export * from './events';
export * from './bus';
export * from './lease';
export * from './config';
export * from './store';
export * from './plugins';
export * from './sessions';
export * from './wheels';
export { parseInput } from './validation/parse-input';
export { safeParseInput } from './validation/safe-parse-input';
export { createId } from './ids/create-id';
export { createVajra, type Vajra, type CreateVajraOptions, type StopOptions, type VajraConfigInput, type WorkLeaseOptions } from './kernel/create-vajra';
