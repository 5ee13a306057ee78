import type { Terminal } from '../output/terminal';

/** One option of a command (`--name`, kebab-case). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias (`-o`). */
  short?: string;
  /** May be given several times (values collected in order). */
  multiple?: boolean;
  /** Placeholder shown in help for a value, e.g. `<seconds>`. */
  value?: string;
  description: string;
}

/** Parsed option values, by option name. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command's `run` receives. */
export interface CommandContext {
  /** The command path, e.g. `vajra astro moon` (for messages). */
  commandPath: string;
  positionals: string[];
  options: OptionValues;
  /** `--json`: machine-readable output on stdout, one JSON document per line. */
  json: boolean;
  terminal: Terminal;
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT/SIGTERM: stop cleanly, leave nothing partial behind, then return. */
  signal: AbortSignal;
  /** The working directory relative paths are resolved against. */
  cwd: string;
}

/** A command (or a group of subcommands) of `vajra`. */
export interface Command {
  name: string;
  /** One line for command lists. */
  summary: string;
  /** Usage line(s) after `vajra`, e.g. `render <input> [options]`. */
  usage: string;
  /** Paragraph(s) shown in the command's help. */
  description?: string;
  options?: Record<string, OptionSpec>;
  /** How many positional arguments are allowed (default none). */
  positionals?: { min: number; max: number };
  examples?: string[];
  subcommands?: Command[];
  /** Help text printed after everything else (exit codes, environment, …). */
  notes?: string;
  /**
   * Loads the full command (options, run, subcommands) when it is used, so `vajra --help` and one
   * command never import the libraries of the others. The loaded command keeps this one's name.
   */
  load?: () => Promise<Command>;
  /** Runs the command; returns the exit code (default 0). */
  // biome-ignore lint/suspicious/noConfusingVoidType: an async run without a return statement (Promise<void>) is allowed
  run?: (context: CommandContext) => Promise<number | void>;
}

/**
 * Declare a command (typed identity, so command files read as data).
 *
 * @example
 * ```ts
 * export const hello = defineCommand({ name: 'hello', summary: 'say hello', usage: 'hello', run: async ({ terminal }) => terminal.print('hello') });
 * ```
 */
export function defineCommand(command: Command): Command {
  return command;
}
