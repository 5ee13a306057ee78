const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;
const number2 = (text: string, index: number): number => digit(text, index) * 10 + digit(text, index + 1);

/**
 * The text `Date.prototype.toISOString` writes for the instant `ms` (milliseconds since the epoch), in a
 * third of its time: the kernel stamps every transition and every wheel count with one. Years outside
 * 1000–9999 (and invalid instants, which throw) are left to `toISOString` itself.
 */
export function isoInstant(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString();
  const millis = date.getUTCMilliseconds();
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.${fraction}Z`;
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`, the form {@link isoInstant} writes. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The instant (ms since the epoch) of an ISO 8601 text, as `Date.parse` reads it. Texts in the form the
 * kernel writes are read field by field; any other text goes to `Date.parse` (NaN when it is not a date).
 */
export function parseInstant(text: string): number {
  if (text.length !== 24 || !ISO_INSTANT.test(text)) return Date.parse(text);
  const month = number2(text, 5);
  const day = number2(text, 8);
  const hours = number2(text, 11);
  const minutes = number2(text, 14);
  const seconds = number2(text, 17);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + number2(text, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  // Anything Date.UTC would roll over (month 13, 31 April, 24:00…) or read otherwise (years below 1000) is Date.parse's to judge.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > monthDays || hours > 23 || minutes > 59 || seconds > 59) return Date.parse(text);
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, digit(text, 20) * 100 + number2(text, 21));
}
