import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SessionPlan } from '@vajra-stream/oracle';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { numberOption, stringOption } from '../../command/option-values';
import { formatDuration } from '../../output/format-duration';
import { formatTable } from '../../output/format-table';
import type { Terminal } from '../../output/terminal';
import { createCliOracle, providerOptions } from './create-cli-oracle';
import { intentionOf, oracleContextOf, textRequestOptions } from './text-request';

function printPlan(plan: SessionPlan, terminal: Terminal): void {
  terminal.print(`${terminal.style.bold(plan.title)} — ${formatDuration(plan.duration)}, ${plan.mantra.text} ×${plan.mantra.repetitions} (${plan.mantra.deity})`);
  terminal.print(`frequencies: ${plan.frequencies.map((hz) => `${hz} Hz`).join(', ')}`);
  terminal.print();
  const rows = plan.phases.map((phase) => [formatDuration(phase.start), formatDuration(phase.end), phase.name, phase.guidance]);
  terminal.print(formatTable(rows, { header: ['from', 'to', 'phase', 'guidance'], style: terminal.style }));
  terminal.print();
  terminal.print(`dedication: ${plan.dedication}`);
}

async function run(context: CommandContext): Promise<void> {
  const duration = numberOption(context, 'duration', { min: 0, exclusiveMin: true }) ?? 1200;
  const tradition = stringOption(context, 'tradition');
  const oracleContext = oracleContextOf(context);
  const plan = await createCliOracle(context).plan(
    { intention: intentionOf(context), duration, ...(tradition ? { tradition } : {}), ...(oracleContext ? { context: oracleContext } : {}) },
    { signal: context.signal },
  );
  const programPath = stringOption(context, 'save-program');
  if (programPath !== undefined) await writeFile(resolve(context.cwd, programPath), `${JSON.stringify(plan.program, null, 2)}\n`);
  if (context.json) context.terminal.json(plan);
  else printPlan(plan, context.terminal);
}

const planRequestOptions = Object.fromEntries(Object.entries(textRequestOptions).filter(([name]) => name !== 'kind' && name !== 'length'));

/** `vajra oracle plan`. */
export const planCommand = defineCommand({
  name: 'plan',
  summary: 'a session plan: phases, mantra, dedication and an audio program',
  usage: 'oracle plan [<intention>] [--duration <seconds>] [options]',
  description: "The plan's audio program renders with vajra render (save it with --save-program).",
  positionals: { min: 0, max: 20 },
  options: {
    ...planRequestOptions,
    duration: { type: 'string', value: '<seconds>', description: 'length of the session (default 1200)' },
    'save-program': { type: 'string', value: '<file.json>', description: 'also write the audio program, ready for vajra render' },
    ...providerOptions,
  },
  examples: ['vajra oracle plan "calm before surgery" --duration 900', 'vajra oracle plan peace --save-program peace.json && vajra render peace.json'],
  run,
});
