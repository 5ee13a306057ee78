import { programSchema } from '@vajra-stream/audio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOracle, offline, openai, sessionPlanSchema } from '../src/index';
import { startFakeOpenAI } from './__fixtures__/fake-openai';
import type { FakeVendor } from './__fixtures__/fake-server';

const KEY = 'sk-plan-0123456789SECRET';
const validDraft = {
  title: 'Green Tara for the road',
  mantra: { deity: 'Green Tara', text: 'Om Tare Tuttare Ture Soha' },
  dedication: 'May every traveller arrive safely. May all beings be free from fear.',
  frequencies: [396, 285, 7.83],
  bowl: true,
  noise: 'pink',
  phases: [
    { name: 'Settling', minutes: 2, guidance: 'Sit and let the breath settle.' },
    { name: 'Mantra', minutes: 6, guidance: 'Recite the mantra softly.' },
    { name: 'Dedication', minutes: 2, guidance: 'Dedicate the merit.' },
  ],
};

describe('oracle.plan with a model: JSON mode, validation and the repair loop', () => {
  let vendor: FakeVendor;
  beforeAll(async () => {
    vendor = await startFakeOpenAI({ apiKey: KEY });
  });
  afterAll(() => vendor.close());
  beforeEach(() => void vendor.requests.splice(0));
  const oracle = (planRepairs = 2) => createOracle({ providers: [openai({ apiKey: KEY, baseURL: `${vendor.url}/v1` })], fallback: offline({ seed: 'plan' }), planRepairs, retries: 0 });

  it('compiles a valid reply into a plan whose program passes the audio schema', async () => {
    vendor.queue({ type: 'json', text: JSON.stringify(validDraft) });
    const plan = await oracle().plan({ intention: 'a safe journey', duration: 600, seed: 5 });
    expect(vendor.requests[0]?.body).toMatchObject({ response_format: { type: 'json_object' } });
    expect(plan.source).toEqual({ provider: 'openai', modelId: 'gpt-4o-mini', repairs: 0 });
    expect(plan.duration).toBe(600);
    expect(plan.mantra.text).toBe('Om Tare Tuttare Ture Soha');
    expect(plan.phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['Settling', 0, 120],
      ['Mantra', 120, 480],
      ['Dedication', 480, 600],
    ]);
    expect(programSchema.safeParse(plan.program).success).toBe(true);
    expect(plan.program.duration).toBe(600);
    const kinds = plan.program.layers.map((l) => l.kind);
    expect(kinds).toEqual(['tone', 'tone', 'binaural', 'noise', 'bowl']);
    const binaural = plan.program.layers.find((l) => l.kind === 'binaural');
    expect(binaural && Array.isArray(binaural.beat) ? binaural.beat.map((k) => k.value) : null).toEqual([10, 7.83, 7.83, 10]);
    const bowl = plan.program.layers.find((l) => l.kind === 'bowl');
    expect(bowl?.strikes).toEqual([0, 120, 480, 588, 592, 596]);
  });

  it('repairs invalid JSON: sends the bad reply back with the problem, then accepts the fix', async () => {
    vendor.queue({ type: 'json', text: 'Here is your plan: {"title": "Tara", "mantra": ' }, { type: 'json', text: `\`\`\`json\n${JSON.stringify(validDraft)}\n\`\`\`` });
    const plan = await oracle().plan({ intention: 'a safe journey', duration: 600 });
    expect(plan.source).toMatchObject({ provider: 'openai', repairs: 1 });
    const second = vendor.requests[1]?.body?.messages as Array<{ role: string; content: string }>;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: 'Here is your plan: {"title": "Tara", "mantra": ' });
    expect(second.at(-1)?.role).toBe('user');
    expect(second.at(-1)?.content).toMatch(/JSON/);
  });

  it('repairs a schema violation, naming the bad field', async () => {
    vendor.queue({ type: 'json', text: JSON.stringify({ ...validDraft, frequencies: [99_999] }) }, { type: 'json', text: JSON.stringify(validDraft) });
    const plan = await oracle().plan({ intention: 'a safe journey', duration: 600 });
    expect(plan.source.repairs).toBe(1);
    const repair = (vendor.requests[1]?.body?.messages as Array<{ content: string }> | undefined)?.at(-1)?.content;
    expect(repair).toContain('frequencies');
  });

  it('after the repair budget is spent, falls back to the offline planner', async () => {
    vendor.queue({ type: 'json', text: 'no' }, { type: 'json', text: '{}' });
    const plan = await oracle(1).plan({ intention: 'a safe journey', duration: 600 });
    expect(vendor.requests).toHaveLength(2);
    expect(plan.source.provider).toBe('offline');
    expect(sessionPlanSchema.safeParse(plan).success).toBe(true);
  });
});

