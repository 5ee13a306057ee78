import type { Clock } from '@vajra-stream/core';
import { type SdkErrorClasses, mapSdkError } from './map-sdk-error';
import { createRequestSignal, type RequestSignal } from './request-signal';

/** What one call of an {@link SdkClient} takes from the request: the caller's signal and its own timeout. */
export interface SdkCallOptions {
  signal?: AbortSignal | undefined;
  /** Timeout in ms without progress; the client's default when absent. */
  timeoutMs?: number | undefined;
}

/** How a streamed call turns the vendor's events into parts, and what it yields once they end. */
export interface SdkStreamParts<Event, Part> {
  /** The parts one event gives (none, one or more). */
  of(event: Event): Iterable<Part>;
  /** The last part, asked for once the events ended without an abort; throws when the stream ended early. */
  end(): Part;
}

/**
 * A vendor SDK client of one provider, loaded on first use, whose calls run under a {@link RequestSignal}
 * (the caller's signal plus a timeout without progress) and fail with {@link mapSdkError}'s errors.
 */
export interface SdkClient<Client> {
  /** Checks the settings and loads the SDK (it is an optional peer dependency); a failed load is tried again next time. */
  connect(): Promise<{ client: Client; classes: SdkErrorClasses }>;
  /** One request and its response. */
  call<T>(request: SdkCallOptions, run: (client: Client, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** A streamed call: every event is progress (it restarts the timeout); an abort that the SDK ends quietly is thrown. */
  stream<Event, Part>(request: SdkCallOptions, open: (client: Client, signal: AbortSignal) => Promise<AsyncIterable<Event>>, parts: SdkStreamParts<Event, Part>): AsyncGenerator<Part>;
}

/** Settings of {@link createSdkClient}. */
export interface SdkClientSettings<Client> {
  provider: string;
  /** Strings that never appear in an error (the API key). */
  secrets: readonly (string | undefined)[];
  /** Default timeout in ms without progress. */
  timeoutMs: number;
  /** Clock that measures the timeout (default: the system clock). */
  clock?: Clock | undefined;
  /** Throws, without a network call, when the settings cannot work (no key, or one that cannot be a key). */
  check(): void;
  /** Loads the SDK and builds its client. */
  load(): Promise<{ client: Client; classes: SdkErrorClasses }>;
}

/**
 * Builds the {@link SdkClient} that a provider over a Stainless-generated SDK (openai, @anthropic-ai/sdk) makes its calls with.
 *
 * @example
 * ```ts
 * const sdk = createSdkClient({ provider: 'openai', secrets: [apiKey], timeoutMs: 60_000, check() {}, load: async () => {
 *   const { default: OpenAI } = await loadSdk('openai', 'openai', () => import('openai'));
 *   return { client: new OpenAI({ apiKey, maxRetries: 0 }), classes: OpenAI };
 * } });
 * await sdk.call({ signal }, (client, abort) => client.models.list({ signal: abort }));
 * ```
 */
export function createSdkClient<Client>(settings: SdkClientSettings<Client>): SdkClient<Client> {
  const { provider, secrets } = settings;
  let connecting: Promise<{ client: Client; classes: SdkErrorClasses }> | undefined;
  const connect = async () => {
    settings.check();
    connecting ??= settings.load();
    try {
      return await connecting;
    } catch (error) {
      connecting = undefined; // a package installed meanwhile is found on the next call
      throw error;
    }
  };
  const open = (request: SdkCallOptions) => {
    const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
    return { timeoutMs, signal: createRequestSignal({ signal: request.signal, timeoutMs, clock: settings.clock }) };
  };
  const fail = (error: unknown, classes: SdkErrorClasses, signal: RequestSignal, timeoutMs: number) => mapSdkError(error, { provider, classes, request: signal, secrets, timeoutMs });

  return {
    connect,
    async call(request, run) {
      const { client, classes } = await connect();
      const { timeoutMs, signal } = open(request);
      try {
        return await run(client, signal.signal);
      } catch (error) {
        throw fail(error, classes, signal, timeoutMs);
      } finally {
        signal.dispose();
      }
    },
    async *stream(request, start, parts) {
      const { client, classes } = await connect();
      const { timeoutMs, signal } = open(request);
      try {
        const events = await start(client, signal.signal);
        for await (const event of events) {
          signal.touch();
          yield* parts.of(event);
        }
        // the SDK ends the iteration quietly when its signal aborts: find out why
        if (signal.signal.aborted) throw signal.signal.reason ?? new Error('aborted');
        yield parts.end();
      } catch (error) {
        throw fail(error, classes, signal, timeoutMs);
      } finally {
        signal.dispose();
      }
    },
  };
}
