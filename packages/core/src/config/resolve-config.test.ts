import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coreConfigSchema } from './core-config-schema';
import { envOverrides, envVariableName } from './env-overrides';
import { mergeConfig, resolveConfig } from './resolve-config';

describe('config', () => {
  it('uses schema defaults when nothing is given', () => {
    const config = resolveConfig(coreConfigSchema, {}, {});
    expect(config).toEqual({ logLevel: 'info', sessions: { maxDuration: 604_800, recover: true }, wheels: { tickIntervalMs: 1000, maxRpm: 100_000 } });
  });

  it('lets VAJRA_* environment override defaults and explicit options override the environment', () => {
    const env = { VAJRA_LOG_LEVEL: 'warn', VAJRA_SESSIONS__MAX_DURATION: '3600', VAJRA_SESSIONS__RECOVER: 'false', VAJRA_WHEELS__TICK_INTERVAL_MS: '250' };
    const config = resolveConfig(coreConfigSchema, { wheels: { tickIntervalMs: 500 } }, env);
    expect(config.logLevel).toBe('warn');
    expect(config.sessions).toEqual({ maxDuration: 3600, recover: false });
    expect(config.wheels.tickIntervalMs).toBe(500);
  });

  it('refuses the former wheels.tickInterval key instead of ignoring it', () => {
    expect(() => resolveConfig(coreConfigSchema, { wheels: { tickInterval: 250 } }, {})).toThrowError(/tickInterval/);
    try {
      resolveConfig(coreConfigSchema, { wheels: { tickInterval: 250 } }, {});
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('CONFIG_INVALID');
    }
  });

  it('names the key, the variable and the reason of an invalid value', () => {
    expect(() => resolveConfig(coreConfigSchema, {}, { VAJRA_WHEELS__TICK_INTERVAL_MS: '5' })).toThrowError(/wheels\.tickIntervalMs \(from VAJRA_WHEELS__TICK_INTERVAL_MS\): .*10/);
    expect(() => resolveConfig(coreConfigSchema, {}, { VAJRA_SESSIONS__MAX_DURATION: 'ten' })).toThrowError(/VAJRA_SESSIONS__MAX_DURATION: expected a number, got "ten"/);
    expect(() => resolveConfig(coreConfigSchema, { logLevel: 'loud' }, {})).toThrowError(/logLevel: /);
    try {
      resolveConfig(coreConfigSchema, { sessions: { maxDuration: -1 } }, {});
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('CONFIG_INVALID');
      expect((error as Error).message).not.toContain('from VAJRA');
    }
  });

  it('reads plugin sections under the plugin id and coerces by leaf type', () => {
    const schema = z.object({ rate: z.number().default(10), name: z.string().default('x'), loud: z.boolean().default(false), list: z.array(z.number()).default([]) });
    const env = { VAJRA_MY_PLUGIN__RATE: '12.5', VAJRA_MY_PLUGIN__NAME: '007', VAJRA_MY_PLUGIN__LOUD: 'yes', VAJRA_MY_PLUGIN__LIST: '[1,2]' };
    expect(resolveConfig(schema, undefined, env, ['my-plugin'])).toEqual({ rate: 12.5, name: '007', loud: true, list: [1, 2] });
    expect(envVariableName(['my-plugin', 'spectrumRate'])).toBe('VAJRA_MY_PLUGIN__SPECTRUM_RATE');
    expect(envOverrides(schema, { VAJRA_RATE: '1' })).toEqual({ rate: 1 });
  });

  it('merges deeply, replacing arrays and skipping undefined', () => {
    expect(mergeConfig({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } }, { a: { b: undefined } })).toEqual({ a: { b: 1, c: [3] } });
  });
});
