import { defineCommand, type CommandContext } from '../../command/define-command';
import { formatTable } from '../../output/format-table';
import { databaseOptions, openWheelKernel } from './open-wheel-kernel';

async function run(context: CommandContext): Promise<void> {
  const kernel = await openWheelKernel(context);
  try {
    const { items } = await kernel.vajra.wheels.list({ limit: 1000 });
    if (context.json) {
      context.terminal.json({ database: kernel.path, wheels: items });
      return;
    }
    const rows = items.map((wheel) => [wheel.id, wheel.mantra.text, wheel.status, String(wheel.rpm), wheel.rotations, wheel.recitations]);
    context.terminal.print(formatTable(rows, { header: ['id', 'mantra', 'status', 'rpm', 'rotations', 'recitations'], alignRight: [3, 4, 5], style: context.terminal.style }));
  } finally {
    await kernel.close();
  }
}

/** `vajra wheel list`. */
export const wheelListCommand = defineCommand({
  name: 'list',
  summary: 'the wheels stored in the database, with their counts',
  usage: 'wheel list [--database <file>]',
  options: { ...databaseOptions },
  run,
});
