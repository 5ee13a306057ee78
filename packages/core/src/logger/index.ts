export { createConsoleLogger, silentLogger, type Logger, type LogLevel, type LogFields, type ConsoleLoggerOptions } from './logger';
