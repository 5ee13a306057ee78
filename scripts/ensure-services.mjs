// The services the scale-out tests use — PostgreSQL (127.0.0.1:5432, trust, database `test`), Redis
// (127.0.0.1:6379) and NATS (127.0.0.1:4222) — made reachable before the tests run. A service that already
// answers is left alone. Otherwise, as root on Debian, its package is installed if missing and a private
// instance started for the tests (PostgreSQL: a trust-auth cluster of its own in the temp directory, never
// the system's configuration). Whatever is still unreachable is named with what to do; the tests that need
// it then fail saying the same (they never skip). VAJRA_TEST_DATABASE_URL / VAJRA_TEST_REDIS_URL point the
// tests elsewhere, and then only those are checked.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await reachable(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function aptInstall(aptPackage) {
  if (!isRoot || !has('apt-get')) return false;
  console.log(`[ensure-services] installing ${aptPackage} with apt-get`);
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  try {
    execFileSync('apt-get', [...lockWait, 'update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', [...lockWait, 'install', '-y', '-qq', '--no-install-recommends', aptPackage], { stdio: 'inherit', env: aptEnv });
    return true;
  } catch (error) {
    console.warn(`[ensure-services] apt-get install ${aptPackage} failed: ${error.message}`);
    return false;
  }
}

/** The newest Debian PostgreSQL's bin directory (`/usr/lib/postgresql/<version>/bin`), if installed. */
function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(base, versions[0], 'bin');
}

/** Run as the `postgres` user when root (initdb and postgres refuse to run as root). */
const asPostgres = (command, args) => (isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'inherit' }) : execFileSync(command, args, { stdio: 'inherit' }));

async function startPostgres() {
  let bin = postgresBin();
  if (bin === undefined && aptInstall('postgresql')) bin = postgresBin();
  if (bin === undefined) return 'install PostgreSQL (Debian: apt-get install postgresql) and start it on 127.0.0.1:5432 with trust auth and a database `test`';
  const dataDir = join(tmpdir(), 'vajra-test-postgres');
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      mkdirSync(dataDir, { recursive: true });
      if (isRoot) execFileSync('chown', ['postgres:postgres', dataDir]);
      asPostgres(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    }
    console.log(`[ensure-services] starting a private PostgreSQL in ${dataDir} on 127.0.0.1:5432`);
    asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-o', `-p 5432 -c listen_addresses=127.0.0.1 -k ${dataDir}`, 'start']);
    if (!(await waitFor('127.0.0.1', 5432))) return `PostgreSQL did not start (see ${join(dataDir, 'server.log')})`;
    const exists = spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', "SELECT 1 FROM pg_database WHERE datname = 'test'"], { encoding: 'utf8' });
    if (exists.stdout.trim() !== '1') execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-U', 'postgres', 'test'], { stdio: 'inherit' });
    return undefined;
  } catch (error) {
    return `starting PostgreSQL failed: ${error.message}`;
  }
}

async function startDetached(name, command, aptPackage, args, port) {
  if (!has(command) && !aptInstall(aptPackage)) return `install ${name} (Debian: apt-get install ${aptPackage}) and start it on 127.0.0.1:${port}`;
  console.log(`[ensure-services] starting ${name} on 127.0.0.1:${port}`);
  spawn(command, args, { detached: true, stdio: 'ignore' }).unref();
  return (await waitFor('127.0.0.1', port)) ? undefined : `${name} did not start on 127.0.0.1:${port}`;
}

const services = [
  {
    name: 'PostgreSQL',
    override: process.env.VAJRA_TEST_DATABASE_URL,
    port: 5432,
    start: startPostgres,
  },
  {
    name: 'Redis',
    override: process.env.VAJRA_TEST_REDIS_URL,
    port: 6379,
    start: () => startDetached('Redis', 'redis-server', 'redis-server', ['--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], 6379),
  },
  {
    name: 'NATS',
    override: undefined,
    port: 4222,
    start: () => startDetached('NATS', 'nats-server', 'nats-server', ['-a', '127.0.0.1', '-p', '4222'], 4222),
  },
];

/**
 * Make every service reachable or say why not. Resolves with the problems left (empty: all reachable).
 *
 * @example
 * ```js
 * const problems = await ensureServices();
 * ```
 */
export async function ensureServices() {
  const problems = [];
  for (const service of services) {
    if (service.override !== undefined) {
      const url = new URL(service.override);
      if (!(await reachable(url.hostname, Number(url.port || service.port)))) problems.push(`${service.name} at ${url.hostname}:${url.port || service.port} (from the environment) is not reachable`);
      continue;
    }
    if (await reachable('127.0.0.1', service.port)) continue;
    const problem = isRoot ? await service.start() : `${service.name} is not reachable on 127.0.0.1:${service.port}; run this script as root to install and start it, or start it yourself`;
    if (problem !== undefined) problems.push(`${service.name}: ${problem}`);
  }
  for (const problem of problems) console.warn(`[ensure-services] ${problem} — the tests that need it will fail.`);
  return problems;
}
