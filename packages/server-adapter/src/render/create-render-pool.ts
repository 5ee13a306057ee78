import { VajraError, type Logger } from '@vajra-stream/core';
import type { WavFormat } from '@vajra-stream/audio';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRenderJobs } from './create-render-jobs';
import type { RenderReply, RenderRequest } from './render-messages';

/**
 * Bounds of the expensive work (WAV renders and window searches) a server does at once.
 *
 * @example
 * ```ts
 * const renders: RenderOptions = { threads: 2, maxActive: 2, maxQueued: 8, perClient: 1 };
 * const server = createServer(vajra, { renders });
 * ```
 */
export interface RenderOptions {
  /**
   * Worker threads for each kind of job (default: available cores − 1, at least 1): WAV renders share their
   * threads chunk by chunk, window searches run on threads of their own, so neither kind starves the other.
   */
  threads?: number;
  /** Jobs running at once, server-wide (default 4); the threads share them. */
  maxActive?: number;
  /** Jobs waiting for a running slot (default 16); past that a new one gets 503 `RENDERS_BUSY` with `Retry-After`. */
  maxQueued?: number;
  /** Jobs running or waiting per client — its principal, or its address when anonymous (default 2); past that 429 `RENDER_LIMIT`. */
  perClient?: number;
}

/** Seconds a client refused with `RENDERS_BUSY` is told to wait. */
const RENDERS_BUSY_RETRY_SECONDS = 5;

/** Where the worker entry ships: next to the built server module (`dist/render-worker.js`). */
const WORKER_URL = new URL('./render-worker.js', import.meta.url);

type JobKind = 'wav' | 'windows';

interface Lane {
  kind: JobKind;
  post(request: RenderRequest): void;
  /** Jobs now on this lane. */
  readonly ids: Set<number>;
  close(): void;
}

interface Ticket {
  /** Resolves true once the job may run, false when it was given up while waiting. */
  ready: Promise<boolean>;
  release(): void;
}

/**
 * Runs WAV renders and window searches on worker threads (`node:worker_threads`, started from the shipped
 * `render-worker.js`), so no request blocks the event loop, and bounds them per client and server-wide.
 * When the worker file is not next to the module (a bundle that inlined the package, or the TypeScript
 * sources), the same jobs run on the main thread, a WAV one chunk (~8k frames) per event-loop turn.
 *
 * @example
 * ```ts
 * const pool = createRenderPool({ perClient: 2 }, logger);
 * const wav = pool.wav('key:alice', program, 'pcm16', request.signal); // ReadableStream<Uint8Array>
 * ```
 */
