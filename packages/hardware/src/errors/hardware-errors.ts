/**
 * Stable error codes of `@vajra-stream/hardware`.
 *
 * @example
 * ```ts
 * if (isVajraError(error) && error.code === HardwareErrorCodes.DEVICE_NOT_CONNECTED) retryLater();
 * ```
 */
export const HardwareErrorCodes = {
  DEVICE_NOT_FOUND: 'DEVICE_NOT_FOUND',
  DEVICE_NOT_CONNECTED: 'DEVICE_NOT_CONNECTED',
  DEVICE_DUPLICATE: 'DEVICE_DUPLICATE',
  DEVICE_OPEN_FAILED: 'DEVICE_OPEN_FAILED',
  DEVICE_ABSENT: 'DEVICE_ABSENT',
  DEVICE_TIMEOUT: 'DEVICE_TIMEOUT',
  DEVICE_PROTOCOL_ERROR: 'DEVICE_PROTOCOL_ERROR',
  DEVICE_CLOSED: 'DEVICE_CLOSED',
  DEVICE_FLOODING: 'DEVICE_FLOODING',
  DEVICE_QUARANTINED: 'DEVICE_QUARANTINED',
  HARDWARE_STOPPED: 'HARDWARE_STOPPED',
} as const;

/** One of the hardware package's error codes. */
export type HardwareErrorCode = (typeof HardwareErrorCodes)[keyof typeof HardwareErrorCodes];
