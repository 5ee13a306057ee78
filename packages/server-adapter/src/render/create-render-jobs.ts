import { isVajraError } from '@vajra-stream/core';
import type { RenderReply, RenderRequest } from './render-messages';

/** Frames per WAV chunk handed to the server (one chunk is rendered per request for more). */
const BLOCK_FRAMES = 8192;

/**
 * The render side of the offload protocol, run by the render worker thread (or, when no worker file ships
 * next to the server, on the main thread one message per macrotask): a WAV renders one chunk per `more`
 * request, so the reader's pace bounds the work and the memory; a window search answers at once.
 *
 * @example
 * ```ts
 * const jobs = createRenderJobs((reply, transfer) => parentPort!.postMessage(reply, transfer));
 * parentPort!.on('message', (request) => void jobs.handle(request));
 * ```
 */
export function createRenderJobs(post: (reply: RenderReply, transfer?: ArrayBuffer[]) => void) {
  // each WAV with the chunk rendered ahead, so the last one goes out marked as last
  const wavs = new Map<number, { chunks: Generator<Uint8Array>; ahead: IteratorResult<Uint8Array> }>();
  const fail = (id: number, error: unknown): void => post({ type: 'error', id, error: isVajraError(error) ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) } });

  const run = async (request: RenderRequest): Promise<void> => {
    const { id } = request;
    try {
      switch (request.type) {
        case 'wav': {
          const audio = await import('@vajra-stream/audio');
          const chunks = audio.wavChunks(request.program as never, { format: request.format, blockSize: BLOCK_FRAMES });
          wavs.set(id, { chunks, ahead: chunks.next() });
          return;
        }
        case 'more': {
          const wav = wavs.get(id);
          if (wav === undefined) return;
          const current = wav.ahead;
          if (current.done) {
            wavs.delete(id);
            post({ type: 'end', id });
            return;
          }
          wav.ahead = wav.chunks.next();
          if (wav.ahead.done) wavs.delete(id);
          post({ type: 'chunk', id, bytes: current.value, last: wav.ahead.done === true }, [current.value.buffer as ArrayBuffer]);
          return;
        }
        case 'cancel':
          wavs.get(id)?.chunks.return(undefined);
          wavs.delete(id);
          return;
        case 'windows': {
          const astrology = await import('@vajra-stream/astrology');
          post({ type: 'result', id, value: astrology.findWindows(request.query as never) });
          return;
        }
      }
    } catch (error) {
      wavs.delete(id);
      fail(id, error);
    }
  };
  let last = Promise.resolve();
  return {
    /** Handle one request after those before it (a job's `more` never overtakes its start); resolves once its reply is posted. */
    handle(request: RenderRequest): Promise<void> {
      last = last.then(() => run(request));
      return last;
    },
  };
}
