import { colorEnabled } from './color-enabled';
import { createStyle, type Style } from './create-style';

/**
 * Where a command writes: results to stdout, progress and diagnostics to stderr. `isTTY` and `columns`
 * (characters) decide colour and the width of progress bars; a plain object that collects the text is one.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const stderr: OutputStream = { write: (text) => lines.push(text), isTTY: false, columns: 80 };
 * await runCli(['render', 'program.json', '-o', 'out.wav'], { stderr });
 * ```
 */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The two output streams of a command, with colour decided per stream. */
export interface Terminal {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Styles for stdout (plain text unless stdout is a colour terminal). */
  readonly style: Style;
  /** Styles for stderr. */
  readonly errorStyle: Style;
  /** Write one line to stdout. */
  print(line?: string): void;
  /** Write one JSON document as a line to stdout. */
  json(value: unknown): void;
  /** Write one line to stderr. */
  note(line: string): void;
}

/**
 * A {@link Terminal} over two streams and an environment (for the colour conventions).
 *
 * @example
 * ```ts
 * const terminal = createTerminal({ stdout: process.stdout, stderr: process.stderr, env: process.env });
 * terminal.print(terminal.style.bold('done'));
 * ```
 */
export function createTerminal(options: { stdout: OutputStream; stderr: OutputStream; env: Record<string, string | undefined> }): Terminal {
  const { stdout, stderr, env } = options;
  return {
    stdout,
    stderr,
    style: createStyle(colorEnabled(stdout, env)),
    errorStyle: createStyle(colorEnabled(stderr, env)),
    print: (line = '') => void stdout.write(`${line}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value)}\n`),
    note: (line) => void stderr.write(`${line}\n`),
  };
}
