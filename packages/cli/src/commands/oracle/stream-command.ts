import { defineCommand, type CommandContext } from '../../command/define-command';
import { createCliOracle, providerOptions } from './create-cli-oracle';
import { reportFallback } from './report-fallback';
import { textRequestOf, textRequestOptions } from './text-request';

async function run(context: CommandContext): Promise<void> {
  const { terminal } = context;
  const stream = createCliOracle(context).stream(textRequestOf(context), { signal: context.signal });
  for await (const part of stream) {
    if (context.json) {
      terminal.json(part);
      continue;
    }
    if (part.type === 'delta') terminal.stdout.write(part.text);
    if (part.type === 'reset') terminal.note(`\n${terminal.errorStyle.yellow('warning')} ${part.provider} failed (${part.code}); starting again with the next provider`);
    if (part.type === 'done') {
      terminal.print();
      reportFallback(part.result, terminal);
    }
  }
}

/** `vajra oracle stream`. */
export const streamCommand = defineCommand({
  name: 'stream',
  summary: 'like generate, printing the text as it is written',
  usage: 'oracle stream [<intention>] [--kind <kind>] [options]',
  description: 'With --json every part is one line: {"type":"delta","text":…}, {"type":"reset",…} when a provider fails mid-text, {"type":"done","result":…}.',
  positionals: { min: 0, max: 20 },
  options: { ...textRequestOptions, ...providerOptions },
  examples: ['vajra oracle stream "patience" --kind story', 'vajra oracle stream "peace" --provider anthropic --model claude-haiku-4-5'],
  run,
});
