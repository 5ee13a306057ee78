/**
 * Severity levels, lowest first; `silent` logs nothing.
 *
 * @example
 * ```ts
 * const level: LogLevel = process.env.NODE_ENV === 'production' ? 'warn' : 'debug';
 * const logger = createConsoleLogger({ level });
 * ```
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Structured fields attached to a log line.
 *
 * @example
 * ```ts
 * const fields: LogFields = { sessionId: session.id, duration: session.duration };
 * logger.info('session started', fields); // {"time":"…","level":"info","message":"session started","sessionId":"…","duration":600}
 * ```
 */
export type LogFields = Record<string, unknown>;

/**
 * The logger every part of Vajra.Stream writes to. Bring your own (pino and consola fit this shape).
 *
 * @example
 * ```ts
 * ctx.logger.info('wheel started', { wheelId });
 * ```
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Options of {@link createConsoleLogger}.
 *
 * @example
 * ```ts
 * const logger = createConsoleLogger({
 *   level: 'debug',
 *   bindings: { service: 'vajra-api' },
 *   write: (level, line) => process.stderr.write(`${line}\n`),
 * });
 * ```
 */
export interface ConsoleLoggerOptions {
  level?: LogLevel;
  bindings?: LogFields;
  /** Where lines go; defaults to `console`. */
  write?: (level: Exclude<LogLevel, 'silent'>, line: string) => void;
}

/**
 * A small structured logger writing one JSON line per entry.
 *
 * @example
 * ```ts
 * const logger = createConsoleLogger({ level: 'debug' });
 * logger.child({ plugin: 'audio' }).info('ready');
 * ```
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const bindings = options.bindings ?? {};
  const write =
    options.write ??
    ((level, line) => {
      (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line);
    });
  const log = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (ORDER[level] < threshold) return;
    write(level, JSON.stringify({ time: new Date().toISOString(), level, message, ...bindings, ...fields }, errorReplacer));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => createConsoleLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  return value;
}

/**
 * A logger that drops everything.
 *
 * @example
 * ```ts
 * createVajra({ logger: silentLogger });
 * ```
 */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
