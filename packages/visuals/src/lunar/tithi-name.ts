// The tithi names of `panchanga()` in @vajra-stream/astrology (which does not export its table); the
// lunar-month test checks every day against panchanga() itself.
const NAMES = ['Pratipada', 'Dwitiya', 'Tritiya', 'Chaturthi', 'Panchami', 'Shashthi', 'Saptami', 'Ashtami', 'Navami', 'Dashami', 'Ekadashi', 'Dwadashi', 'Trayodashi', 'Chaturdashi'];

/** Name of tithi 1–30 (15 Purnima, 30 Amavasya). */
export function tithiName(tithi: number): string {
  if (tithi === 15) return 'Purnima';
  if (tithi === 30) return 'Amavasya';
  return NAMES[(tithi - 1) % 15]!;
}
