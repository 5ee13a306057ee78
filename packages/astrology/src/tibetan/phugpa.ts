/**
 * Phugpa Tibetan calendar arithmetic after Svante Janson, "Tibetan calendar mathematics" (2007/2014,
 * arXiv:1401.6285). Everything is exact: rationals are scaled by 60 · 102,317,040 and held in BigInt.
 */
const D = 102_317_040n; // every denominator divides D
const S = 60n * D; // scale: also absorbs the /60 of the tables

const MOON_TAB = [0, 5, 10, 15, 19, 22, 24, 25];
const SUN_TAB = [0, 6, 10, 11];

function moonTab(i: number): number {
  const k = ((i % 28) + 28) % 28;
  if (k <= 7) return MOON_TAB[k]!;
  if (k <= 14) return MOON_TAB[14 - k]!;
  return -moonTab(k - 14);
}
function sunTab(i: number): number {
  const k = ((i % 12) + 12) % 12;
  if (k <= 3) return SUN_TAB[k]!;
  if (k <= 6) return SUN_TAB[6 - k]!;
  return -sunTab(k - 6);
}

/** value = num/den as a BigInt scaled by S (exact because den divides S). */
const scaled = (num: bigint, den: bigint) => (num * S) / den;

/** Linear interpolation of a table at `periods · frac(x)` where x = xScaled / S; result scaled by S/60 · 60 = S. */
function interpolate(xScaled: bigint, periods: bigint, table: (i: number) => number): bigint {
  const frac = ((xScaled % S) + S) % S; // fractional part, scaled by S
  const pos = periods * frac; // position in table units, scaled by S
  const i = pos / S;
  const rem = pos - i * S;
  const a = BigInt(table(Number(i)));
  const b = BigInt(table(Number(i) + 1));
  // (a + (b − a)·rem/S) / 60, scaled by S  →  a·S/60 + (b − a)·rem/60
  return (a * S + (b - a) * rem) / 60n;
}

/** True date (scaled by S) of lunar day `d` of true month count `n`. */
function trueDateScaled(n: number, d: number): bigint {
  const N = BigInt(n);
  const dd = BigInt(d);
  const meanDate = scaled(N * 167025n, 5656n) + scaled(dd * 11135n, 11312n) + 2015501n * S + scaled(4783n, 5656n);
  const meanSun = scaled(N * 65n, 804n) + scaled(dd * 13n, 4824n) + scaled(743n, 804n);
  const anomaly = scaled(N * 253n, 3528n) + scaled(dd, 28n) + scaled(475n, 3528n);
  return meanDate + interpolate(anomaly, 28n, moonTab) - interpolate(meanSun - S / 4n, 12n, sunTab);
}

/** Julian Day Number of the civil day that ends lunar day `d` of true month `n`: ⌊true_date⌋. */
export function lunarDayJdn(n: number, d: number): number {
  const t = trueDateScaled(n, d);
  const q = t / S;
  return Number(t < 0n && q * S !== t ? q - 1n : q);
}

/** True month count of Tibetan year `year`, month `month` (1–12); the leap month, if any, is one less. */
export function trueMonthCount(year: number, month: number): { n: number; hasLeapBefore: boolean } {
  const m = 12 * (year - 806) + month - 3;
  const ix = (((67 * m + 61) % 65) + 65) % 65;
  return { n: Math.floor((67 * m + 78) / 65), hasLeapBefore: ix === 48 || ix === 49 };
}

/** Tibetan year, month and leap flag of true month count `n` (Janson's inverse). */
export function monthOfCount(n: number): { year: number; month: number; leapMonth: boolean } {
  const a = 65 * n + 123;
  const x = Math.ceil(a / 67);
  const month = ((((x - 1) % 12) + 12) % 12) + 1;
  const year = Math.ceil(x / 12) + 805;
  const r = ((a % 67) + 67) % 67;
  return { year, month, leapMonth: r === 1 || r === 2 };
}
