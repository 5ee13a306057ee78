/**
 * `@vajra-stream/cli`: the `vajra` command (render, play, astro, wheel, oracle, serve) and the pieces
 * programs reuse: `runCli` to embed the command line, and `startServer` with its config readers, the
 * reference server behind `vajra serve` and examples/server.
 *
 * @example
 * ```ts
 * import { runCli, startServer } from '@vajra-stream/cli';
 * process.exitCode = await runCli(['astro', 'moon', '--json']);
 * const server = await startServer({ dataDir: './data', port: 0 });
 * await server.close();
 * ```
 * @module @vajra-stream/cli
 */
export { runCli, type RunCliOptions } from './run-cli';
export { exitCodes, exitCodeOf, type ExitCode } from './command/exit-codes';
export type { OutputStream } from './output/terminal';
export { startServer, type StartServerOptions, type RunningServer } from './serve/start-server';
export { readServerConfig, type ServerConfig } from './serve/read-server-config';
export { loadEnvFile } from './serve/load-env-file';
