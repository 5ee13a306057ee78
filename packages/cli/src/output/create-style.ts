/** ANSI styling that turns into plain text when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * SGR styles, or identity functions when `enabled` is false.
 *
 * @example
 * ```ts
 * const style = createStyle(colorEnabled(process.stderr, process.env));
 * console.error(style.red('error'));
 * ```
 */
export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: enabled ? sgr(1, 22) : plain,
    dim: enabled ? sgr(2, 22) : plain,
    red: enabled ? sgr(31, 39) : plain,
    green: enabled ? sgr(32, 39) : plain,
    yellow: enabled ? sgr(33, 39) : plain,
    cyan: enabled ? sgr(36, 39) : plain,
  };
}
