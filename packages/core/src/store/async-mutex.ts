/**
 * A FIFO async mutex: `run` executes tasks one at a time, in call order.
 *
 * @example
 * ```ts
 * const mutex = createAsyncMutex();
 * await mutex.run(async () => writeBoth());
 * ```
 */
export interface AsyncMutex {
  run<R>(task: () => Promise<R> | R): Promise<R>;
}

/**
 * Create an {@link AsyncMutex}.
 * @example
 * ```ts
 * const mutex = createAsyncMutex();
 * await Promise.all([mutex.run(first), mutex.run(second)]); // second starts after first settles
 * ```
 */
export function createAsyncMutex(): AsyncMutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<R>(task: () => Promise<R> | R): Promise<R> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
