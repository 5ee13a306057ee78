import type { Style } from './create-style';

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Column titles (bold on a colour terminal). */
  header: string[];
  /** Indexes of columns aligned right (numbers). */
  alignRight?: number[];
  style: Style;
}

/**
 * Rows as aligned text columns separated by two spaces, with a header line.
 *
 * @example
 * ```ts
 * formatTable([['sun', '14°02′']], { header: ['body', 'longitude'], style: createStyle(false) });
 * ```
 */
export function formatTable(rows: string[][], options: TableOptions): string {
  const { header, style } = options;
  const right = new Set(options.alignRight ?? []);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [style.bold(line(header)), ...rows.map(line)].join('\n');
}
