import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/create-manual-clock';
import { createVajra } from '../kernel/create-vajra';
import { silentLogger } from '../logger/logger';
import { definePlugin } from './define-plugin';

describe('the kernel hooks: beforeAudio tasks and prepareAudio', () => {
  it('resolves prepareAudio only when every beforeAudio task of every plugin has settled; a failing task is logged and holds nothing back; a removed task is not run', async () => {
    const clock = createManualClock(0);
    const seen: string[] = [];
    const warnings: string[] = [];
    const logger = { ...silentLogger, child: () => logger, warn: (message: string) => void warnings.push(message) };
    let removeSlow: () => void = () => undefined;
    const room = definePlugin({
      specificationVersion: 'v1',
      id: 'room',
      setup(ctx) {
        removeSlow = ctx.hooks.beforeAudio(
          ({ sessionId }) =>
            new Promise<void>((resolve) =>
              ctx.clock.setTimeout(() => {
                seen.push(`amplifier ready for ${sessionId}`);
                resolve();
              }, 2000),
            ),
        );
        ctx.hooks.beforeAudio(() => {
          throw new Error('lights unplugged');
        });
      },
    });
    let prepare: (sessionId: string | null) => Promise<void> = async () => undefined;
    const player = definePlugin({
      specificationVersion: 'v1',
      id: 'player',
      setup(ctx) {
        prepare = (sessionId) => ctx.hooks.prepareAudio({ sessionId, position: 0 });
      },
    });
    const vajra = createVajra({ plugins: [player, room], clock, logger, env: {} });
    await vajra.start();
    const started = prepare('ses_1').then(() => seen.push('audio starts'));
    await clock.advance(1999);
    expect(seen).toEqual([]);
    await clock.advance(1);
    await started;
    expect(seen).toEqual(['amplifier ready for ses_1', 'audio starts']);
    expect(warnings).toEqual(['a beforeAudio task failed; the audio starts anyway']);
    removeSlow();
    await prepare(null);
    expect(seen).toHaveLength(2);
    await vajra.stop();
  });
});