describe('offline plans for a spread of intentions and durations', () => {
  const intentions = [
    'healing for my mother after her stroke',
    'courage for a difficult conversation',
    'I am grieving my father',
    'clarity before my final exams',
    'forgiveness for myself',
    'peace in the world',
    'abundance for our new business',
    'loving-kindness toward my difficult colleague',
  ];
  const durations = [1, 3, 5, 12.5, 30, 60, 90];

  it('every plan validates and its program passes the audio schema, with matching duration', async () => {
    const oracle = createOracle({ fallback: offline({ seed: 11 }) });
    for (const intention of intentions) {
      for (const minutes of durations) {
        const plan = await oracle.plan({ intention, duration: minutes * 60, context: { moonPhase: 'waxing crescent', tithi: 3 } });
        expect(sessionPlanSchema.safeParse(plan).success, `${intention} / ${minutes}`).toBe(true);
        const program = programSchema.parse(plan.program);
        expect(program.duration).toBeCloseTo(minutes * 60, 6);
        expect(plan.phases[0]?.start).toBe(0);
        expect(plan.phases.at(-1)?.end).toBeCloseTo(minutes * 60, 6);
        for (const layer of program.layers) {
          if ('fadeOut' in layer && layer.kind !== 'bowl') expect(layer.fadeOut).toBeGreaterThan(0); // no click at the end
        }
        expect(plan.mantra.repetitions).toBeGreaterThan(0);
      }
    }
  });

  it('chooses the deity that fits the intention (practice.md mantras)', async () => {
    const oracle = createOracle({ fallback: offline({ seed: 2 }) });
    expect((await oracle.plan({ intention: 'healing after surgery', duration: 600 })).mantra.text).toBe('Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha');
    expect((await oracle.plan({ intention: 'wisdom and clarity for my studies', duration: 600 })).mantra.text).toBe('Om A Ra Pa Tsa Na Dhih');
    expect((await oracle.plan({ intention: 'purification of past mistakes and regret', duration: 600 })).mantra.text).toBe('Om Vajrasattva Hum');
    const secular = await oracle.plan({ intention: 'calm', duration: 600, tradition: 'secular' });
    expect(secular.mantra.deity).toBe('none');
  });

  it('the same seed gives the same plan; different seeds differ', async () => {
    const a = await createOracle({ fallback: offline({ seed: 'x' }) }).plan({ intention: 'peace', duration: 1200 });
    const b = await createOracle({ fallback: offline({ seed: 'x' }) }).plan({ intention: 'peace', duration: 1200 });
    expect(b).toEqual(a);
    const others = await Promise.all(['y', 'z', 'w', 'v'].map((seed) => createOracle({ fallback: offline({ seed }) }).plan({ intention: 'peace', duration: 1200 })));
    expect(new Set([a, ...others].map((p) => p.dedication + p.phases.map((x) => x.guidance).join())).size).toBeGreaterThan(2);
  });

  it('takes the duration in seconds, like sessions and audio, and refuses the old minutes', async () => {
    const oracle = createOracle({ fallback: offline({ seed: 3 }) });
    const plan = await oracle.plan({ intention: 'a short pause', duration: 90 });
    expect(plan.duration).toBe(90);
    expect(plan.program.duration).toBe(90);
    expect(plan.phases.at(-1)?.end).toBe(90);
    expect('minutes' in plan).toBe(false);
    const meditation = await oracle.generate({ kind: 'meditation', intention: 'rest', duration: 300 });
    expect(Math.abs((meditation.script?.totalSeconds ?? 0) - 300)).toBeLessThanOrEqual(45);
    const refused = await oracle.plan({ intention: 'peace', minutes: 10 } as never).catch((error: unknown) => error as { code: string; message: string });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/duration.*minutes|minutes.*duration/s) });
    expect(await oracle.plan({ intention: 'peace', duration: 86_401 }).catch((error: { code: string }) => error.code)).toBe('VALIDATION_FAILED');
  });

  it('plans the longest session it accepts (24 h) offline, never failing on its own draft', async () => {
    const oracle = createOracle({ fallback: offline({ seed: 5 }) });
    for (const intention of intentions) {
      const plan = await oracle.plan({ intention, duration: 24 * 3600 });
      expect(plan.program.duration).toBe(24 * 3600);
      expect(plan.phases.at(-1)?.end).toBe(24 * 3600);
    }
  });
});
