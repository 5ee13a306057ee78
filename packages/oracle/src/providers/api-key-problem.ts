/** What a vendor's keys look like on its official endpoint. */
export interface ApiKeyShape {
  /** Every key of the vendor starts with this (`sk-ant-` for Anthropic, `sk-` for OpenAI). */
  prefix: string;
  /** Keys of another vendor that are easy to paste by mistake: their prefix and the vendor's name. */
  foreign?: { prefix: string; vendor: string };
}

/**
 * Why `key` cannot work, or `undefined` when it may. Whitespace, quotes, control and non-ASCII
 * characters are refused everywhere (a pasted `Bearer …` or a quoted value); the vendor's key shape
 * only on its official endpoint (proxies and gateways issue keys of their own). The key itself is
 * never part of the answer.
 *
 * @example
 * ```ts
 * apiKeyProblem('Bearer sk-abc', { prefix: 'sk-' }, true); // 'the API key contains whitespace …'
 * ```
 */
export function apiKeyProblem(key: string, shape: ApiKeyShape, officialEndpoint: boolean): string | undefined {
  if (/[^\x21-\x7e]/.test(key)) return 'the API key contains whitespace, control or non-ASCII characters (paste the key alone, without "Bearer")';
  if (/["'`]/.test(key)) return 'the API key contains quotes (paste the key without them)';
  if (!officialEndpoint) return undefined;
  if (shape.foreign !== undefined && key.startsWith(shape.foreign.prefix)) return `the API key looks like ${shape.foreign.vendor} key`;
  if (!key.startsWith(shape.prefix)) return `the API key does not start with "${shape.prefix}" as every key of this vendor does`;
  return undefined;
}
