import type { AnyRoute, HttpMethod } from './define-route';

interface CompiledPath {
  pattern: RegExp;
  names: string[];
  byMethod: Map<HttpMethod, AnyRoute>;
}

/** Result of `match` on a router from {@link createRouter}. */
export type RouteMatch = { kind: 'found'; route: AnyRoute; params: Record<string, string> } | { kind: 'method-not-allowed'; allow: HttpMethod[] } | { kind: 'not-found' };

/**
 * A small path router over `{name}` placeholders; static segments win over placeholders.
 *
 * @example
 * ```ts
 * const router = createRouter(routes);
 * router.match('GET', '/api/v1/sessions/ses_1'); // { kind: 'found', params: { id: 'ses_1' }, ... }
 * ```
 */
export function createRouter(routes: readonly AnyRoute[]) {
  const exact = new Map<string, CompiledPath>();
  const dynamic: CompiledPath[] = [];
  for (const route of routes) {
    const names: string[] = [];
    const isDynamic = route.path.includes('{');
    const target = isDynamic ? dynamic.find((c) => c.pattern.source === compile(route.path, []).source) : exact.get(route.path);
    const compiled = target ?? { pattern: compile(route.path, names), names, byMethod: new Map() };
    if (compiled.byMethod.has(route.method)) throw new Error(`Duplicate route ${route.method} ${route.path}`);
    compiled.byMethod.set(route.method, route);
    if (target === undefined) {
      if (isDynamic) dynamic.push(compiled);
      else exact.set(route.path, compiled);
    }
  }
  // Fewer placeholders first, so `/wheels/stats` beats `/wheels/{id}`.
  dynamic.sort((a, b) => a.names.length - b.names.length);

  const pick = (compiled: CompiledPath, method: string, params: Record<string, string>): RouteMatch => {
    const lookup = method === 'HEAD' ? 'GET' : method;
    const route = compiled.byMethod.get(lookup as HttpMethod);
    if (route !== undefined) return { kind: 'found', route, params };
    return { kind: 'method-not-allowed', allow: [...compiled.byMethod.keys()] };
  };

  return {
    match(method: string, pathname: string): RouteMatch {
      const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
      const hit = exact.get(path);
      if (hit !== undefined) return pick(hit, method, {});
      for (const compiled of dynamic) {
        const m = compiled.pattern.exec(path);
        if (m === null) continue;
        const params: Record<string, string> = {};
        try {
          compiled.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
        } catch {
          return { kind: 'not-found' };
        }
        return pick(compiled, method, params);
      }
      return { kind: 'not-found' };
    },
    routes,
  };
}

/** The router built by {@link createRouter}. */
export type Router = ReturnType<typeof createRouter>;

function compile(path: string, names: string[]): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (m === null) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return new RegExp(`^${source}$`);
}
