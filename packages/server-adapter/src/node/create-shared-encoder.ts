/**
 * An encoder to UTF-8 that gives the same bytes back while the same text is encoded again in the same turn of
 * the event loop. The WebSocket fan-out hands every subscriber of an event the one serialised text: it is
 * encoded once instead of once per socket (as `ws` does for a string), and forgotten once the turn ends.
 *
 * @example
 * ```ts
 * const encode = createSharedEncoder();
 * const text = JSON.stringify({ type: 'audio:spectrum', data: frame });
 * for (const socket of subscribers) socket.send(encode(text), { binary: false }); // one Buffer for all
 * ```
 */
export function createSharedEncoder(): (text: string) => Buffer {
  let last: { text: string; bytes: Buffer } | undefined;
  return (text) => {
    if (last?.text === text) return last.bytes;
    if (last === undefined) queueMicrotask(() => void (last = undefined));
    last = { text, bytes: Buffer.from(text, 'utf8') };
    return last.bytes;
  };
}
