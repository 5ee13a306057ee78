import { describe, expect, it } from 'vitest';
import { runUnplugCycles } from './__fixtures__/unplug-cycles';

describe('unplug and replug through a real pseudo-terminal, 50 times', () => {
  it('notices every unplug and the absent path, reconnects every time the path returns, and traffic resumes both ways', async () => {
    // Each wait is bounded (10 s) so a hang fails the cycle; speed is measured in bench/, not here.
    const run = await runUnplugCycles({ cycles: 50, boundMs: 10_000 });
    expect(run.cycles).toHaveLength(50);
    for (const cycle of run.cycles) {
      expect(['DEVICE_CLOSED', 'DEVICE_ABSENT']).toContain(cycle.noticedAs);
      expect(cycle.delivered).toBeGreaterThanOrEqual(1);
      expect(cycle.bytesInAfter).toBeGreaterThan(0);
      // A new connection was made after the unplug (not a stale link that looked connected). More than one
      // is allowed: on a loaded machine a heartbeat answered after its timeout cuts the link once more.
      expect(cycle.connections).toBeGreaterThanOrEqual(1);
    }
    expect(run.reconnects).toBeGreaterThanOrEqual(50);
  }, 600_000);
});
