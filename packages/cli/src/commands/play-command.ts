import { basename } from 'node:path';
import { defineCommand, type CommandContext } from '../command/define-command';
import { exitCodes } from '../command/exit-codes';
import { choiceOption, numberOption, stringOption } from '../command/option-values';
import { readProgram } from '../input/read-program';
import { formatDuration } from '../output/format-duration';
import { createProgressBar } from '../output/progress-bar';
import { playOnSpeaker } from '../speaker/play-on-speaker';
import type { SpeakerReport } from '../speaker/speaker-messages';

async function play(context: CommandContext): Promise<number> {
  const input = context.positionals[0]!;
  const inputFormat = choiceOption(context, 'input-format', ['json', 'sbg'] as const);
  const duration = numberOption(context, 'duration', { min: 0, exclusiveMin: true });
  const program = await readProgram(input, { cwd: context.cwd, ...(inputFormat ? { format: inputFormat } : {}), ...(duration === undefined ? {} : { duration }) });
  const device = stringOption(context, 'device');
  const { terminal } = context;
  const bar = createProgressBar({ stream: terminal.stderr, label: 'playing' });
  let position = 0;
  const onReport = (report: SpeakerReport) => {
    if (report.type === 'playing' && context.json) terminal.json({ state: 'playing', input, duration: report.duration, sampleRate: program.sampleRate });
    if (report.type === 'playing' && !context.json) terminal.note(`playing ${input === '-' ? 'stdin' : basename(input)} (${formatDuration(report.duration)}); Ctrl-C stops`);
    if (report.type === 'position') {
      position = report.position;
      bar.update(report.position / report.duration);
    }
    if (report.type === 'stopped') position = report.position;
  };
  try {
    const how = await playOnSpeaker(program, { signal: context.signal, onReport, ...(device === undefined ? {} : { device }) });
    bar.clear();
    if (context.json) terminal.json({ state: how, position: how === 'ended' ? program.duration : position });
    return how === 'ended' ? exitCodes.ok : exitCodes.interrupted;
  } finally {
    bar.clear();
  }
}

/** `vajra play`: a program or an SBaGen sequence on the speakers. */
export const playCommand = defineCommand({
  name: 'play',
  summary: 'play a program (JSON) or an SBaGen sequence (.sbg) on the speakers',
  usage: 'play <program.json | sequence.sbg | -> [options]',
  description:
    'Needs the optional package node-web-audio-api (npm i node-web-audio-api@~1.0) and an audio device; without them it stops\nwith AUDIO_OUTPUT_UNAVAILABLE (exit code 4). Ctrl-C fades out and stops (exit code 130).',
  positionals: { min: 1, max: 1 },
  options: {
    device: { type: 'string', value: '<id|none>', description: 'output device id (default: the system default); none runs the audio graph without a device' },
    duration: { type: 'string', value: '<seconds>', description: "how long to play, replacing the program's length" },
    'input-format': { type: 'string', value: '<json|sbg>', description: 'how to read the input (default: .sbg files are SBaGen, the rest JSON)' },
  },
  examples: ['vajra play bowl.json', 'vajra play theta.sbg --duration 600'],
  run: play,
});
