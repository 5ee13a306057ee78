import { BlockList, isIP } from 'node:net';
import { parseInput } from '@vajra-stream/core';
import { z } from 'zod';

/**
 * Reverse proxies whose forwarded client address the server believes: `proxies` are IP addresses, CIDR
 * ranges (`10.0.0.0/8`, `fd00::/8`) or the names `loopback` (127.0.0.0/8, ::1) and `private` (10/8,
 * 172.16/12, 192.168/16, fc00::/7). `header` is the one header the proxies write (`x-forwarded-for` by
 * default, or `forwarded`, RFC 7239); the other is ignored, so a client cannot smuggle an address in it.
 *
 * @example
 * ```ts
 * // nginx on the same machine, appending the client with proxy_add_x_forwarded_for
 * const trustProxy: TrustProxyOptions = { proxies: ['loopback'] };
 * createServer(vajra, { trustProxy });
 * ```
 */
export interface TrustProxyOptions {
  proxies: string[];
  header?: 'x-forwarded-for' | 'forwarded';
}

const NAMED: Record<string, Array<[string, number]>> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  private: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
};

const entrySchema = z.string().refine((entry) => entry in NAMED || subnetOf(entry) !== undefined, {
  message: 'expected an IP address, a CIDR range such as 10.0.0.0/8, "loopback" or "private"',
});
/**
 * The zod schema of {@link TrustProxyOptions}: at least one proxy, each an IP address, a CIDR range,
 * `loopback` or `private`; `header` one of `x-forwarded-for` and `forwarded`.
 *
 * @example
 * ```ts
 * trustProxySchema.safeParse({ proxies: ['10.0.0.0/33'] }).success; // false: a /33 is no IPv4 range
 * trustProxySchema.parse({ proxies: ['loopback', 'fd00::/8'], header: 'forwarded' });
 * ```
 */
export const trustProxySchema = z.strictObject({
  proxies: z.array(entrySchema).min(1),
  header: z.enum(['x-forwarded-for', 'forwarded']).optional(),
});

/**
 * The client address of a request: the peer's own, or — when the peer is a trusted proxy — the nearest
 * address in the forwarded chain that is not a trusted proxy itself (walking from the peer outwards).
 * A malformed entry ends the walk at the last trusted hop.
 */
export type ClientAddress = (peer: string | undefined, header: (name: string) => string | null) => string;

/**
 * Validate `options` (a `VALIDATION_FAILED` VajraError for a bad address or range) and return the
 * resolver of client addresses, or `undefined` without options (the peer address is used as it is).
 *
 * @example
 * ```ts
 * const clientAddress = createClientAddress({ proxies: ['10.0.0.5'] })!;
 * clientAddress('10.0.0.5', (name) => (name === 'x-forwarded-for' ? '198.51.100.7' : null)); // '198.51.100.7'
 * clientAddress('203.0.113.9', (name) => (name === 'x-forwarded-for' ? '198.51.100.7' : null)); // '203.0.113.9'
 * ```
 */
export function createClientAddress(options: TrustProxyOptions | undefined): ClientAddress | undefined {
  if (options === undefined) return undefined;
  const { proxies, header = 'x-forwarded-for' } = parseInput(trustProxySchema, options, 'trustProxy');
  const trusted = new BlockList();
  for (const entry of proxies) {
    for (const [address, prefix] of NAMED[entry] ?? [subnetOf(entry)!]) trusted.addSubnet(address, prefix, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  const isTrusted = (address: string): boolean => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  const chainOf = header === 'forwarded' ? forwardedFor : (value: string) => value.split(',').map((entry) => entry.trim());
  return (peer, get) => {
    const client = unmapped(peer ?? 'unknown');
    if (!isTrusted(client)) return client;
    const value = get(header);
    if (value === null) return client;
    const chain = chainOf(value);
    let address = client;
    for (let i = chain.length - 1; i >= 0 && isTrusted(address); i--) {
      const next = unmapped(chain[i]!);
      if (isIP(next) === 0) break;
      address = next;
    }
    return address;
  };
}

/** `[address, prefix length]` of an address or CIDR range, or undefined when it is neither. */
function subnetOf(entry: string): [string, number] | undefined {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return undefined;
  const max = family === 6 ? 128 : 32;
  if (prefix === undefined) return [address, max];
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return undefined;
  return [address, Number(prefix)];
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) as `192.0.2.1`, so one client has one key. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The `for=` addresses of a `Forwarded` header, in order (`"[2001:db8::1]:4711"` → `2001:db8::1`, `192.0.2.1:80` → `192.0.2.1`). */
function forwardedFor(value: string): string[] {
  return value.split(',').map((element) => {
    const pair = element.split(';').find((part) => part.trim().toLowerCase().startsWith('for='));
    if (pair === undefined) return '';
    const node = pair.trim().slice(4).replace(/^"|"$/g, '');
    if (node.startsWith('[')) return node.slice(1, node.indexOf(']'));
    return isIP(node) === 0 && /^[\d.]+:\d+$/.test(node) ? node.slice(0, node.lastIndexOf(':')) : node;
  });
}
