import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeSpectrum } from '@vajra-stream/audio';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, jsonLines, runVajra, startVajra, vajraBin } from './__fixtures__/vajra-process';

const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-render-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** sox's report (`--i` on stdout, `stat` on stderr); fails loudly when sox is missing. */
function sox(args: string[]): string {
  const result = spawnSync('sox', args, { encoding: 'utf8' });
  if (result.error) throw new Error(`sox is needed to read WAV files back (scripts/ensure-tools.mjs installs it): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`sox ${args.join(' ')} failed: ${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

/** One channel of a WAV file, decoded by sox (not by our code) to 32-bit floats. */
function channelOf(path: string, channel: 1 | 2): Float32Array {
  const result = spawnSync('sox', [path, '-t', 'f32', '-e', 'floating-point', '-', 'remix', String(channel)], { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`sox decode failed: ${result.stderr}`);
  const bytes = result.stdout as Buffer;
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

const strongest = (signal: Float32Array, sampleRate: number) => analyzeSpectrum(signal.subarray(4800, 4800 + 65536), sampleRate, { fftSize: 65536 }).peaks[0]!;

const heavyProgram = {
  duration: 600,
  sampleRate: 16000,
  layers: [...[110, 147, 196, 221, 262, 294, 330, 392].map((frequency) => ({ kind: 'bowl', frequency })), { kind: 'noise', color: 'pink', gain: 0.1 }],
};

describe('vajra render', () => {
  it('renders program JSON to a WAV file that sox reads back, with the partials asked for in each ear', async () => {
    const input = join(directory, 'two-tones.json');
    const program = {
      duration: 3,
      gain: 1,
      layers: [
        { kind: 'tone', frequency: 300, gain: 0.3, pan: -1 },
        { kind: 'tone', frequency: 1234, gain: 0.2, pan: 1 },
      ],
    };
    writeFileSync(input, JSON.stringify(program));
    const run = await runVajra(['render', 'two-tones.json', '--format', 'pcm16', '--json'], { cwd: directory });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(''); // no progress bar on a pipe
    const [summary] = jsonLines<{ output: string; frames: number; bytes: number; format: string }>(run.stdout);
    expect(summary).toMatchObject({ output: join(directory, 'two-tones.wav'), frames: 144_000, format: 'pcm16' });
    const info = sox(['--i', summary!.output]);
    expect(info).toMatch(/Channels\s*:\s*2/);
    expect(info).toMatch(/Sample Rate\s*:\s*48000/);
    expect(info).toMatch(/Precision\s*:\s*16-bit/);
    expect(info).toMatch(/= 144000 samples/);
    expect(sox([summary!.output, '-n', 'stat'])).toMatch(/Samples read:\s+288000/);
    const left = strongest(channelOf(summary!.output, 1), 48000);
    const right = strongest(channelOf(summary!.output, 2), 48000);
    expect(Math.abs(left.frequency - 300)).toBeLessThan(0.05);
    expect(left.amplitude).toBeCloseTo(0.3, 2);
    expect(Math.abs(right.frequency - 1234)).toBeLessThan(0.05);
    expect(right.amplitude).toBeCloseTo(0.2, 2);
  });

  it('renders an SBaGen sequence (.sbg): a binaural beat with the higher tone in the left ear', async () => {
    writeFileSync(join(directory, 'alpha.sbg'), '# 10 Hz alpha on a 200 Hz carrier\nalpha: 200+10/40\nNOW alpha\n');
    const run = await runVajra(['render', 'alpha.sbg', '--duration', '4', '-o', 'alpha-beat.wav'], { cwd: directory });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*alpha-beat\.wav: 4 s, 48000 Hz stereo, 24-bit PCM/);
    const path = join(directory, 'alpha-beat.wav');
    expect(sox(['--i', '-D', path]).trim()).toBe('4.000000');
    expect(Math.abs(strongest(channelOf(path, 1), 48000).frequency - 205)).toBeLessThan(0.05);
    expect(Math.abs(strongest(channelOf(path, 2), 48000).frequency - 195)).toBeLessThan(0.05);
  });

  it('refuses bad input with one line and its code, and never overwrites without --force', async () => {
    writeFileSync(join(directory, 'negative.json'), JSON.stringify({ duration: -1, layers: [] }));
    writeFileSync(join(directory, 'broken.json'), '{ "duration": ');
    writeFileSync(join(directory, 'bell.sbg'), 'b: bell+200/20\nNOW b\n');
    const cases: Array<[string[], number, RegExp]> = [
      [['render', 'negative.json'], 3, /^error VALIDATION_FAILED: .*duration|^error VALIDATION_FAILED: .*>0/],
      [['render', 'broken.json'], 3, /^error VALIDATION_FAILED: broken\.json is not JSON/],
      [['render', 'missing.json'], 3, /^error FILE_NOT_FOUND: no such file: missing\.json/],
      [['render', 'bell.sbg'], 3, /^error SBAGEN_UNSUPPORTED: line 1: /],
      [['render', 'two-tones.json', '--format', 'pcm8'], 2, /^error USAGE: --format must be one of pcm16, pcm24, float32, got "pcm8"/],
      [['render', 'two-tones.json', '--duration', '0'], 2, /^error USAGE: --duration must be a number > 0, got "0"/],
      [['render', '-'], 2, /^error USAGE: reading the program from stdin needs --output/],
    ];
    writeFileSync(join(directory, 'two-tones.json'), JSON.stringify({ duration: 1, layers: [{ kind: 'tone', frequency: 300 }] }));
    const runs = await Promise.all(cases.map(([args]) => runVajra(args, { cwd: directory })));
    for (const [index, [args, code, message]] of cases.entries()) {
      const run = runs[index]!;
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    const existing = join(directory, 'keep.wav');
    writeFileSync(existing, 'not audio');
    const refused = await runVajra(['render', 'two-tones.json', '-o', 'keep.wav'], { cwd: directory });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error FILE_EXISTS: .*keep\.wav exists; pass --force/);
    expect(readFileSync(existing, 'utf8')).toBe('not audio');
  });

  it('reads the program from stdin', async () => {
    const run = await runVajra(['render', '-', '-o', 'stdin.wav', '--json'], {
      cwd: directory,
      input: JSON.stringify({ duration: 0.5, sampleRate: 22050, layers: [{ kind: 'tone', frequency: 440 }] }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(sox(['--i', '-s', join(directory, 'stdin.wav')]).trim()).toBe('11025');
  });

  it('stops on SIGINT: exit code 130, the unfinished file removed, no progress output on a pipe', async () => {
    writeFileSync(join(directory, 'heavy.json'), JSON.stringify(heavyProgram));
    const run = startVajra(['render', 'heavy.json', '-o', 'interrupted.wav', '--format', 'pcm16'], { cwd: directory });
    try {
      await run.until(() => readdirSync(directory).some((name) => name.startsWith('interrupted.wav.partial-')));
      run.child.kill('SIGINT');
      const done = await run.exited;
      expect(done.code).toBe(130);
      expect(done.stderr.trimEnd()).toMatch(/^error ABORTED: rendering .*interrupted\.wav was interrupted; the unfinished file was removed$/);
      expect(done.stdout).toBe('');
      expect(readdirSync(directory).filter((name) => name.startsWith('interrupted.wav'))).toEqual([]);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('on a terminal: draws a progress bar with the time left, and Ctrl-C leaves the file that was there untouched', async () => {
    writeFileSync(join(directory, 'heavy.json'), JSON.stringify(heavyProgram));
    const existing = join(directory, 'previous.wav');
    writeFileSync(existing, 'an earlier render');
    // util-linux `script` gives the CLI a real pseudo-terminal; ^C written to it is a real Ctrl-C
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(vajraBin)} render heavy.json -o previous.wav --force --format pcm16`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: directory, env: baseEnv(), stdio: 'pipe' });
    let screen = '';
    let interrupted = false;
    child.stdout.on('data', (chunk) => {
      screen += String(chunk);
      if (!interrupted && /rendering previous\.wav [█░]{24} +\d+% · .+ left/.test(screen)) {
        interrupted = true;
        child.stdin.write('\u0003');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(interrupted, screen).toBe(true);
    expect(code).toBe(130);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal output holds ANSI colour escapes
    expect(screen).toMatch(/error\u001b\[39m ABORTED: rendering .*previous\.wav was interrupted/);
    expect(readFileSync(existing, 'utf8')).toBe('an earlier render');
    expect(readdirSync(directory).filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(existsSync(join(directory, 'heavy.wav'))).toBe(false);
  });
});
