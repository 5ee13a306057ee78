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

/**
 * One of the hardware package's error codes.
 *
 * @example
 * ```ts
 * try {
 *   await hardware.whenConnected('amplifier', { timeoutMs: 5000 });
 * } catch (error) {
 *   const code = isVajraError(error) ? (error.code as HardwareErrorCode) : undefined;
 *   if (code === 'DEVICE_TIMEOUT') console.warn('the amplifier relay board is not plugged in');
 * }
 * ```
 */
export type HardwareErrorCode = (typeof HardwareErrorCodes)[keyof typeof HardwareErrorCodes];
