/**
 * A request header (`null` when absent). Adapters may give their requests a `headerValue(name)` cheaper
 * than building a `Headers` object (the node adapter reads Node's own header record); it is used when there.
 *
 * @example
 * ```ts
 * requestHeader(new Request('http://localhost/', { headers: { origin: 'http://localhost:5173' } }), 'origin'); // 'http://localhost:5173'
 * ```
 */
export function requestHeader(request: Request, name: string): string | null {
  const fast = (request as { headerValue?: (name: string) => string | null }).headerValue;
  return fast === undefined ? request.headers.get(name) : fast.call(request, name);
}
