import { parseArgs } from 'node:util';
import { closestName } from './closest-name';
import type { Command, OptionSpec, OptionValues } from './define-command';
import { commonOptions } from './format-help';
import { usageError } from './usage-error';

/** A command line resolved to its command. */
export interface ParsedCommandLine {
  command: Command;
  /** `['vajra', 'astro', 'moon']` */
  path: string[];
  positionals: string[];
  options: OptionValues;
}

async function resolveCommand(root: Command, argv: string[]): Promise<{ command: Command; path: string[]; rest: string[] }> {
  let command = root.load ? await root.load() : root;
  const path = [root.name];
  let index = 0;
  while (command.subcommands?.length && index < argv.length && !argv[index]!.startsWith('-')) {
    const name = argv[index]!;
    const next = command.subcommands.find((sub) => sub.name === name);
    if (next === undefined) {
      const hint = closestName(
        name,
        command.subcommands.map((sub) => sub.name),
      );
      throw usageError(`unknown command "${path.join(' ')} ${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; see ${path.join(' ')} --help`);
    }
    command = next.load ? { ...(await next.load()), name } : next;
    path.push(name);
    index++;
  }
  return { command, path, rest: argv.slice(index) };
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/** `--longitude -81` → `--longitude=-81`: parseArgs would take `-81` for an option. */
function attachNegativeNumbers(args: string[], specs: Record<string, OptionSpec>): string[] {
  const takesValue = (token: string) => token.startsWith('--') && specs[token.slice(2)]?.type === 'string';
  const result: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const token = args[index]!;
    const next = args[index + 1];
    if (token === '--') return [...result, ...args.slice(index)];
    if (next !== undefined && NEGATIVE_NUMBER.test(next) && takesValue(token)) {
      result.push(`${token}=${next}`);
      index++;
    } else result.push(token);
  }
  return result;
}

function optionError(error: unknown, command: Command, path: string[]): Error {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const hint = closestName(flag.replace(/^-+/, ''), Object.keys({ ...command.options, ...commonOptions }));
    return usageError(`unknown option ${flag} for "${path.join(' ')}"${hint ? ` (did you mean --${hint}?)` : ''}; see ${path.join(' ')} --help`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usageError(`${message.replace(/\.$/, '')}; see ${path.join(' ')} --help`);
  return error as Error;
}

/**
 * Resolve `argv` to a (sub)command and parse its options strictly with `node:util` `parseArgs`.
 * Unknown commands or options and a wrong number of arguments are `USAGE` errors with a hint.
 *
 * @example
 * ```ts
 * const { command, options } = await parseCommandLine(root, ['astro', 'moon', '--json']);
 * ```
 */
export async function parseCommandLine(root: Command, argv: string[]): Promise<ParsedCommandLine> {
  const { command, path, rest } = await resolveCommand(root, argv);
  const specs = { ...command.options, ...commonOptions };
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: attachNegativeNumbers(rest, specs), options: specs, strict: true, allowPositionals: true }) as { values: OptionValues; positionals: string[] };
  } catch (error) {
    throw optionError(error, command, path);
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  const count = parsed.positionals.length;
  if (parsed.values.help !== true && (count < min || count > max)) {
    const what = count > max ? `unexpected argument "${parsed.positionals[max]}"` : 'missing argument';
    throw usageError(`${what} for "${path.join(' ')}" (usage: vajra ${command.usage.split('\n')[0]})`);
  }
  return { command, path, positionals: parsed.positionals, options: parsed.values };
}
