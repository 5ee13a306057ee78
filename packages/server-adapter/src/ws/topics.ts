/** Event domains that are never forwarded to clients. */
const PRIVATE_DOMAINS = new Set(['kernel', 'error']);

/**
 * True when `topic` is a valid subscription: `domain:*` or `domain:event` (`audio:spectrum`,
 * `session:*`, `wheel:*`, `astro:*`, `oracle:*`, or a plugin's own domain).
 *
 * @example
 * ```ts
 * isValidTopic('session:*'); // true
 * isValidTopic('kernel:*'); // false
 * ```
 */
export function isValidTopic(topic: unknown): topic is string {
  if (typeof topic !== 'string' || topic.length > 100) return false;
  const m = /^([a-z][a-z0-9-]{0,30}):(\*|[a-z][a-z0-9-]{0,60})$/.exec(topic);
  return m !== null && !PRIVATE_DOMAINS.has(m[1]!);
}

/**
 * The subscription pattern of `subscriptions` that covers event `name`, if any.
 *
 * @example
 * ```ts
 * matchingTopic(new Set(['session:*']), 'session:started'); // 'session:*'
 * ```
 */
export function matchingTopic(subscriptions: ReadonlySet<string>, name: string): string | undefined {
  if (subscriptions.has(name)) return name;
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const domain = name.slice(0, colon);
  const wildcard = `${domain}:*`;
  if (subscriptions.has(wildcard)) return wildcard;
  const alias = DOMAIN_ALIASES[domain];
  if (alias === undefined) return undefined;
  const aliased = `${alias}:${name.slice(colon + 1)}`;
  if (subscriptions.has(aliased)) return aliased;
  return subscriptions.has(`${alias}:*`) ? `${alias}:*` : undefined;
}

/** Event domains also reachable under a short topic name (`astro:*` covers `astrology:*` events). */
const DOMAIN_ALIASES: Record<string, string> = { astrology: 'astro' };

/** The domain of a topic or event name (`session` for `session:*`). */
export const domainOf = (name: string): string => name.slice(0, Math.max(0, name.indexOf(':')));
