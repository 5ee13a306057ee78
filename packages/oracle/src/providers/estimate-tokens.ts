/**
 * A rough token count (about four characters per token) for providers that report no usage.
 *
 * @example
 * ```ts
 * estimateTokens('Om Mani Padme Hum'); // 5
 * ```
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
