export { SESSION_STATUSES, createSessionSchema, updateSessionSchema, type Session, type SessionStatus, type CreateSessionInput, type UpdateSessionInput } from './session';
export { SESSION_TRANSITIONS, canTransition, type SessionAction } from './session-transitions';
export { createSessionService, type SessionService, type ListSessionsOptions, type CreateSessionOptions } from './session-service';
