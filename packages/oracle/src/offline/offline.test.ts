import { describe, expect, it } from 'vitest';
import { textKinds, type TextKind } from '../spec/oracle-task';
import { parseGuidedScript } from '../spec/guided-script';
import type { LanguageModelRequest } from '../spec/language-model';
import { offline } from './offline';

const request = (kind: TextKind, intention: string, extra: Record<string, unknown> = {}): LanguageModelRequest => ({
  messages: [{ role: 'user', content: intention }],
  task: { type: 'text', kind, intention, ...extra },
});

// The mantras of the practice material, written out independently of the code under test
const MANTRAS = [
  'Om Mani Padme Hum',
  'Om Tare Tuttare Ture Soha',
  'Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha',
  'Om Ah Hum Vajra Guru Padma Siddhi Hum',
  'Om A Ra Pa Tsa Na Dhih',
  'Om Vajrasattva Hum',
  'Om Ami Dewa Hrih',
];

describe('offline(): the seedable grammar composer', () => {
  it('is deterministic under a seed, for every kind', async () => {
    for (const kind of textKinds) {
      const a = await offline({ seed: 42 }).generate(request(kind, 'healing for my sister'));
      const b = await offline({ seed: 42 }).generate(request(kind, 'healing for my sister'));
      expect(b.text, kind).toBe(a.text);
    }
  });

  it('varies across seeds (at least 7 different texts from 10 seeds, for every kind)', async () => {
    for (const kind of textKinds) {
      const texts = new Set<string>();
      for (let seed = 0; seed < 10; seed++) texts.add((await offline({ seed }).generate(request(kind, 'peace for my family'))).text);
      expect(texts.size, kind).toBeGreaterThanOrEqual(7);
    }
  });

  it('without a seed, successive calls vary', async () => {
    const model = offline();
    const first = await model.generate(request('blessing', 'a safe journey'));
    const second = await model.generate(request('blessing', 'a safe journey'));
    expect(second.text).not.toBe(first.text);
  });

  it('writes whole texts without unexpanded grammar, and grows with length', async () => {
    const model = offline({ seed: 9 });
    for (const kind of textKinds) {
      const words: number[] = [];
      for (const length of ['short', 'medium', 'long'] as const) {
        const { text } = await model.generate(request(kind, 'courage to start again', { length, duration: { short: 180, medium: 480, long: 1200 }[length] }));
        expect(text, `${kind}/${length}`).not.toMatch(/[{}]|undefined|\s[,.]|\.\./);
        expect(text.trim().length).toBeGreaterThan(80);
        words.push(text.split(/\s+/).length);
      }
      expect(words[2]!, kind).toBeGreaterThan(words[0]!);
    }
  });

  it('uses the mantra that fits the intention, verbatim from the practice material', async () => {
    const healing = (await offline({ seed: 1 }).generate(request('prayer', 'healing after my surgery'))).text;
    expect(healing).toContain('Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha');
    const wisdom = (await offline({ seed: 1 }).generate(request('blessing', 'clarity for my exams'))).text;
    expect(wisdom).toContain('Om A Ra Pa Tsa Na Dhih');
    for (let seed = 0; seed < 5; seed++) {
      const text = (await offline({ seed }).generate(request('prayer', 'peace'))).text;
      expect(MANTRAS.some((m) => text.includes(m)) || !/Om /.test(text)).toBe(true);
    }
  });

  it('secular texts carry no deities or mantras', async () => {
    for (const kind of textKinds) {
      const { text } = await offline({ seed: 3 }).generate(request(kind, 'healing for my sister', { tradition: 'secular' }));
      for (const mantra of MANTRAS) expect(text, kind).not.toContain(mantra);
      expect(text, kind).not.toMatch(/Medicine Buddha|Chenrezig|Tara|Buddha/);
    }
  });

  it('speaks to the moment: moon phase, planetary hour, tithi and lunar day', async () => {
    const { text } = await offline({ seed: 5 }).generate(request('teaching', 'peace', { context: { moonPhase: 180, planetaryHour: 'Saturn', tithi: 26, lunarDay: 10 } }));
    expect(text).toMatch(/full moon|moon is full/i);
    expect(text).toMatch(/Saturn/);
    // tithi 26 = the 11th tithi of the Krishna (dark) fortnight: Ekadashi (practice.md: 16–30 Krishna)
    expect(text).toContain('Krishna Ekadashi');
    expect(text).toContain('Guru Rinpoche day');
  });

  it('meditations are guided scripts with timed pauses that fill the requested minutes', async () => {
    for (const minutes of [3, 10, 25]) {
      const { text } = await offline({ seed: minutes }).generate(request('meditation', 'calm before sleep', { duration: minutes * 60 }));
      const script = parseGuidedScript(text);
      expect(script.segments.filter((s) => s.type === 'pause').length).toBeGreaterThanOrEqual(6);
      expect(script.segments[0]?.type).toBe('speech');
      expect(Math.abs(script.totalSeconds - minutes * 60)).toBeLessThanOrEqual(minutes * 60 * 0.15);
    }
  });

  it('streams phrase deltas that add up to the generated text, then a finish', async () => {
    const whole = await offline({ seed: 8 }).generate(request('story', 'letting go of anger'));
    const deltas: string[] = [];
    let finish = 0;
    for await (const part of offline({ seed: 8 }).stream(request('story', 'letting go of anger'))) {
      if (part.type === 'text-delta') deltas.push(part.text);
      else finish += 1;
    }
    expect(deltas.join('')).toBe(whole.text);
    expect(finish).toBe(1);
    expect(deltas.length).toBeGreaterThan(30);
    for (const delta of deltas) expect(delta.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(offline().generate({ ...request('prayer', 'x'), signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
