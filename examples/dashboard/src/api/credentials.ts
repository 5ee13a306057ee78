const STORAGE_KEY = 'vajra-stream.credential';

/** The API key or JWT the dashboard sends, held in memory (and, when asked, in this tab's sessionStorage). */
export interface Credentials {
  readonly token: string | null;
  /** Use `token` from now on; `remember` keeps it for this browser tab across reloads (never in localStorage). */
  set(token: string, options?: { remember?: boolean }): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Create the credential holder. The token never goes into a URL, a log line or localStorage: it travels
 * only in the `Authorization` header of HTTP requests and the `Sec-WebSocket-Protocol` header of the
 * WebSocket upgrade.
 *
 * @example
 * ```ts
 * const credentials = createCredentials(window.sessionStorage);
 * credentials.set(key, { remember: true });
 * ```
 */
export function createCredentials(storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Credentials {
  let token: string | null = read(storage);
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  return {
    get token() {
      return token;
    },
    set(next, options = {}) {
      token = next;
      if (options.remember === true) write(storage, next);
      else write(storage, null);
      changed();
    },
    clear() {
      token = null;
      write(storage, null);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function read(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled
  }
}

function write(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, value);
  } catch {
    // storage disabled: the token stays in memory only
  }
}
