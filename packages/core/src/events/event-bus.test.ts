import { describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../logger/logger';
import { createEventBus } from './event-bus';

const recordingLogger = () => {
  const lines: Array<{ level: string; message: string; fields?: LogFields }> = [];
  const logger: Logger = {
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
    child: () => logger,
  };
  return { logger, lines };
};

const payload = { plugins: ['a'] };

describe('createEventBus', () => {
  it('delivers payloads to listeners in registration order', () => {
    const bus = createEventBus(recordingLogger().logger);
    const seen: string[] = [];
    bus.on('kernel:started', (p) => seen.push(`one:${p.plugins.join()}`));
    bus.on('kernel:started', () => seen.push('two'));
    bus.emit('kernel:started', payload);
    expect(seen).toEqual(['one:a', 'two']);
  });

  it('isolates a throwing listener: others still run, the logger and an error event report it', () => {
    const { logger, lines } = recordingLogger();
    const bus = createEventBus(logger);
    const seen: string[] = [];
    const errors: unknown[] = [];
    bus.on('error', (e) => errors.push(e));
    bus.on('kernel:started', () => {
      throw Object.assign(new Error('listener broke'), { code: 'BROKEN' });
    });
    bus.on('kernel:started', () => seen.push('after'));
    expect(() => bus.emit('kernel:started', payload)).not.toThrow();
    expect(seen).toEqual(['after']);
    expect(errors).toEqual([{ source: 'listener', event: 'kernel:started', message: 'listener broke', code: 'BROKEN' }]);
    expect(lines.some((l) => l.level === 'error' && l.fields?.event === 'kernel:started')).toBe(true);
  });

  it('reports rejected async listeners without an unhandled rejection', async () => {
    const { logger } = recordingLogger();
    const bus = createEventBus(logger);
    const reported = new Promise<string>((resolve) => bus.on('error', (e) => resolve(e.message)));
    bus.on('kernel:started', async () => {
      await Promise.resolve();
      throw new Error('async failure');
    });
    bus.emit('kernel:started', payload);
    expect(await reported).toBe('async failure');
  });

  it('does not recurse when an error listener itself throws', () => {
    const { logger, lines } = recordingLogger();
    const bus = createEventBus(logger);
    bus.on('error', () => {
      throw new Error('error listener broke');
    });
    bus.on('kernel:started', () => {
      throw new Error('first');
    });
    expect(() => bus.emit('kernel:started', payload)).not.toThrow();
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(2);
  });

  it('supports once, off, unsubscribe functions, onAny and listenerCount', () => {
    const bus = createEventBus(recordingLogger().logger);
    let count = 0;
    const listener = () => {
      count += 1;
    };
    bus.once('kernel:stopping', listener);
    bus.emit('kernel:stopping', {});
    bus.emit('kernel:stopping', {});
    expect(count).toBe(1);
    bus.on('kernel:stopping', listener);
    expect(bus.listenerCount('kernel:stopping')).toBe(1);
    bus.off('kernel:stopping', listener);
    bus.emit('kernel:stopping', {});
    expect(count).toBe(1);
    const off = bus.on('kernel:stopping', listener);
    off();
    bus.emit('kernel:stopping', {});
    expect(count).toBe(1);
    const all: string[] = [];
    const offAny = bus.onAny((name) => all.push(name));
    bus.emit('kernel:stopping', {});
    bus.emit('kernel:started', payload);
    offAny();
    bus.emit('kernel:stopping', {});
    expect(all).toEqual(['kernel:stopping', 'kernel:started']);
  });

  it('registers a listener once per event however often it is added, so one off removes it (no leak)', () => {
    const bus = createEventBus(recordingLogger().logger);
    let count = 0;
    const listener = () => {
      count += 1;
    };
    const first = bus.on('kernel:stopping', listener);
    bus.on('kernel:stopping', listener);
    bus.once('kernel:stopping', listener);
    expect(bus.listenerCount('kernel:stopping')).toBe(1);
    bus.emit('kernel:stopping', {});
    expect(count).toBe(1);
    bus.off('kernel:stopping', listener);
    expect(bus.listenerCount('kernel:stopping')).toBe(0);
    bus.emit('kernel:stopping', {});
    expect(count).toBe(1);
    // The same function on another event is a separate registration.
    bus.on('kernel:stopping', listener);
    bus.on('kernel:started', listener);
    first();
    expect([bus.listenerCount('kernel:stopping'), bus.listenerCount('kernel:started')]).toEqual([0, 1]);
    // A once listener that fired is gone, and adding it again registers it afresh.
    bus.once('kernel:stopping', listener);
    bus.once('kernel:stopping', listener);
    bus.emit('kernel:stopping', {});
    expect(bus.listenerCount('kernel:stopping')).toBe(0);
    bus.on('kernel:stopping', listener);
    bus.emit('kernel:stopping', {});
    expect(count).toBe(3);
    for (let i = 0; i < 1000; i += 1) {
      bus.off('kernel:stopping', listener);
      bus.on('kernel:stopping', listener);
      bus.on('kernel:stopping', listener);
    }
    expect(bus.listenerCount('kernel:stopping')).toBe(1);
  });
});
