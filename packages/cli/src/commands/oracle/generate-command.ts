import { defineCommand, type CommandContext } from '../../command/define-command';
import { createCliOracle, providerOptions } from './create-cli-oracle';
import { reportFallback } from './report-fallback';
import { textRequestOf, textRequestOptions } from './text-request';

async function run(context: CommandContext): Promise<void> {
  const request = textRequestOf(context);
  const result = await createCliOracle(context).generate(request, { signal: context.signal });
  reportFallback(result, context.terminal);
  if (context.json) context.terminal.json(result);
  else context.terminal.print(result.text);
}

/** `vajra oracle generate`. */
export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'write a prayer, blessing, dedication, teaching, story, meditation or contemplation',
  usage: 'oracle generate [<intention>] [--kind <kind>] [options]',
  positionals: { min: 0, max: 20 },
  options: { ...textRequestOptions, ...providerOptions },
  examples: ['vajra oracle generate "a safe journey home" --kind blessing', 'vajra oracle generate --kind meditation --duration 600 --intention rest --json'],
  run,
});
