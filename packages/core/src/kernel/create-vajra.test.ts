import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../logger/logger';
import { definePlugin } from '../plugins/define-plugin';
import { createMemoryStore } from '../store/memory-store';
import { createManualClock } from '../testing/create-manual-clock';
import { createVajra } from './create-vajra';

const codeOf = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
};

describe('createVajra', () => {
  it('starts plugins in dependency order, gives them their deps and disposes in reverse', async () => {
    const log: string[] = [];
    const base = definePlugin({
      specificationVersion: 'v1',
      id: 'base',
      setup: () => {
        log.push('setup base');
        return { value: 41 };
      },
      dispose: () => {
        log.push('dispose base');
      },
    });
    const top = definePlugin({
      specificationVersion: 'v1',
      id: 'top',
      dependsOn: ['base'],
      setup: async (ctx) => {
        log.push('setup top');
        const dependency = ctx.use('base') as { value: number };
        ctx.signal.addEventListener('abort', () => log.push('top saw abort'));
        return { answer: dependency.value + 1 };
      },
      dispose: () => {
        log.push('dispose top');
      },
    });
    const vajra = createVajra({ plugins: [top, base], logger: silentLogger, env: {} });
    const started: string[][] = [];
    vajra.events.on('kernel:started', ({ plugins }) => started.push(plugins));
    await vajra.start();
    expect((vajra.plugin('top') as { answer: number }).answer).toBe(42);
    expect(vajra.pluginIds()).toEqual(['base', 'top']);
    expect(started).toEqual([['base', 'top']]);
    expect(vajra.hasPlugin('top')).toBe(true);
    expect(await vajra.ready()).toBe(true);
    await vajra.stop();
    expect(log).toEqual(['setup base', 'setup top', 'top saw abort', 'dispose top', 'dispose base']);
    expect(vajra.status).toBe('stopped');
    expect(await vajra.ready()).toBe(false);
  });

  it('fails at start, not later, on missing or cyclic dependencies and bad specs', () => {
    const a = definePlugin({ specificationVersion: 'v1', id: 'a', dependsOn: ['missing'], setup: () => ({}) });
    expect(() => createVajra({ plugins: [a], env: {} })).toThrowError(/depends on "missing"/);
    const b = definePlugin({ specificationVersion: 'v1', id: 'b', dependsOn: ['c'], setup: () => ({}) });
    const c = definePlugin({ specificationVersion: 'v1', id: 'c', dependsOn: ['b'], setup: () => ({}) });
    expect(() => createVajra({ plugins: [b, c], env: {} })).toThrowError(/cycle/);
  });

  it('refuses an unknown specification version', async () => {
    const odd = { specificationVersion: 'v9', id: 'odd', setup: () => ({}) } as unknown as ReturnType<typeof definePlugin>;
    const vajra = createVajra({ plugins: [odd], logger: silentLogger, env: {} });
    expect(await codeOf(() => vajra.start())).toBe('PLUGIN_SPEC_UNSUPPORTED');
  });

  it('reports a failing setup as PLUGIN_SETUP_FAILED and disposes the plugins already started', async () => {
    const disposed: string[] = [];
    const good = definePlugin({ specificationVersion: 'v1', id: 'good', setup: () => ({}), dispose: () => void disposed.push('good') });
    const bad = definePlugin({
      specificationVersion: 'v1',
      id: 'bad',
      dependsOn: ['good'],
      setup: () => {
        throw new Error('no device');
      },
    });
    const vajra = createVajra({ plugins: [good, bad], logger: silentLogger, env: {} });
    await expect(vajra.start()).rejects.toMatchObject({ code: 'PLUGIN_SETUP_FAILED', message: expect.stringMatching(/"bad".*no device/) });
    expect(disposed).toEqual(['good']);
  });

  it('refuses use() of an undeclared dependency', async () => {
    const other = definePlugin({ specificationVersion: 'v1', id: 'other', setup: () => ({}) });
    const sneaky = definePlugin({ specificationVersion: 'v1', id: 'sneaky', setup: (ctx) => ctx.use('other') });
    const vajra = createVajra({ plugins: [other, sneaky], logger: silentLogger, env: {} });
    expect(await codeOf(() => vajra.start())).toBe('PLUGIN_DEPENDENCY_MISSING');
  });

  it('validates plugin config from defaults, env and options, naming the key on failure', async () => {
    const seen: unknown[] = [];
    const configurable = definePlugin({
      specificationVersion: 'v1',
      id: 'tuner',
      configSchema: z.object({ pitch: z.number().min(400).max(480).default(440), name: z.string().default('a') }),
      setup: (ctx) => {
        seen.push(ctx.config);
        return {};
      },
    });
    await createVajra({ plugins: [configurable], logger: silentLogger, env: { VAJRA_TUNER__PITCH: '432' }, config: { tuner: { name: 'b' } } }).start();
    expect(seen).toEqual([{ pitch: 432, name: 'b' }]);
    const broken = createVajra({ plugins: [configurable], logger: silentLogger, env: { VAJRA_TUNER__PITCH: '1000' } });
    await expect(broken.start()).rejects.toThrowError(/tuner\.pitch \(from VAJRA_TUNER__PITCH\)/);
    const core = createVajra({ logger: silentLogger, env: { VAJRA_WHEELS__MAX_RPM: '-3' } });
    await expect(core.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('wheels.maxRpm') });
  });

  it('guards use before start, double start and unknown plugins', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {}, clock: createManualClock(), store: createMemoryStore() });
    expect(() => vajra.sessions).toThrowError(/start/);
    await vajra.start();
    expect(await codeOf(() => vajra.start())).toBe('KERNEL_ALREADY_STARTED');
    expect(() => vajra.plugin('nope')).toThrowError(/not installed/);
    expect(vajra.config.wheels.tickIntervalMs).toBe(1000);
    await vajra.stop();
  });
});
