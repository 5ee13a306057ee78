import { parseProgram, programFromSbagen, type Program } from '@vajra-stream/audio';
import { VajraError } from '@vajra-stream/core';
import { readInputText } from './read-input-text';

/** Options of {@link readProgram}. */
export interface ReadProgramOptions {
  cwd: string;
  /** `json` or `sbg`; by default `.sbg` files are SBaGen sequences and everything else is JSON. */
  format?: 'json' | 'sbg';
  /** Length (s) of an SBaGen sequence (default: its last time line + 60 s). */
  duration?: number;
}

/**
 * Read an audio program: program JSON (as `@vajra-stream/audio` defines it) or an SBaGen sequence
 * (`.sbg`, the subset the audio package imports). Invalid input is a `VALIDATION_FAILED` or
 * `SBAGEN_UNSUPPORTED` error (exit code 3).
 *
 * @example
 * ```ts
 * const program = await readProgram('bowl.json', { cwd: process.cwd() });
 * ```
 */
export async function readProgram(path: string, options: ReadProgramOptions): Promise<Program> {
  const text = await readInputText(path, options.cwd);
  const format = options.format ?? (path.toLowerCase().endsWith('.sbg') ? 'sbg' : 'json');
  if (format === 'sbg') return programFromSbagen(text, options.duration === undefined ? {} : { duration: options.duration });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new VajraError('VALIDATION_FAILED', `${path} is not JSON: ${(error as Error).message}`, { status: 422 });
  }
  const program = parseProgram(json);
  if (options.duration === undefined) return program;
  return parseProgram({ ...program, duration: options.duration });
}
