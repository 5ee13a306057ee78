import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../src/command/define-command';
import { rootCommand } from '../src/commands/root-command';
import { runCli } from '../src/run-cli';
import { baseEnv, jsonLines, runVajra, vajraBin } from './__fixtures__/vajra-process';

const ESC = '\u001b[';

async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: baseEnv() });
  return { code, stdout, stderr };
}

async function allCommandPaths(): Promise<string[][]> {
  const paths: string[][] = [];
  const visit = async (command: Command, path: string[]) => {
    const loaded = command.load ? { ...(await command.load()), name: command.name } : command;
    paths.push(path);
    for (const sub of loaded.subcommands ?? []) await visit(sub, [...path, sub.name]);
  };
  for (const command of rootCommand.subcommands!) await visit(command, [command.name]);
  return paths;
}

describe('vajra: help, version, usage errors, colour', () => {
  it('lists every command in its help, and each stub matches the command it loads', async () => {
    const { code, stdout, stderr } = await runVajra(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const stub of rootCommand.subcommands!) {
      const loaded = await stub.load!();
      expect(loaded.name).toBe(stub.name);
      expect(loaded.summary).toBe(stub.summary);
      expect(stdout).toContain(`${stub.name}  `);
    }
    expect(stdout).toMatch(/Exit codes[\s\S]*130/);
    expect(stdout).not.toContain(ESC);
  });

  it('prints help for every command and subcommand (--help and `vajra help …`), exit 0', async () => {
    const paths = await allCommandPaths();
    expect(paths.map((path) => path.join(' '))).toEqual(
      expect.arrayContaining([
        'render',
        'play',
        'astro chart',
        'astro moon',
        'astro sun',
        'astro hours',
        'astro panchanga',
        'astro tibetan',
        'wheel',
        'wheel list',
        'oracle generate',
        'oracle stream',
        'oracle plan',
        'serve',
      ]),
    );
    // in-process (runCli over the sources): the same code as the binary, without a process per command
    const runs = [];
    for (const path of paths) runs.push(await runInProcess([...path, '--help']));
    runs.forEach((run, index) => {
      expect(run.code, paths[index]!.join(' ')).toBe(0);
      expect(run.stdout).toContain(`vajra ${paths[index]!.join(' ')} — `);
      expect(run.stdout).toContain('Usage');
      expect(run.stdout).toContain('--json');
    });
    const viaHelp = await runVajra(['help', 'astro', 'moon']); // and once through the binary
    expect(viaHelp.stdout).toBe(runs[paths.findIndex((path) => path.join(' ') === 'astro moon')]!.stdout);
  });

  it('prints the version of the package', async () => {
    const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect((await runVajra(['--version'])).stdout.trim()).toBe(version);
    expect(jsonLines((await runVajra(['--version', '--json'])).stdout)).toEqual([{ version }]);
  });

  it('reports a wrong command line as one USAGE line with a hint, exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['rendr'], /^error USAGE: unknown command "vajra rendr" \(did you mean "render"\?\)/],
      [['render', 'a.json', '--bitdepth', '16'], /^error USAGE: unknown option --bitdepth for "vajra render"/],
      [['render'], /^error USAGE: missing argument for "vajra render"/],
      [['astro'], /^error USAGE: "vajra astro" needs a command: chart, moon, sun, hours, panchanga, tibetan/],
      [['astro', 'sun'], /^error USAGE: vajra astro sun needs --latitude \(or VAJRA_LATITUDE\)/],
      [['astro', 'sun', '--latitude', 'north', '--longitude', '0'], /^error USAGE: --latitude must be a number ≥ -90 and ≤ 90, got "north"/],
      [['wheel', '--rpm'], /^error USAGE: .*--rpm/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runVajra(args)));
    for (const [index, [args, expected]] of cases.entries()) {
      const run = runs[index]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(expected);
      expect(run.stdout).toBe('');
    }
  });

  it('with --json, also puts the error on stdout as JSON', async () => {
    const run = await runVajra(['astro', 'moon', '--date', 'yesterday-ish', '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^error VALIDATION_FAILED: /);
    const [document] = jsonLines<{ error: { code: string; message: string } }>(run.stdout);
    expect(document!.error.code).toBe('VALIDATION_FAILED');
  });

  it('uses colour only on a terminal, unless FORCE_COLOR or NO_COLOR say otherwise', async () => {
    expect((await runVajra(['--help'], { env: baseEnv({ FORCE_COLOR: '1' }) })).stdout).toContain(ESC);
    expect((await runVajra(['rendr'], { env: baseEnv({ FORCE_COLOR: '1' }) })).stderr).toContain(`${ESC}31merror`);
    // a real pseudo-terminal (util-linux `script`): colour by default, none with NO_COLOR
    const inTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(vajraBin)} --help`, '/dev/null'], { env: baseEnv(env), encoding: 'utf8' });
    const tty = inTerminal({});
    expect(tty.status, tty.stderr).toBe(0);
    expect(tty.stdout).toContain('Usage');
    expect(tty.stdout).toContain(ESC);
    const noColor = inTerminal({ NO_COLOR: '1' });
    expect(noColor.stdout).toContain('Usage');
    expect(noColor.stdout).not.toContain(ESC);
  });
});
