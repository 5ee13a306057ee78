/** The path and query of a request, with its `URL` built only when asked for. */
export interface RequestTarget {
  pathname: string;
  /** The query with its leading `?`, or `''`. */
  search: string;
  readonly url: URL;
}

/** Characters a WHATWG URL parser leaves untouched in a path and query (no `%`, `'`, `\`, `#`, spaces or non-ASCII). */
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9\-._~!$&()*+,;=:@/?]*$/;
const DOT_SEGMENT = /\/\.\.?(\/|\?|$)/;

/**
 * The target of `request`. Adapters may expose the raw request target (`rawTarget`, such as `/a?b=1`):
 * when it is plain (nothing a URL parser would rewrite: escapes, dot segments, characters it encodes),
 * its path and query are taken as they are and no `URL` is parsed; otherwise the URL decides.
 *
 * @example
 * ```ts
 * requestTarget(new Request('http://localhost/api/v1/sessions?limit=20')); // { pathname: '/api/v1/sessions', search: '?limit=20', … }
 * ```
 */
export function requestTarget(request: Request): RequestTarget {
  const raw = (request as { rawTarget?: string }).rawTarget;
  if (raw !== undefined && PLAIN_TARGET.test(raw)) {
    const mark = raw.indexOf('?');
    const pathname = mark < 0 ? raw : raw.slice(0, mark);
    if (!DOT_SEGMENT.test(pathname)) return new PlainTarget(request, pathname, mark < 0 || mark === raw.length - 1 ? '' : raw.slice(mark));
  }
  const url = parseUrl(request);
  return { pathname: url.pathname, search: url.search, url };
}

/** A plain target taken as it is, its `URL` parsed on first use (a class: no closure or accessor per request). */
class PlainTarget implements RequestTarget {
  readonly pathname: string;
  readonly search: string;
  #request: Request;
  #url: URL | undefined;
  constructor(request: Request, pathname: string, search: string) {
    this.#request = request;
    this.pathname = pathname;
    this.search = search;
  }
  get url(): URL {
    return (this.#url ??= parseUrl(this.#request));
  }
}

function parseUrl(request: Request): URL {
  try {
    return (request as { parsedUrl?: URL }).parsedUrl ?? new URL(request.url);
  } catch {
    return new URL('http://invalid/');
  }
}
