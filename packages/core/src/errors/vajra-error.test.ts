import { describe, expect, it, vi } from 'vitest';
import { VajraError, isVajraError } from './vajra-error';

describe('VajraError', () => {
  it('carries code, status, details and cause', () => {
    const cause = new Error('disk full');
    const error = new VajraError('STORE_FAILED', 'could not write', { status: 503, details: { table: 'x' }, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('STORE_FAILED');
    expect(error.status).toBe(503);
    expect(error.details).toEqual({ table: 'x' });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('VajraError');
  });

  it('serialises without cause or stack', () => {
    const error = new VajraError('X', 'm', { cause: new Error('secret path /root/key') });
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toEqual({ name: 'VajraError', code: 'X', message: 'm' });
    expect(json).not.toContain('secret');
  });

  it('is recognised across two copies of the module, and not confused with look-alikes', async () => {
    vi.resetModules();
    const specifier = './vajra-error?second-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('./vajra-error');
    expect(copy.VajraError).not.toBe(VajraError);
    const foreign = new copy.VajraError('SESSION_NOT_FOUND', 'nope');
    expect(foreign instanceof VajraError).toBe(false);
    expect(isVajraError(foreign)).toBe(true);
    expect(copy.isVajraError(new VajraError('A', 'b'))).toBe(true);
    expect(isVajraError(new Error('plain'))).toBe(false);
    expect(isVajraError({ code: 'SESSION_NOT_FOUND', message: 'fake' })).toBe(false);
    expect(isVajraError(null)).toBe(false);
    expect(isVajraError('VajraError')).toBe(false);
  });
});
