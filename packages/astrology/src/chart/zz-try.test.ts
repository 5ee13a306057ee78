import { it } from 'vitest';
import { chart } from './chart';
const sys = ['placidus', 'koch', 'porphyry', 'regiomontanus', 'campanus'] as const;
const f = (x: number) => { const s = x % 30; const d = Math.floor(s); const m = Math.floor((s - d) * 60); const sec = ((s - d) * 60 - m) * 60; return `${Math.floor(x / 30)}:${d}°${m}′${sec.toFixed(2)}″`; };
it('x', () => {
  for (const s of sys) {
    const c = chart({ date: '1955-02-25T03:15:00Z', latitude: 37 + 47 / 60, longitude: -(122 + 25 / 60), houseSystem: s });
    console.log('JOBS', s, c.houses.cusps.map(f).join(' '));
  }
});
