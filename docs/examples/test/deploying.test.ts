import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// The scale-out block of docs/guides/deploying.md, run as written: its `export` lines become the environment
// (with a schema and a Redis prefix of this test's own) and each `vajra serve` line a process of the built CLI.
const guide = readFileSync(fileURLToPath(new URL('../../guides/deploying.md', import.meta.url)), 'utf8');
const block = /<!-- run: scale-out -->\n```sh\n([\s\S]*?)```/.exec(guide)![1]!;
const exported = Object.fromEntries([...block.matchAll(/^export (VAJRA_\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
const commands = [...block.matchAll(/^vajra (serve.*?) &$/gm)].map((match) => match[1]!.split(/\s+/));
const vajraBin = join(dirname(createRequire(import.meta.url).resolve('@vajra-stream/cli/package.json')), 'bin', 'vajra.js');

const unique = `${process.pid}_${randomBytes(4).toString('hex')}`;
const schema = `vajra_docs_${unique}`;
const prefix = `vajra-docs-${unique}:`;
const databaseUrl = process.env.VAJRA_TEST_DATABASE_URL ?? exported.VAJRA_DATABASE_URL!;
const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
admin.on('error', () => undefined);
const directory = mkdtempSync(join(tmpdir(), 'vajra-docs-deploy-'));
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await admin.end();
  const keys = execFileSync('redis-cli', ['-h', '127.0.0.1', '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  if (keys.length > 0) execFileSync('redis-cli', ['-h', '127.0.0.1', 'DEL', ...keys]);
  rmSync(directory, { recursive: true, force: true });
});

interface Ready {
  ready: boolean;
  store: string;
  bus: { kind: string; connected: boolean } | null;
  work: { mode: string; holder: boolean };
}

const until = async (condition: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('docs/guides/deploying.md, several instances', () => {
  it('names the four scale-out variables and two instances', () => {
    expect(Object.keys(exported).sort()).toEqual(['VAJRA_BUS_PREFIX', 'VAJRA_BUS_URL', 'VAJRA_DATABASE_SCHEMA', 'VAJRA_DATABASE_URL']);
    expect(commands.map((command) => command[0])).toEqual(['serve', 'serve']);
  });

  it('runs as written: both instances ready on PostgreSQL and Redis with one work holder, one session seen by both, clean exits on SIGTERM', { timeout: 180_000 }, async () => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VAJRA_'))) as Record<string, string>;
    const env = {
      ...inherited,
      ...exported,
      VAJRA_DATABASE_URL: databaseUrl,
      VAJRA_DATABASE_SCHEMA: schema,
      VAJRA_BUS_PREFIX: prefix,
      VAJRA_LOG_LEVEL: 'warn',
      VAJRA_DATA_DIR: join(directory, 'unused'),
    };
    const instances = commands.map((command) => {
      const args = [...command.slice(0, command.indexOf('--port')), '--port', '0', '--json'];
      const child = spawn(process.execPath, [vajraBin, ...args], { cwd: directory, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = (async () => {
        await until(async () => /"url":"http:\/\/127\.0\.0\.1:\d+"/.test(stdout) || child.exitCode !== null, 'the URL');
        const found = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout)?.[1];
        if (found === undefined) throw new Error(`no URL: ${stdout} ${stderr}`);
        return found;
      })();
      return { child, exited, url };
    });
    try {
      const [a, b] = await Promise.all(instances.map(({ url }) => url));
      const ready = async (url: string): Promise<Ready> => (await (await fetch(`${url}/ready`)).json()) as Ready;
      await until(async () => (await Promise.all([a!, b!].map(ready))).filter((state) => state.work.holder).length === 1, 'one holder');
      for (const state of await Promise.all([a!, b!].map(ready))) {
        expect(state).toMatchObject({ ready: true, store: 'postgres', bus: { kind: 'redis', connected: true }, work: { mode: 'lease' } });
      }

      const json = { 'content-type': 'application/json' };
      const created = (await (await fetch(`${a}/api/v1/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ intention: 'peace', duration: 600 }) })).json()) as { id: string };
      expect((await fetch(`${b}/api/v1/sessions/${created.id}/start`, { method: 'POST', headers: json })).status).toBe(200);
      expect(((await (await fetch(`${a}/api/v1/sessions/${created.id}`)).json()) as { status: string }).status).toBe('running');
    } finally {
      for (const { child } of instances) if (child.exitCode === null) child.kill('SIGTERM');
    }
    expect(await Promise.all(instances.map(({ exited }) => exited))).toEqual([0, 0]);
  });
});
