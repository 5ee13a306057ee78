import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example';

const directory = mkdtempSync(join(tmpdir(), 'vajra-docs-script-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const soxi = (flag: string, file: string): string => execFileSync('soxi', [flag, file], { encoding: 'utf8' }).trim();

describe('docs/examples/src/node-script.ts', () => {
  it('writes a WAV file that sox reads back as 10 s of 24-bit stereo at 48 kHz, finds the partials it rendered, and names the phase of a known day', { timeout: 120_000 }, async () => {
    const file = join(directory, 'practice.wav');
    const example = runExample('node-script.ts', [file, '2024-04-08T18:17:00Z']);
    expect(await example.exited).toBe(0);
    const { stdout } = example.output();
    expect([soxi('-c', file), soxi('-r', file), soxi('-b', file), soxi('-s', file)]).toEqual(['2', '48000', '24', '480000']);
    const partials = [.../strongest partials \(left\): (.+)$/m.exec(stdout)![1]!.matchAll(/([\d.]+) Hz/g)].map((match) => Number(match[1]));
    expect(partials.some((frequency) => Math.abs(frequency - 221) < 0.5)).toBe(true); // the bowl's fundamental
    expect(partials.some((frequency) => Math.abs(frequency - 200) < 0.5)).toBe(true); // the binaural carrier (left ear)
    // The total solar eclipse of 8 April 2024 fell on the new moon; sunrise in Kathmandu was about 05:50 local (00:05 UTC).
    expect(stdout).toMatch(/^2024-04-08T18:17:00Z: new moon, sunrise in Kathmandu 2024-04-08T00:0\d:\d\d/m);
  });
});
