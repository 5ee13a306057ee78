import type { Wheel, WheelRotatedEvent } from '@vajra-stream/core';
import { defineCommand, type CommandContext } from '../../command/define-command';
import { exitCodes } from '../../command/exit-codes';
import { numberOption, stringOption } from '../../command/option-values';
import { formatDuration } from '../../output/format-duration';
import { databaseOptions, openWheelKernel, type WheelKernel } from './open-wheel-kernel';
import { wheelListCommand } from './wheel-list-command';

const grouped = (count: string) => count.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

async function chooseWheel(context: CommandContext, kernel: WheelKernel): Promise<Wheel> {
  const rpm = numberOption(context, 'rpm', { min: 0, exclusiveMin: true });
  const id = stringOption(context, 'wheel');
  if (id !== undefined) {
    const wheel = await kernel.vajra.wheels.get(id);
    return rpm === undefined ? wheel : kernel.vajra.wheels.setRpm(id, rpm);
  }
  const copies = stringOption(context, 'copies-per-rotation') ?? '10000';
  return kernel.vajra.wheels.create({
    mantra: stringOption(context, 'mantra') ?? 'chenrezig',
    copiesPerRotation: copies,
    rpm: rpm ?? 30,
    ...(stringOption(context, 'name') === undefined ? {} : { name: stringOption(context, 'name')! }),
  });
}

/** Resolves true when `--duration` elapsed, false when interrupted. */
function untilDoneOrInterrupt(context: CommandContext, seconds: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = seconds === undefined ? undefined : setTimeout(() => resolve(true), seconds * 1000);
    context.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve(false);
      },
      { once: true },
    );
  });
}

function showCounts(context: CommandContext, wheel: Wheel): (event: WheelRotatedEvent) => void {
  const { terminal } = context;
  const live = !context.json && terminal.stderr.isTTY === true;
  return (event) => {
    if (event.wheelId !== wheel.id) return;
    if (context.json) terminal.json({ event: 'rotated', wheelId: event.wheelId, rotations: event.rotations, recitations: event.recitations, at: event.at });
    else if (live) terminal.stderr.write(`\r\u001b[2K${terminal.errorStyle.cyan(wheel.mantra.text)} · ${grouped(event.rotations)} rotations · ${grouped(event.recitations)} recitations`);
  };
}

async function spin(context: CommandContext): Promise<number> {
  const duration = numberOption(context, 'duration', { min: 0, exclusiveMin: true });
  const kernel = await openWheelKernel(context);
  const { terminal } = context;
  try {
    const chosen = await chooseWheel(context, kernel);
    const off = kernel.vajra.events.on('wheel:rotated', showCounts(context, chosen));
    const wheel = chosen.status === 'spinning' ? chosen : await kernel.vajra.wheels.start(chosen.id);
    if (context.json) terminal.json({ event: 'started', wheel, database: kernel.path });
    else terminal.note(`spinning ${wheel.mantra.text} at ${wheel.rpm} rpm, ${grouped(wheel.copiesPerRotation)} copies per rotation (wheel ${wheel.id}, ${kernel.path}); Ctrl-C stops`);
    const completed = await untilDoneOrInterrupt(context, duration);
    const stopped = await kernel.vajra.wheels.stop(wheel.id); // durable before anything is printed
    off();
    if (!context.json && terminal.stderr.isTTY) terminal.stderr.write('\r\u001b[2K');
    if (context.json) terminal.json({ event: 'stopped', wheel: stopped });
    else
      terminal.print(
        `${grouped(stopped.rotations)} rotations, ${grouped(stopped.recitations)} recitations of ${stopped.mantra.text} in ${formatDuration(stopped.spinningSeconds)} of spinning (stored; resume with --wheel ${stopped.id})`,
      );
    return completed || duration === undefined ? exitCodes.ok : exitCodes.interrupted;
  } finally {
    await kernel.close();
  }
}

/** `vajra wheel`: spin a prayer wheel on the SQLite store. */
export const wheelCommand = defineCommand({
  name: 'wheel',
  summary: 'spin a prayer wheel on the SQLite store with a live count',
  usage: 'wheel [--mantra <id>] [--rpm <n>] [--copies-per-rotation <n>] [--duration <seconds>] [--database <file>]\nwheel --wheel <id> [options]\nwheel list',
  description:
    'Creates a wheel (or resumes --wheel <id>) and spins it; counts are stored every tick. Ctrl-C stops the wheel and stores its\nexact count before exiting (exit code 0; 130 if it cut a --duration short). The example server (vajra serve) sees the same wheels.',
  options: {
    mantra: { type: 'string', value: '<id>', description: 'built-in mantra id (default chenrezig: Om Mani Padme Hum)' },
    rpm: { type: 'string', value: '<n>', description: 'rotations per minute (default 30)' },
    'copies-per-rotation': { type: 'string', value: '<n>', description: 'copies of the mantra inside the wheel (default 10000)' },
    name: { type: 'string', value: '<text>', description: 'a name for a new wheel' },
    wheel: { type: 'string', value: '<id>', description: 'spin this stored wheel instead of creating one' },
    duration: { type: 'string', value: '<seconds>', description: 'stop after this long (default: until Ctrl-C)' },
    ...databaseOptions,
  },
  subcommands: [wheelListCommand],
  examples: ['vajra wheel --rpm 60', 'vajra wheel --mantra green-tara --duration 600 --json', 'vajra wheel list'],
  run: spin,
});
