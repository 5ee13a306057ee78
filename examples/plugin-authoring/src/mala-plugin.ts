/**
 * A third-party plugin: a mala (prayer-bead) counter. It shows the whole plugin contract — a versioned
 * spec, a config schema read from options and `VAJRA_MALA__*`, durable state through the kernel's store,
 * events emitted after the state is stored, and typing by declaration merging.
 */
import { VajraError, definePlugin, parseInput } from '@vajra-stream/core';
import { z } from 'zod';

/** A practitioner's count. */
export interface MalaCount {
  practitioner: string;
  beads: number;
  rounds: number;
  updatedAt: string;
}

/** What `vajra.plugin('mala')` returns. */
export interface MalaApi {
  /** Add counted beads; completes a round every `beadsPerRound` beads. */
  count(practitioner: string, beads: number): Promise<MalaCount>;
  get(practitioner: string): Promise<MalaCount>;
}

declare module '@vajra-stream/core' {
  interface VajraPluginApis {
    mala: MalaApi;
  }
  interface VajraPluginConfigs {
    mala: { beadsPerRound?: number };
  }
  interface VajraEvents {
    'mala:round-completed': { practitioner: string; rounds: number; at: string };
  }
}

const practitionerSchema = z.string().trim().min(1).max(64);
const beadsSchema = z.number().int().min(1).max(10_000);

/**
 * The mala counter plugin.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [malaPlugin()], config: { mala: { beadsPerRound: 108 } } });
 * await vajra.start();
 * await vajra.plugin('mala').count('pema', 108); // { rounds: 1, … }
 * ```
 */
export function malaPlugin() {
  return definePlugin({
    specificationVersion: 'v1',
    id: 'mala',
    // Counts are public (GET /api/v1/mala/{practitioner} needs no credentials), so is their event; an event
    // left out of this list and naming no `owner` would reach administrators only through a server.
    publicEvents: ['mala:round-completed'],
    configSchema: z.object({ beadsPerRound: z.number().int().min(1).max(1000).default(108) }),
    setup(ctx): MalaApi {
      const counts = ctx.store.collection<MalaCount>('mala_counts');
      const empty = (id: string): MalaCount => ({ practitioner: id, beads: 0, rounds: 0, updatedAt: new Date(ctx.clock.now()).toISOString() });
      return {
        async count(practitioner, beads) {
          const id = parseInput(practitionerSchema, practitioner, 'practitioner');
          const added = parseInput(beadsSchema, beads, 'bead count');
          // Inside a transaction use only `tx`: the store itself waits for the transaction to end.
          const next = await ctx.store.transaction(async (tx) => {
            const collection = tx.collection<MalaCount>('mala_counts');
            const current = (await collection.get(id)) ?? empty(id);
            const total = current.beads + added;
            const updated = { ...current, beads: total, rounds: Math.floor(total / ctx.config.beadsPerRound), updatedAt: new Date(ctx.clock.now()).toISOString() };
            await collection.put(updated.practitioner, updated);
            return { before: current, updated };
          });
          // Announce only after the transaction committed: a listener never hears of a round the store lacks.
          for (let round = next.before.rounds + 1; round <= next.updated.rounds; round += 1) {
            ctx.events.emit('mala:round-completed', { practitioner: next.updated.practitioner, rounds: round, at: next.updated.updatedAt });
          }
          return next.updated;
        },
        async get(practitioner) {
          const id = parseInput(practitionerSchema, practitioner, 'practitioner');
          const count = await counts.get(id);
          if (count === undefined) throw new VajraError('MALA_NOT_FOUND', `No beads counted for "${id}" yet`, { status: 404 });
          return count;
        },
      };
    },
  });
}
