import type { Style } from '../output/create-style';
import type { Command, OptionSpec } from './define-command';

/** Options every command accepts. */
export const commonOptions: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'machine-readable output: one JSON document per line on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

function optionRows(options: Record<string, OptionSpec>): Array<[string, string]> {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
    return [flag, `${spec.description}${spec.multiple ? ' (repeatable)' : ''}`];
  });
}

function columns(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/**
 * The help text of a command: summary, usage, description, subcommands, options, examples.
 *
 * @example
 * ```ts
 * terminal.print(formatHelp(render, ['vajra', 'render'], terminal.style));
 * ```
 */
export function formatHelp(command: Command, path: string[], style: Style): string {
  const lines = [`${style.bold(path.join(' '))} — ${command.summary}`, '', style.bold('Usage'), ...command.usage.split('\n').map((line) => `  vajra ${line}`)];
  if (command.description) lines.push('', ...command.description.split('\n'));
  if (command.subcommands?.length) {
    lines.push('', style.bold('Commands'), ...columns(command.subcommands.map((sub) => [sub.name, sub.summary])));
    lines.push('', `Run ${style.cyan(`${path.join(' ')} <command> --help`)} for the options of each.`);
  }
  lines.push('', style.bold('Options'), ...columns(optionRows({ ...command.options, ...commonOptions })));
  if (command.examples?.length) lines.push('', style.bold('Examples'), ...command.examples.map((example) => `  ${example}`));
  if (command.notes) lines.push('', ...command.notes.split('\n').map((line) => (line && !line.startsWith(' ') ? style.bold(line) : line)));
  return lines.join('\n');
}
