/**
 * The `vajra` executable. SIGINT/SIGTERM abort the running command, which then stops cleanly (a partial
 * WAV file is removed, a spinning wheel's count is stored); a second signal exits at once.
 * @module
 */
import { VajraError } from '@vajra-stream/core';
import { exitCodes } from './command/exit-codes';
import { runCli } from './run-cli';

const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(exitCodes.interrupted);
  controller.abort(new VajraError('ABORTED', `interrupted by ${signal}`, { status: 499 }));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const status = await runCli(process.argv.slice(2), { signal: controller.signal });
// Exit once stdout has flushed, even if a library left a handle open (a keep-alive socket, a timer).
process.stdout.write('', () => process.exit(status));
