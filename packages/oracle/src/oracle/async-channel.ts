/** A single-consumer async queue: producers push, one consumer iterates until close or failure. */
export interface AsyncChannel<T> extends AsyncIterable<T> {
  push(item: T): void;
  close(): void;
  fail(error: unknown): void;
}

/**
 * Creates an {@link AsyncChannel}.
 *
 * @example
 * ```ts
 * const channel = createAsyncChannel<string>();
 * channel.push('a'); channel.close();
 * for await (const item of channel) console.log(item);
 * ```
 */
export function createAsyncChannel<T>(onReturn?: () => void): AsyncChannel<T> {
  const items: T[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  return {
    push(item) {
      if (done) return;
      items.push(item);
      notify();
    },
    close() {
      done = true;
      notify();
    },
    fail(error) {
      if (done) return;
      failure = { error };
      done = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          while (items.length > 0) yield items.shift()!;
          if (failure) throw failure.error;
          if (done) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        if (!done) onReturn?.();
      }
    },
  };
}
