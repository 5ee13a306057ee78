/** Patterns of well-known API key shapes (OpenAI `sk-…`, Anthropic `sk-ant-…`, bearer tokens). */
const KEY_PATTERNS = [/sk-[A-Za-z0-9_-]{8,}/g, /(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/gi];

/**
 * Replaces every given secret, and anything shaped like an API key, with `[redacted]`.
 *
 * @example
 * ```ts
 * redactSecrets('bad key sk-abc123456789', []); // 'bad key [redacted]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(KEY_PATTERNS[0]!, '[redacted]');
  out = out.replace(KEY_PATTERNS[1]!, '$1[redacted]');
  return out;
}
