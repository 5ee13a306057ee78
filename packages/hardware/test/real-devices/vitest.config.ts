// Opt-in tests against devices on this machine's ports. Each file runs only when its variable names a
// port (VAJRA_HW_TRUERNG=/dev/ttyACM0 …); with none set there is nothing to run and the command says so.
// These files are not in the repository's suite (their names do not end in `.test.ts`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import root from '../../../../vitest.config';
import { realDevices } from './real-devices';

const named = realDevices.filter((device) => (process.env[device.variable] ?? '') !== '');
if (named.length === 0) console.log(`No real device named: set one of ${realDevices.map((device) => device.variable).join(', ')} to a port.`);

export default defineConfig({
  resolve: root.resolve,
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: named.map((device) => device.file),
    passWithNoTests: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
