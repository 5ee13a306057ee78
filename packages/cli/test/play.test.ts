import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runVajra, startVajra } from './__fixtures__/vajra-process';

const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-play-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
writeFileSync(join(directory, 'bowl.json'), JSON.stringify({ duration: 1.5, layers: [{ kind: 'bowl', frequency: 221 }] }));
writeFileSync(join(directory, 'long.json'), JSON.stringify({ duration: 600, layers: [{ kind: 'tone', frequency: 136.1, gain: 0.2 }] }));

describe('vajra play', () => {
  // This machine has no sound card: the speaker sink cannot open a device. Whatever the audio library
  // prints while probing (JACK, ALSA) stays in the speaker process; the command says one line.
  it('without an audio device: one line with its code, exit code 4, nothing on stdout', async () => {
    const run = await runVajra(['play', 'bowl.json'], { cwd: directory });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error AUDIO_OUTPUT_UNAVAILABLE: /);
    const json = await runVajra(['play', 'bowl.json', '--json'], { cwd: directory });
    expect(json.code).toBe(4);
    expect(jsonLines<{ error: { code: string } }>(json.stdout)).toEqual([{ error: expect.objectContaining({ code: 'AUDIO_OUTPUT_UNAVAILABLE' }) }]);
  });

  it('plays to the end through the audio graph without a device (--device none): exit 0', async () => {
    const run = await runVajra(['play', 'bowl.json', '--device', 'none', '--json'], { cwd: directory });
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      { state: 'playing', input: 'bowl.json', duration: 1.5, sampleRate: 48000 },
      { state: 'ended', position: 1.5 },
    ]);
  });

  it('stops on SIGINT with a fade: exit code 130', async () => {
    const run = startVajra(['play', 'long.json', '--device', 'none', '--json'], { cwd: directory });
    try {
      await run.until(({ stdout }) => stdout.includes('"playing"'));
      run.child.kill('SIGINT');
      const done = await run.exited;
      expect(done.code, done.stderr).toBe(130);
      const [, stopped] = jsonLines<{ state: string; position: number }>(done.stdout);
      expect(stopped!.state).toBe('stopped');
      expect(stopped!.position).toBeGreaterThanOrEqual(0);
      expect(stopped!.position).toBeLessThan(600);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
