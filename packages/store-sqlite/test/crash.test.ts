import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashChecker, verifySession } from './crash-checker';
import { createSeededRandom } from '@vajra-stream/core/testing';
import { createdSession } from './crash-truth';
import { createTempDirs } from './temp-dir';

/*
 * Crash test (issue 2): a child process runs the real kernel (sessions and spinning wheels, system
 * clock, 25 ms wheel tick) on a SQLite file; the parent kills it with SIGKILL at random moments, restarts
 * it on the same file, and checks after every kill and every restart that
 *  - no session is lost (every announced session is in the file and in the recovered kernel),
 *  - every session's status and elapsed time agree with the truth the parent computes from the announced
 *    transitions and the wall clock, within one second (including sessions that completed while down,
 *    with their completedAt),
 *  - every rotation announced by a `wheel:rotated` event is in the store (stored count ≥ last announced).
 * The child (crash-child.ts, runnable by hand with tsx) is bundled once with esbuild, with
 * crash-child.tsconfig.json mapping @vajra-stream/core to its sources: a plain `node child.mjs` starts in
 * a fraction of the time tsx needs, so the 20+ restarts fit the time budget and the random kills land in
 * the kernel's start-up and work rather than in the TypeScript loader.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const childTsconfig = fileURLToPath(new URL('./crash-child.tsconfig.json', import.meta.url));
const KILLS = 22;
const dirs = createTempDirs('vajra-crash-');
// Inside the package's node_modules so the bundle resolves better-sqlite3 (native, kept external).
const bundleDir = join(packageDir, 'node_modules', '.cache', `vajra-crash-${process.pid}`);
const childBundle = join(bundleDir, 'crash-child.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [childScript],
    outfile: childBundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    tsconfig: childTsconfig,
    logLevel: 'silent',
  });
});
afterAll(() => {
  dirs.cleanup();
  rmSync(bundleDir, { recursive: true, force: true });
});

interface Incarnation {
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(): void;
}

function launch(databasePath: string, checker: CrashChecker): Incarnation {
  const child = spawn(process.execPath, [childBundle, databasePath], {
    cwd: packageDir,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  // readline emits only complete lines; a line cut by the kill cannot be half-read.
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Parameters<CrashChecker['onLine']>[0];
    checker.onLine(line);
    if (line.type === 'ready') markReady();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    // 'close' fires after stdout has been fully read.
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { ready, exited, kill: () => child.kill('SIGKILL') };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash safety on SQLite', () => {
  it(`survives ${KILLS} SIGKILLs at random moments without losing sessions, time or rotations`, { timeout: 120_000 }, async () => {
    const seed = Number(process.env.VAJRA_CRASH_SEED ?? Date.now() % 2 ** 31);
    const random = createSeededRandom(seed);
    const databasePath = join(dirs.make(), 'data', 'vajra.db');
    const checker = new CrashChecker();
    const started = Date.now();
    let startupMs = 500;
    let earlyKills = 0;

    for (let kill = 0; kill <= KILLS; kill += 1) {
      const spawnedAt = Date.now();
      const incarnation = launch(databasePath, checker);
      const last = kill === KILLS;
      if (!last && kill % 4 === 3) {
        // Kill at a random moment of start-up (module loading, recovery of sessions and wheels, first ticks).
        await Promise.race([sleep(random() * (startupMs + 100)), incarnation.exited]);
        earlyKills += 1;
      } else {
        const readyOrExit = await Promise.race([incarnation.ready.then(() => 'ready' as const), incarnation.exited.then(() => 'exit' as const), sleep(20_000).then(() => 'timeout' as const)]);
        if (readyOrExit !== 'ready') {
          incarnation.kill();
          const { code, stderr } = await incarnation.exited;
          throw new Error(`child did not start (${readyOrExit}, code ${code}, seed ${seed}): ${stderr}`);
        }
        startupMs = Date.now() - spawnedAt;
        // The final incarnation only has to recover and report.
        if (!last) await sleep(150 + random() * 700);
      }
      checker.onKilled(Date.now());
      incarnation.kill();
      const { code, signal, stderr } = await incarnation.exited;
      expect({ code, signal, stderr }, `incarnation ${kill} must die by SIGKILL, not by itself (seed ${seed})`).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
      checker.checkDatabase(databasePath);
      expect(checker.problems, `seed ${seed}`).toEqual([]);
      // Now and then stay down for a while, so that running sessions reach their duration while no process runs.
      if (random() < 0.3) await sleep(random() * 1500);
    }

    const { counts } = checker;
    console.info(JSON.stringify({ crashTest: { seed, kills: KILLS + 1, earlyKills, seconds: (Date.now() - started) / 1000, sessions: checker.sessions.size, ...counts } }));
    // The run must have exercised what it claims to check.
    expect(counts.readies).toBeGreaterThanOrEqual(KILLS - earlyKills);
    expect(checker.sessions.size).toBeGreaterThan(5);
    expect(counts.transitions).toBeGreaterThan(20);
    expect(counts.rotatedEvents).toBeGreaterThan(100);
    expect(counts.completedChecks).toBeGreaterThan(0);
    expect(checker.announced.size).toBeGreaterThanOrEqual(2);
  });

  it('the checker itself notices a lost session, a wrong elapsed time and a lost rotation', () => {
    const truth = createdSession('ses_a', 60);
    truth.status = 'running';
    truth.since = 1_000_000;
    const report = { id: 'ses_a', status: 'running' as const, elapsedTime: 10, duration: 60, completedAt: null };
    expect(verifySession(truth, report, 1_010_000, 1_010_000)).toEqual([]);
    expect(verifySession(truth, { ...report, elapsedTime: 11.5 }, 1_010_000, 1_010_000)).toHaveLength(1);
    expect(verifySession(truth, { ...report, status: 'paused' }, 1_010_000, 1_010_000)).toHaveLength(1);

    const checker = new CrashChecker();
    checker.onLine({ type: 'done', op: 'create', id: 'ses_a', duration: 60, t1: 1_000_000 });
    checker.onLine({ type: 'rotated', wheelId: 'whl_a', rotations: '42' });
    checker.onLine({ type: 'ready', before: 1_001_000, at: 1_001_000, sessions: [], wheels: [{ id: 'whl_a', rotations: '41' }] });
    expect(checker.problems).toEqual(['session ses_a lost', 'wheel whl_a recovered 41 rotations, 42 were announced']);
  });
});
