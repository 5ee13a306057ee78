// Installs the system tools the test suite relies on, with Debian's apt when run as root; otherwise says
// what is missing (the tests that need a tool then fail saying so).
// sox reads WAV files back as an independent decoder; socat makes the pseudo-terminal pairs of the serial
// tests and python3 reads their line speed (termios) for the fake devices; chromium runs the dashboard's browser tests; DejaVu Sans is the font the visuals' golden PNGs are
// rasterised with; ip (iproute2) makes the network namespace that plays a second host in the server's
// remote-peer tests; jupyter-nbconvert (with IPython, which tslab's kernel-spec installer imports) runs the
// notebook of examples/notebook headless. Then the services (PostgreSQL, Redis, NATS): see ensure-services.mjs. Exits with 1 when a
// service is still unreachable, naming it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureServices } from './ensure-services.mjs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const wanted = [
  { command: 'sox', aptPackage: 'sox' },
  { command: 'socat', aptPackage: 'socat' },
  { command: 'python3', aptPackage: 'python3' },
  { command: 'chromium', aptPackage: 'chromium' },
  { command: 'ip', aptPackage: 'iproute2' },
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', aptPackage: 'fonts-dejavu-core' },
  { command: 'jupyter-nbconvert', aptPackage: 'jupyter-nbconvert' },
  { file: '/usr/lib/python3/dist-packages/IPython/__init__.py', aptPackage: 'python3-ipython' },
];
const missing = wanted.filter((tool) => (tool.file ? !existsSync(tool.file) : !has(tool.command)));
const packages = missing.map((tool) => tool.aptPackage);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing.length === 0) {
  // nothing to install
} else if (!isRoot || !has('apt-get')) {
  console.warn(`[ensure-tools] missing ${packages.join(', ')}; install them (e.g. apt-get install ${packages.join(' ')}) — tests that need them will fail.`);
} else {
  console.log(`[ensure-tools] installing ${packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run (a second checkout's test command) may hold dpkg's lock: wait for it rather than fail.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  try {
    execFileSync('apt-get', [...lockWait, 'update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', [...lockWait, 'install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  } catch (error) {
    console.warn(`[ensure-tools] apt-get failed: ${error.message}`);
  }
}
const problems = await ensureServices();
process.exitCode = problems.length === 0 ? 0 : 1;
