import { VajraError } from '@vajra-stream/core';

/**
 * Read a request body as JSON, refusing more than `maxBytes` (413), a non-JSON content type (415) and
 * malformed JSON (400). An empty body reads as `undefined`.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(request, 1024 * 1024);
 * ```
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  // Moderately oversized bodies are read and discarded so the client gets a clean 413 instead of a reset.
  const discardUpTo = maxBytes + Math.max(maxBytes, 1024 * 1024);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (request.body === null) return undefined;
  const reader = request.body.getReader();
  if (declared > discardUpTo) {
    await reader.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > discardUpTo) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  if (size === 0) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new VajraError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json', { status: 415 });
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, size));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new VajraError('INVALID_JSON', `The request body is not valid JSON: ${(error as Error).message.slice(0, 200)}`, { status: 400 });
  }
}

const tooLarge = (maxBytes: number): VajraError =>
  new VajraError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes`, { status: 413, details: { maxBytes } });

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
 * Read and drop an unread request body (up to `limitBytes`, then cancel) so that an early answer such
 * as a 404 or 405 reaches the client instead of a connection reset.
 *
 * @example
 * ```ts
 * await discardBody(request, 2 * 1024 * 1024);
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
      if (size > limitBytes) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away: nothing to drain
  }
}
