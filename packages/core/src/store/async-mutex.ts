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

/** Create an {@link AsyncMutex}. */
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
