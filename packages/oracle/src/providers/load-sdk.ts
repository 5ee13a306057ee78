import { providerError } from '../errors/provider-error';

/**
 * Loads a vendor SDK (an optional peer dependency) the first time a provider needs it. A missing or
 * broken package becomes a `PROVIDER_MISCONFIGURED` error naming the package to install, so an
 * offline-only app never installs or loads the SDKs, and a configured provider without its SDK is
 * reported instead of crashing at import.
 *
 * @example
 * ```ts
 * const { default: OpenAI } = await loadSdk('openai', 'openai', () => import('openai'));
 * ```
 */
export async function loadSdk<T>(provider: string, packageName: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/i.test(message);
    const reason = missing ? `the "${packageName}" package is not installed (npm install ${packageName})` : `the "${packageName}" package failed to load (${message})`;
    throw providerError('PROVIDER_MISCONFIGURED', provider, reason, { retryable: false, cause: error });
  }
}
