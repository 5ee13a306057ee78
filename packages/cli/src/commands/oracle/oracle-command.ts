import { defineCommand } from '../../command/define-command';
import { generateCommand } from './generate-command';
import { planCommand } from './plan-command';
import { streamCommand } from './stream-command';

/** `vajra oracle …`: texts and session plans from `@vajra-stream/oracle`. */
export const oracleCommand = defineCommand({
  name: 'oracle',
  summary: 'prayers, teachings, guided meditations and session plans (offline, or from an LLM)',
  usage: 'oracle <generate|stream|plan> [options]',
  description:
    'Offline by default: a seeded composer answers without a network. --provider openai|anthropic|compatible asks an LLM first\n(keys from OPENAI_API_KEY / ANTHROPIC_API_KEY or VAJRA_ORACLE__<NAME>__API_KEY; other settings as VAJRA_ORACLE__<NAME>__MODEL,\n…__BASE_URL, VAJRA_ORACLE__ORDER, like the server) and falls back to the offline composer, saying so on stderr.',
  subcommands: [generateCommand, streamCommand, planCommand],
});
