import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { programSchema } from '@vajra-stream/audio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../../oracle/test/__fixtures__/fake-openai';
import type { FakeVendor } from '../../oracle/test/__fixtures__/fake-server';
import { baseEnv, jsonLines, runVajra } from './__fixtures__/vajra-process';

const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-oracle-'));
let vendor: FakeVendor;
beforeAll(async () => {
  vendor = await startFakeOpenAI();
});
afterAll(async () => {
  await vendor.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('vajra oracle (offline by default)', () => {
  it('generate: a seeded offline text, the same for the same seed, with the result as JSON', async () => {
    const args = ['oracle', 'generate', 'a safe journey home', '--kind', 'blessing', '--seed', 'seven', '--json'];
    const [first, second] = await Promise.all([runVajra(args), runVajra(args)]);
    expect(first.code, first.stderr).toBe(0);
    const [result] = jsonLines<{ kind: string; text: string; provider: string; fellBack: boolean }>(first.stdout);
    expect(result).toMatchObject({ kind: 'blessing', provider: 'offline', fellBack: false });
    expect(result!.text.toLowerCase()).toContain('safe journey home');
    expect(jsonLines<{ text: string }>(second.stdout)[0]!.text).toBe(result!.text);
    const plain = await runVajra(args.slice(0, -1));
    expect(plain.stdout.trim()).toBe(result!.text.trim());
  });

  it('stream: deltas that add up to the final text, one JSON part per line', async () => {
    const run = await runVajra(['oracle', 'stream', '--intention', 'patience', '--kind', 'story', '--seed', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const parts = jsonLines<{ type: string; text?: string; result?: { text: string } }>(run.stdout);
    expect(parts.filter((part) => part.type === 'delta').length).toBeGreaterThan(1);
    expect(parts.at(-1)!.type).toBe('done');
    expect(
      parts
        .filter((part) => part.type === 'delta')
        .map((part) => part.text)
        .join(''),
    ).toBe(parts.at(-1)!.result!.text);
  });

  it('plan: a session plan whose audio program the audio package accepts, saved for vajra render', async () => {
    const run = await runVajra(['oracle', 'plan', 'calm before surgery', '--duration', '900', '--save-program', 'plan.json', '--json'], { cwd: directory });
    expect(run.code, run.stderr).toBe(0);
    const [plan] = jsonLines<{ duration: number; phases: Array<{ start: number; end: number }>; program: unknown }>(run.stdout);
    expect(plan!.duration).toBe(900);
    expect(plan!.phases[0]!.start).toBe(0);
    expect(plan!.phases.at(-1)!.end).toBe(900);
    const saved = JSON.parse(readFileSync(join(directory, 'plan.json'), 'utf8')) as { duration: number };
    expect(programSchema.safeParse(saved).success).toBe(true);
    expect(saved.duration).toBe(900);
    expect(saved).toEqual(plan!.program);
  });
});

describe('vajra oracle with a provider (a local server speaking the OpenAI wire format)', () => {
  const compatible = () => ['--provider', 'compatible', '--base-url', `${vendor.url}/v1`, '--model', 'local-model'];

  it('generate and stream answer from the provider', async () => {
    vendor.queue({ type: 'ok', text: 'May the road rise to meet you.' }, { type: 'ok', text: 'Om mani padme hum, slowly.', chunkSize: 4 });
    const generated = await runVajra(['oracle', 'generate', 'a journey', ...compatible(), '--json']);
    expect(generated.code, generated.stderr).toBe(0);
    expect(jsonLines(generated.stdout)[0]).toMatchObject({ text: 'May the road rise to meet you.', provider: 'openai-compatible', modelId: 'local-model', fellBack: false });
    const streamed = await runVajra(['oracle', 'stream', 'patience', ...compatible()]);
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(streamed.stdout).toBe('Om mani padme hum, slowly.\n');
    const request = vendor.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.body).toMatchObject({ model: 'local-model', stream: true });
  });

  it('falls back to the offline composer when the provider fails, and says so on stderr', async () => {
    vendor.queue({ type: 'error', status: 400, message: 'bad request' });
    const run = await runVajra(['oracle', 'generate', 'peace', ...compatible(), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ provider: 'offline', fellBack: true });
    expect(run.stderr).toMatch(/^warning answered by offline after openai-compatible PROVIDER_REQUEST_REJECTED/);
  });

  it('with --no-fallback the failure is the answer: one line with its code, exit code 4', async () => {
    vendor.queue({ type: 'error', status: 400, message: 'bad request' });
    const run = await runVajra(['oracle', 'generate', 'peace', ...compatible(), '--no-fallback']);
    expect(run.code).toBe(4);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error (PROVIDER_REQUEST_REJECTED|ALL_PROVIDERS_FAILED): /);
  });

  it('refuses a provider it cannot use instead of answering offline in silence', async () => {
    const noKey = await runVajra(['oracle', 'generate', 'peace', '--provider', 'openai'], { env: baseEnv() });
    expect(noKey.code).toBe(4);
    expect(noKey.stderr).toMatch(/^error PROVIDER_UNAVAILABLE: openai needs an API key: set OPENAI_API_KEY or VAJRA_ORACLE__OPENAI__API_KEY/);
    const noUrl = await runVajra(['oracle', 'generate', 'peace', '--provider', 'compatible']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/^error USAGE: --provider compatible needs --base-url and --model/);
    const unknown = await runVajra(['oracle', 'generate', 'peace', '--provider', 'oracle-of-delphi']);
    expect(unknown.code).toBe(2);
  });

  it('reads the provider settings from the environment like the server (VAJRA_ORACLE__*)', async () => {
    vendor.queue({ type: 'ok', text: 'From the environment.' });
    const env = baseEnv({ VAJRA_ORACLE__ORDER: '["compatible"]', VAJRA_ORACLE__COMPATIBLE__BASE_URL: `${vendor.url}/v1`, VAJRA_ORACLE__COMPATIBLE__MODEL: 'env-model' });
    const run = await runVajra(['oracle', 'generate', 'peace', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ text: 'From the environment.', modelId: 'env-model' });
  });
});
