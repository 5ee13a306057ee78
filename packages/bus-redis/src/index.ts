/**
 * `@vajra-stream/bus-redis`: the {@link @vajra-stream/core!Bus | Bus} of Vajra.Stream on a Redis stream, for deployments of several
 * instances with many WebSocket listeners.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createRedisBus } from '@vajra-stream/bus-redis';
 *
 * const vajra = createVajra({ store, bus: await createRedisBus({ url: 'redis://127.0.0.1:6379' }) });
 * await vajra.start();
 * ```
 * @module @vajra-stream/bus-redis
 */
export { createRedisBus, type RedisBus } from './create-redis-bus';
export { redisBusOptionsSchema, type RedisBusOptions } from './redis-bus-options';
