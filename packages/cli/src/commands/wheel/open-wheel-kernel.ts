import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createConsoleLogger, createVajra, type LogLevel, type Vajra } from '@vajra-stream/core';
import { createSqliteStore, type SqliteStore } from '@vajra-stream/store-sqlite';
import type { CommandContext, OptionSpec } from '../../command/define-command';
import { stringOption } from '../../command/option-values';

/** `--database`, shared by the wheel commands. */
export const databaseOptions: Record<string, OptionSpec> = {
  database: { type: 'string', value: '<file>', description: "SQLite file (default: $VAJRA_DATA_DIR/vajra.db, or ./data/vajra.db, the example server's)" },
};

/** A kernel on the SQLite file of the command line. */
export interface WheelKernel {
  vajra: Vajra;
  store: SqliteStore;
  path: string;
  /** Stop the kernel and close the database. */
  close(): Promise<void>;
}

/**
 * Start a kernel (no plugins) on the SQLite store named by `--database`; its log lines go to stderr.
 *
 * @example
 * ```ts
 * const { vajra, close } = await openWheelKernel(context);
 * ```
 */
export async function openWheelKernel(context: CommandContext): Promise<WheelKernel> {
  const path = resolve(context.cwd, stringOption(context, 'database') ?? resolve(context.env.VAJRA_DATA_DIR ?? 'data', 'vajra.db'));
  mkdirSync(dirname(path), { recursive: true });
  const store = createSqliteStore({ path });
  const level = (context.env.VAJRA_LOG_LEVEL as LogLevel | undefined) ?? 'warn';
  const logger = createConsoleLogger({ level, write: (_level, line) => context.terminal.note(line) });
  const vajra = createVajra({ store, logger, env: context.env });
  try {
    await vajra.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    vajra,
    store,
    path,
    async close() {
      await vajra.stop();
      await store.close();
    },
  };
}
