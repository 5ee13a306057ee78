export { OracleErrorCodes, type OracleErrorCode } from './oracle-error-codes';
export { providerError, isRetryable, retryAfterMs, type ProviderErrorDetails } from './provider-error';
export { redactSecrets } from './redact-secrets';