export function createRenderPool(options: RenderOptions, logger: Logger) {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism() - 1));
  const maxActive = Math.max(1, Math.floor(options.maxActive ?? 4));
  const maxQueued = Math.max(0, Math.floor(options.maxQueued ?? 16));
  const perClient = Math.max(1, Math.floor(options.perClient ?? 2));
  const inThreads = existsSync(fileURLToPath(WORKER_URL));
  if (!inThreads) logger.warn('render worker not found next to the server module: renders and window searches run on the main thread', { worker: fileURLToPath(WORKER_URL) });

  const handlers = new Map<number, (reply: RenderReply) => void>();
  const dispatch = (reply: RenderReply): void => handlers.get(reply.id)?.(reply);
  const lanes: Lane[] = [];
  const fail = (lane: Lane, message: string): void => {
    for (const id of lane.ids) dispatch({ type: 'error', id, error: { message } });
  };
  let nextId = 1;

  const workerLane = (kind: JobKind): Lane => {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    const lane: Lane = { kind, post: (request) => worker.postMessage(request), ids: new Set(), close: () => void worker.terminate() };
    const lost = (reason: string): void => {
      const index = lanes.indexOf(lane);
      if (index === -1) return;
      lanes.splice(index, 1);
      fail(lane, `render thread ${reason}`);
    };
    worker.on('message', dispatch);
    worker.on('error', (error) => {
      logger.error('render thread failed', { error: error.message });
      lost('failed');
    });
    worker.on('exit', () => lost('exited'));
    return lane;
  };
  const mainLane = (kind: JobKind): Lane => {
    const jobs = createRenderJobs((reply) => setImmediate(dispatch, reply));
    return { kind, post: (request) => setImmediate(() => void jobs.handle(request)), ids: new Set(), close: () => undefined };
  };
  /** The least busy lane of this kind, or a new one while there are fewer than `threads`. */
  const pick = (kind: JobKind): Lane => {
    const mine = lanes.filter((lane) => lane.kind === kind);
    const idle = mine.reduce<Lane | undefined>((best, lane) => (best === undefined || lane.ids.size < best.ids.size ? lane : best), undefined);
    if (idle !== undefined && (idle.ids.size === 0 || mine.length >= (inThreads ? threads : 1))) return idle;
    const lane = inThreads ? workerLane(kind) : mainLane(kind);
    lanes.push(lane);
    return lane;
  };

  let active = 0;
  const queue: Array<(granted: boolean) => void> = [];
  const byClient = new Map<string, number>();
  const admit = (client: string): Ticket => {
    const mine = byClient.get(client) ?? 0;
    if (mine >= perClient)
      throw new VajraError('RENDER_LIMIT', `At most ${perClient} renders or window searches at once per client`, { status: 429, details: { limit: perClient, retryAfterSeconds: 1 } });
    if (active >= maxActive && queue.length >= maxQueued) {
      throw new VajraError('RENDERS_BUSY', 'The server is rendering at capacity; retry later', { status: 503, details: { retryAfterSeconds: RENDERS_BUSY_RETRY_SECONDS } });
    }
    byClient.set(client, mine + 1);
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let wake: ((granted: boolean) => void) | undefined;
    let ready: Promise<boolean>;
    if (active < maxActive) {
      active += 1;
      state = 'running';
      ready = Promise.resolve(true);
    } else {
      ready = new Promise<boolean>((resolve) => {
        wake = (granted) => {
          if (granted) state = 'running';
          resolve(granted);
        };
        queue.push(wake);
      });
    }
    return {
      ready,
      release() {
        if (state === 'done') return;
        const left = (byClient.get(client) ?? 1) - 1;
        if (left === 0) byClient.delete(client);
        else byClient.set(client, left);
        if (state === 'running') {
          active -= 1;
          while (active < maxActive && queue.length > 0) {
            active += 1;
            queue.shift()!(true);
          }
        } else {
          queue.splice(queue.indexOf(wake!), 1);
          wake!(false);
        }
        state = 'done';
      },
    };
  };

  /** Start a job on a lane; `finish` takes it off again (idempotent). */
  const start = (request: RenderRequest, onReply: (reply: RenderReply) => void) => {
    const lane = pick(request.type === 'windows' ? 'windows' : 'wav');
    lane.ids.add(request.id);
    handlers.set(request.id, onReply);
    lane.post(request);
    return {
      post: (next: RenderRequest) => lane.post(next),
      finish() {
        lane.ids.delete(request.id);
        handlers.delete(request.id);
      },
    };
  };

  return {
    /**
     * A program's WAV bytes as a stream rendered off the event loop, one chunk per read (constant memory).
     * Throws `RENDER_LIMIT` (429) or `RENDERS_BUSY` (503) at once when there is no room for it.
     */
    wav(client: string, program: unknown, format: WavFormat, signal?: AbortSignal): ReadableStream<Uint8Array> {
      const ticket = admit(client);
      const id = nextId++;
      let job: ReturnType<typeof start> | undefined;
      let waiting: ((reply: RenderReply) => void) | undefined;
      let early: RenderReply | undefined; // a failure that came while no read waited
      const stop = (): void => {
        signal?.removeEventListener('abort', stop);
        if (job !== undefined) {
          job.post({ type: 'cancel', id });
          job.finish();
        }
        ticket.release();
        waiting?.({ type: 'end', id });
      };
      signal?.addEventListener('abort', stop, { once: true });
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (job === undefined) {
              if (!(await ticket.ready)) return controller.close();
              job = start({ type: 'wav', id, program, format }, (reply) => (waiting === undefined ? (early = reply) : waiting(reply)));
            }
            const current = job;
            const reply =
              early ??
              (await new Promise<RenderReply>((resolve) => {
                waiting = resolve;
                current.post({ type: 'more', id });
              }));
            waiting = undefined;
            if (reply.type === 'chunk') {
              controller.enqueue(reply.bytes);
              if (!reply.last) return;
            }
            signal?.removeEventListener('abort', stop);
            current.finish();
            ticket.release();
            if (reply.type === 'error') controller.error(new Error(reply.error.message));
            else controller.close();
          },
          cancel: stop,
        },
        { highWaterMark: 4 },
      );
    },
    /** The windows of an astrology window search, found off the event loop; the same limits as {@link wav}. */
    async windows(client: string, query: unknown, signal?: AbortSignal): Promise<unknown> {
      const ticket = admit(client);
      const abandon = (): void => ticket.release();
      signal?.addEventListener('abort', abandon, { once: true });
      try {
        if (!(await ticket.ready)) throw new VajraError('REQUEST_ABORTED', 'The client went away before the search ran', { status: 400 });
        const id = nextId++;
        let job: ReturnType<typeof start> | undefined;
        const reply = await new Promise<RenderReply>((resolve) => (job = start({ type: 'windows', id, query }, resolve)));
        job!.finish();
        if (reply.type === 'error') {
          const { code, message, status, details } = reply.error;
          throw code === undefined ? new Error(message) : new VajraError(code, message, { status, details });
        }
        return reply.type === 'result' ? reply.value : undefined;
      } finally {
        signal?.removeEventListener('abort', abandon);
        ticket.release();
      }
    },
    /** Jobs running and waiting now. */
    get load(): { active: number; queued: number } {
      return { active, queued: queue.length };
    },
    /** Stop the worker threads (jobs still running fail). */
    close(): void {
      for (const lane of lanes.splice(0)) {
        lane.close();
        fail(lane, 'the server closed');
      }
    },
  };
}

/** The pool made by {@link createRenderPool}. */
export type RenderPool = ReturnType<typeof createRenderPool>;
