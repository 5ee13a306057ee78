/**
 * Whether to colour what goes to `stream`, by the usual conventions: `FORCE_COLOR` (any value but `0`
 * or `false`) turns colour on, then `NO_COLOR` (non-empty), `NODE_DISABLE_COLORS` or `TERM=dumb` turn it
 * off; otherwise only a terminal gets colour.
 *
 * @example
 * ```ts
 * colorEnabled(process.stdout, process.env); // false when piped
 * ```
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.NODE_DISABLE_COLORS !== undefined) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
