/**
 * ΔT = TT − UT1 in seconds, as a table of observed values plus a documented extrapolation.
 *
 * Sources:
 * - 1900–1955 (5-year steps): Morrison & Stephenson / Espenak–Meeus historical values as tabulated
 *   in the Astronomical Almanac ("ΔT at the beginning of the year").
 * - 1955–2025 (yearly, at 1 January): IERS / USNO values (TT − UT1 = 32.184 s + (TAI − UTC) − (UT1 − UTC)),
 *   as tabulated in the Astronomical Almanac, section K.
 * - Before 1900: the Espenak–Meeus (2006) polynomials (supplied by the caller, see `installDeltaT`).
 * - After 2025.0: ΔT(y) = ΔT(2025) + 0.1 s/yr · (y − 2025) + 32.5 s/cy² · ((y − 2025)/100)².
 *   The linear rate is the recent (2015–2025) trend rounded down, the quadratic term is the long-term
 *   tidal braking of Stephenson, Morrison & Hohenkerk (2016). The real future ΔT is unknown to several
 *   seconds by 2050; this keeps predictions close to current IERS forecasts instead of running 13–18 s
 *   ahead as the Espenak–Meeus polynomial does.
 */

/** [year, ΔT seconds] at 1 January of `year`. */
const TABLE: ReadonlyArray<readonly [number, number]> = [
  [1900, -2.72],
  [1905, 3.86],
  [1910, 10.46],
  [1915, 17.2],
  [1920, 21.16],
  [1925, 23.62],
  [1930, 24.02],
  [1935, 23.93],
  [1940, 24.33],
  [1945, 26.77],
  [1950, 29.15],
  [1955, 31.07],
  [1956, 31.35],
  [1957, 31.68],
  [1958, 32.18],
  [1959, 32.68],
  [1960, 33.15],
  [1961, 33.59],
  [1962, 34.0],
  [1963, 34.47],
  [1964, 35.03],
  [1965, 35.73],
  [1966, 36.54],
  [1967, 37.43],
  [1968, 38.29],
  [1969, 39.2],
  [1970, 40.18],
  [1971, 41.17],
  [1972, 42.23],
  [1973, 43.37],
  [1974, 44.49],
  [1975, 45.48],
  [1976, 46.46],
  [1977, 47.52],
  [1978, 48.53],
  [1979, 49.59],
  [1980, 50.54],
  [1981, 51.38],
  [1982, 52.17],
  [1983, 52.96],
  [1984, 53.79],
  [1985, 54.34],
  [1986, 54.87],
  [1987, 55.32],
  [1988, 55.82],
  [1989, 56.3],
  [1990, 56.86],
  [1991, 57.57],
  [1992, 58.31],
  [1993, 59.12],
  [1994, 59.98],
  [1995, 60.78],
  [1996, 61.63],
  [1997, 62.29],
  [1998, 62.97],
  [1999, 63.47],
  [2000, 63.83],
  [2001, 64.09],
  [2002, 64.3],
  [2003, 64.47],
  [2004, 64.57],
  [2005, 64.69],
  [2006, 64.85],
  [2007, 65.15],
  [2008, 65.46],
  [2009, 65.78],
  [2010, 66.07],
  [2011, 66.32],
  [2012, 66.6],
  [2013, 66.91],
  [2014, 67.28],
  [2015, 67.64],
  [2016, 68.1],
  [2017, 68.59],
  [2018, 68.97],
  [2019, 69.22],
  [2020, 69.36],
  [2021, 69.36],
  [2022, 69.29],
  [2023, 69.2],
  [2024, 69.18],
  [2025, 69.14],
];

const FIRST_YEAR = TABLE[0]![0];
const LAST_YEAR = TABLE[TABLE.length - 1]![0];
const LAST_VALUE = TABLE[TABLE.length - 1]![1];

/** Days from J2000.0 (2000-01-01 12:00) to a fractional Gregorian year (mean year length). */
function yearFromJ2000Days(days: number): number {
  return 2000 + (days + 0.5) / 365.2425;
}

/**
 * ΔT for a fractional year, or `undefined` before the table starts (the caller supplies the
 * historical polynomial there).
 */
export function deltaTForYear(year: number): number | undefined {
  if (year < FIRST_YEAR) return undefined;
  if (year >= LAST_YEAR) {
    const years = year - LAST_YEAR;
    const centuries = years / 100;
    return LAST_VALUE + 0.1 * years + 32.5 * centuries * centuries;
  }
  // binary search for the bracketing rows, then linear interpolation
  let lo = 0;
  let hi = TABLE.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (TABLE[mid]![0] <= year) lo = mid;
    else hi = mid;
  }
  const [y0, v0] = TABLE[lo]!;
  const [y1, v1] = TABLE[hi]!;
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

/**
 * Builds the ΔT function in astronomy-engine's signature: `ut` in days since J2000 (UT), result
 * in seconds. `historical` is used before 1900.
 */
export function createDeltaTFunction(historical: (ut: number) => number): (ut: number) => number {
  return (ut: number) => deltaTForYear(yearFromJ2000Days(ut)) ?? historical(ut);
}
