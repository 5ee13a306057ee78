import { ApiError } from './api-error';
import type { Credentials } from './credentials';

type Query = Record<string, string | number | boolean | undefined>;

/** Same-origin JSON calls to the server's REST API. */
export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** Called with every 401, so the page can ask for a key. */
  onUnauthenticated(listener: (error: ApiError) => void): () => void;
}

/**
 * Create the REST client. Every request carries `Authorization: Bearer …` when a credential is set;
 * every write sends `content-type: application/json` with a JSON body (`{}` when there is nothing to
 * say), as the server requires of writes.
 *
 * @example
 * ```ts
 * const api = createApiClient({ credentials });
 * const sessions = await api.get<Page<Session>>('/api/v1/sessions', { limit: 20 });
 * ```
 */
export function createApiClient({ credentials, fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: { credentials: Credentials; fetch?: typeof fetch }): ApiClient {
  const unauthenticated = new Set<(error: ApiError) => void>();

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.token !== null) headers.authorization = `Bearer ${credentials.token}`;
    const write = method !== 'GET';
    if (write) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(withQuery(path, query), { method, headers, body: write ? JSON.stringify(body ?? {}) : undefined, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server cannot be reached');
    }
    const text = await response.text();
    const json = parse(text);
    if (!response.ok) {
      const problem = (json ?? {}) as { code?: string; detail?: string; title?: string };
      const error = new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.detail ?? problem.title ?? response.statusText);
      if (error.unauthenticated) unauthenticated.forEach((listener) => listener(error));
      throw error;
    }
    return json as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    onUnauthenticated(listener) {
      unauthenticated.add(listener);
      return () => unauthenticated.delete(listener);
    },
  };
}

function withQuery(path: string, query: Query | undefined): string {
  if (query === undefined) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
