import { rename, rm, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { WavFormat } from '@vajra-stream/audio';
import { writeWavFile } from '@vajra-stream/audio/node';
import { isVajraError, VajraError } from '@vajra-stream/core';
import { defineCommand, type CommandContext } from '../command/define-command';
import { choiceOption, numberOption, stringOption } from '../command/option-values';
import { usageError } from '../command/usage-error';
import { readProgram } from '../input/read-program';
import { formatDuration } from '../output/format-duration';
import { createProgressBar } from '../output/progress-bar';

const FORMATS: readonly WavFormat[] = ['pcm16', 'pcm24', 'float32'];
const FORMAT_NAMES: Record<WavFormat, string> = { pcm16: '16-bit PCM', pcm24: '24-bit PCM', float32: '32-bit float' };

async function outputPath(context: CommandContext, input: string): Promise<string> {
  const given = stringOption(context, 'output');
  if (given === undefined && input === '-') throw usageError('reading the program from stdin needs --output <file.wav>');
  const path = resolve(context.cwd, given ?? `${basename(input, extname(input))}.wav`);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists && context.options.force !== true) throw new VajraError('FILE_EXISTS', `${path} exists; pass --force to replace it`, { status: 409 });
  return path;
}

async function render(context: CommandContext): Promise<void> {
  const input = context.positionals[0]!;
  const format = choiceOption(context, 'format', FORMATS) ?? 'pcm24';
  const duration = numberOption(context, 'duration', { min: 0, exclusiveMin: true });
  const inputFormat = choiceOption(context, 'input-format', ['json', 'sbg'] as const);
  const output = await outputPath(context, input);
  const program = await readProgram(input, { cwd: context.cwd, ...(inputFormat ? { format: inputFormat } : {}), ...(duration === undefined ? {} : { duration }) });
  context.signal.throwIfAborted();
  // Render next to the target and rename at the end: an interrupted render never leaves a partial
  // file, and never touches a file that was there before.
  const partial = `${output}.partial-${process.pid}`;
  const bar = createProgressBar({ stream: context.terminal.stderr, label: `rendering ${basename(output)}` });
  const started = performance.now();
  try {
    const done = await writeWavFile(program, partial, { format, signal: context.signal, onProgress: (progress) => bar.update(progress.fraction) });
    await rename(partial, output);
    bar.clear();
    const seconds = (performance.now() - started) / 1000;
    const bytes = (await stat(output)).size;
    const summary = { output, duration: program.duration, sampleRate: program.sampleRate, channels: 2, format, frames: done.frames, bytes, renderSeconds: seconds };
    if (context.json) context.terminal.json(summary);
    else
      context.terminal.print(
        `wrote ${output}: ${formatDuration(program.duration)}, ${program.sampleRate} Hz stereo, ${FORMAT_NAMES[format]}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
      );
  } catch (error) {
    bar.clear();
    await rm(partial, { force: true });
    if (isVajraError(error) && error.code === 'ABORTED') {
      throw new VajraError('ABORTED', `rendering ${output} was interrupted; the unfinished file was removed`, { status: 499, cause: error });
    }
    throw error;
  }
}

/** `vajra render`: a program or an SBaGen sequence to a WAV file. */
export const renderCommand = defineCommand({
  name: 'render',
  summary: 'render a program (JSON) or an SBaGen sequence (.sbg) to a WAV file',
  usage: 'render <program.json | sequence.sbg | -> [options]',
  description:
    "The program format is @vajra-stream/audio's (layers of tones, bowls, binaural and isochronic beats, noise).\nShows a progress bar with the time left on a terminal. Ctrl-C stops the render and removes the unfinished file (exit code 130).",
  positionals: { min: 1, max: 1 },
  options: {
    output: { type: 'string', short: 'o', value: '<file.wav>', description: 'where to write (default: the input name with .wav, in the current directory)' },
    format: { type: 'string', value: '<pcm16|pcm24|float32>', description: 'sample format (default pcm24)' },
    duration: { type: 'string', value: '<seconds>', description: "length of the render, replacing the program's" },
    'input-format': { type: 'string', value: '<json|sbg>', description: 'how to read the input (default: .sbg files are SBaGen, the rest JSON)' },
    force: { type: 'boolean', description: 'replace the output file if it exists' },
  },
  examples: ['vajra render bowl.json', 'vajra render theta.sbg -o theta.wav --format pcm16', 'cat program.json | vajra render - -o out.wav --json'],
  run: render,
});
