import { VajraError, isVajraError } from '@vajra-stream/core';
import { jsonDepth } from './json-depth';

/** Options of {@link readJsonBody}. */
export interface ReadJsonBodyOptions {
  /** Deepest nesting of arrays and objects accepted (default 64); deeper bodies get a 400 `JSON_TOO_DEEP`. */
  maxDepth?: number;
}

/**
 * Read a request body as JSON, refusing more than `maxBytes` (413), a non-JSON content type (415),
 * nesting deeper than `maxDepth` (400, checked before parsing) and malformed JSON (400). An empty body
 * reads as `undefined`; a client that goes away mid-body gets a 400 `REQUEST_ABORTED` (never a 500).
 *
 * An oversized body is not read further here and the stream is never cancelled (cancelling a Node
 * request destroys the socket before the 413 is written): `discardBody` drains it afterwards.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(request, 1024 * 1024, { maxDepth: 32 });
 * ```
 */
export async function readJsonBody(request: Request, maxBytes: number, options: ReadJsonBodyOptions = {}): Promise<unknown> {
  if (request.body === null) return undefined;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    throw isTooLarge(error) ? error : new VajraError('REQUEST_ABORTED', 'The client went away before the request body arrived', { status: 400 });
  } finally {
    reader.releaseLock();
  }
  if (size === 0) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new VajraError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json', { status: 415 });
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, size));
  const maxDepth = options.maxDepth ?? 64;
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw new VajraError('JSON_TOO_DEEP', `Request bodies may nest arrays and objects at most ${maxDepth} levels deep`, { status: 400, details: { maxDepth } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new VajraError('INVALID_JSON', `The request body is not valid JSON: ${(error as Error).message.slice(0, 200)}`, { status: 400 });
  }
}

const tooLarge = (maxBytes: number): VajraError => new VajraError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes`, { status: 413, details: { maxBytes } });
const isTooLarge = (error: unknown): boolean => isVajraError(error) && error.code === 'PAYLOAD_TOO_LARGE';

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Read and drop the unread rest of a request body, up to `limitBytes`, so that an early answer such as
 * a 413, 404 or 405 reaches a client that is still sending instead of a connection reset (EPIPE). Past
 * the limit it stops reading without cancelling; the adapter then closes the connection after the answer.
 *
 * @example
 * ```ts
 * await discardBody(request, 16 * 1024 * 1024);
 * ```
 */
export async function discardBody(request: Request, limitBytes: number): Promise<void> {
  if (request.body === null || request.bodyUsed || request.body.locked) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > limitBytes) return;
    }
  } catch {
    // the client went away: nothing to drain
  } finally {
    reader.releaseLock();
  }
}
