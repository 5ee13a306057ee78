export { VajraError, isVajraError, type VajraErrorOptions } from './vajra-error';
export { ErrorCodes, type ErrorCode } from './error-codes';
