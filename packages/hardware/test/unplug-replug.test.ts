import { describe, expect, it } from 'vitest';
import { runUnplugCycles } from './__fixtures__/unplug-cycles';

describe('unplug and replug through a real pseudo-terminal, 50 times', () => {
  it('notices every unplug and the absent path, reconnects every time the path returns, and traffic resumes both ways', async () => {
    // Each wait is bounded (10 s) so a hang fails the cycle; speed is measured in bench/, not here.
    const run = await runUnplugCycles({ cycles: 50, boundMs: 10_000 });
    expect(run.cycles).toHaveLength(50);
    for (const cycle of run.cycles) {
      expect(['DEVICE_CLOSED', 'DEVICE_ABSENT']).toContain(cycle.noticedAs);
      expect(cycle.delivered).toBe(1);
      expect(cycle.bytesInAfter).toBeGreaterThan(0);
    }
    // One successful connection per replug, no more and no fewer.
    expect(run.reconnects).toBe(50);
  }, 180_000);
});
