/**
 * The stable error codes raised by the kernel. Plugins add their own codes (strings are open-ended).
 *
 * @example
 * ```ts
 * if (error.code === ErrorCodes.SESSION_NOT_FOUND) return notFound();
 * ```
 */
export const ErrorCodes = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  CONFIG_INVALID: 'CONFIG_INVALID',
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
  SESSION_INVALID_TRANSITION: 'SESSION_INVALID_TRANSITION',
  SESSION_ACTIVE: 'SESSION_ACTIVE',
  WHEEL_NOT_FOUND: 'WHEEL_NOT_FOUND',
  WHEEL_INVALID_STATE: 'WHEEL_INVALID_STATE',
  MANTRA_NOT_FOUND: 'MANTRA_NOT_FOUND',
  PLUGIN_NOT_FOUND: 'PLUGIN_NOT_FOUND',
  PLUGIN_DUPLICATE: 'PLUGIN_DUPLICATE',
  PLUGIN_DEPENDENCY_MISSING: 'PLUGIN_DEPENDENCY_MISSING',
  PLUGIN_DEPENDENCY_CYCLE: 'PLUGIN_DEPENDENCY_CYCLE',
  PLUGIN_SETUP_FAILED: 'PLUGIN_SETUP_FAILED',
  PLUGIN_SPEC_UNSUPPORTED: 'PLUGIN_SPEC_UNSUPPORTED',
  KERNEL_NOT_STARTED: 'KERNEL_NOT_STARTED',
  KERNEL_ALREADY_STARTED: 'KERNEL_ALREADY_STARTED',
  STORE_CLOSED: 'STORE_CLOSED',
  STORE_INVALID_VALUE: 'STORE_INVALID_VALUE',
} as const;

/**
 * One of the kernel's stable error codes.
 *
 * @example
 * ```ts
 * const httpStatus = (code: ErrorCode): number => (code === 'SESSION_NOT_FOUND' || code === 'WHEEL_NOT_FOUND' ? 404 : 500);
 * httpStatus(ErrorCodes.WHEEL_NOT_FOUND); // 404
 * ```
 */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
