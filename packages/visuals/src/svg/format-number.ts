/**
 * A number as SVG text with a fixed number of decimals and no trailing zeros (`12.5`, `-0.25`, `3`):
 * the same number always gives the same bytes, and `-0` prints as `0`.
 *
 * @example
 * ```ts
 * formatNumber(Math.PI); // '3.14'
 * formatNumber(2.000001, 3); // '2'
 * ```
 */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} into an SVG`);
  const text = value.toFixed(decimals);
  let end = text.length;
  if (decimals > 0) {
    while (text.charCodeAt(end - 1) === 48) end--; // trailing zeros
    if (text.charCodeAt(end - 1) === 46) end--; // a bare decimal point
  }
  const trimmed = end === text.length ? text : text.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}

/** Shorthand used by the builders: two decimals, enough for sub-pixel placement. */
export const num = (value: number): string => formatNumber(value, 2);
