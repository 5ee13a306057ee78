import { isVajraError } from '@vajra-stream/core';
import { exitCodeOf, exitCodes } from './command/exit-codes';
import { formatHelp } from './command/format-help';
import { parseCommandLine } from './command/parse-command-line';
import { usageError } from './command/usage-error';
import { rootCommand } from './commands/root-command';
import { createTerminal, type OutputStream, type Terminal } from './output/terminal';
import { cliVersion } from './version';

/**
 * Where {@link runCli} reads and writes (defaults: the process's own).
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const options: RunCliOptions = { stdout: { write: (text) => out.push(text) }, env: { NO_COLOR: '1' }, cwd: '/srv/vajra', signal: AbortSignal.timeout(60_000) };
 * const status = await runCli(['astro', 'moon', '--json'], options);
 * const moon = JSON.parse(out.join(''));
 * ```
 */
export interface RunCliOptions {
  stdout?: OutputStream;
  stderr?: OutputStream;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Abort to interrupt the command (the `vajra` binary aborts it on SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

function reportError(error: unknown, terminal: Terminal, json: boolean): void {
  const code = isVajraError(error) ? error.code : 'UNEXPECTED';
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  terminal.note(`${terminal.errorStyle.red('error')} ${code}: ${message}`);
  if (json) terminal.json({ error: { code, message, ...(isVajraError(error) && error.details !== undefined ? { details: error.details } : {}) } });
}

/**
 * Run the `vajra` command line (`argv` without the node and script paths) and resolve with the exit
 * code. Errors are reported as one line, `error CODE: message`, on stderr (and as
 * `{"error":{…}}` on stdout with `--json`); see `exitCodes`.
 *
 * @example
 * ```ts
 * import { runCli } from '@vajra-stream/cli';
 * process.exitCode = await runCli(['astro', 'moon', '--json']);
 * ```
 */
export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const terminal = createTerminal({ stdout: options.stdout ?? process.stdout, stderr: options.stderr ?? process.stderr, env });
  const beforeSeparator = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const json = beforeSeparator.includes('--json');
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      if (json) terminal.json({ version: cliVersion() });
      else terminal.print(cliVersion());
      return exitCodes.ok;
    }
    const help = argv[0] === 'help';
    const { command, path, positionals, options: values } = await parseCommandLine(rootCommand, help ? [...argv.slice(1), '--help'] : argv);
    if (values.help === true || (command === rootCommand && argv.length === 0)) {
      terminal.print(formatHelp(command, path, terminal.style));
      return exitCodes.ok;
    }
    if (command.run === undefined) {
      throw usageError(`"${path.join(' ')}" needs a command: ${(command.subcommands ?? []).map((sub) => sub.name).join(', ')}; see ${path.join(' ')} --help`);
    }
    const signal = options.signal ?? new AbortController().signal;
    const status = await command.run({ commandPath: path.join(' '), positionals, options: values, json, terminal, env, signal, cwd: options.cwd ?? process.cwd() });
    return status ?? exitCodes.ok;
  } catch (error) {
    reportError(error, terminal, json);
    return exitCodeOf(error);
  }
}
