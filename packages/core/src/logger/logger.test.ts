import { describe, expect, it } from 'vitest';
import { createConsoleLogger, silentLogger } from './logger';

describe('createConsoleLogger', () => {
  it('writes one JSON line per entry at or above its level, with child bindings and fields', () => {
    const lines: Array<[string, string]> = [];
    const logger = createConsoleLogger({ level: 'info', write: (level, line) => lines.push([level, line]) });
    logger.debug('hidden');
    logger.info('hello', { n: 1 });
    logger.child({ plugin: 'audio' }).warn('careful', { sessionId: 's1' });
    logger.error('failed', { error: Object.assign(new Error('disk full'), { code: 'STORE_FULL' }) });
    expect(lines.map(([level]) => level)).toEqual(['info', 'warn', 'error']);
    const parsed = lines.map(([, line]) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ level: 'info', message: 'hello', n: 1 });
    expect(Date.parse(parsed[0]?.time as string)).not.toBeNaN();
    expect(parsed[1]).toMatchObject({ level: 'warn', message: 'careful', plugin: 'audio', sessionId: 's1' });
    // Errors are reduced to name, message and code: no stack traces in logs.
    expect(parsed[2]?.error).toEqual({ name: 'Error', message: 'disk full', code: 'STORE_FULL' });
  });

  it('logs nothing at level silent, and silentLogger drops everything', () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ level: 'silent', write: (_level, line) => lines.push(line) });
    logger.error('nope');
    silentLogger.child({ a: 1 }).error('nope');
    expect(lines).toEqual([]);
  });
});
