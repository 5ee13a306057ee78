import type { Logger } from '../logger/logger';

/**
 * What is about to sound, as {@link KernelHooks.prepareAudio} tells the `beforeAudio` tasks.
 *
 * @example
 * ```ts
 * const recovered: AudioStartContext = { sessionId: 'ses_01J9Z8Q4', position: 125.5 };
 * ```
 */
export interface AudioStartContext {
  /** The session whose audio starts; `null` for a program played outside any session. */
  sessionId: string | null;
  /** Seconds into the program the sound starts at (0, or a recovered session's elapsed time). */
  position: number;
}

/**
 * Hooks of the kernel that plugins meet at: a plugin that readies the room for sound (an amplifier that
 * must be on some seconds before it) registers a task with `beforeAudio`; a plugin that plays audio
 * awaits `prepareAudio` and makes no sound before it resolves. A task that fails is logged and does not
 * hold the audio back; each task bounds its own wait.
 *
 * @example
 * ```ts
 * // in the plugin that drives the amplifier
 * ctx.hooks.beforeAudio(async ({ sessionId }) => amplifier.onForAtLeast(preRollSeconds));
 * // in the plugin that plays
 * await ctx.hooks.prepareAudio({ sessionId: session.id, position: 0 });
 * engine.play(program);
 * ```
 */
export interface KernelHooks {
  /** Register a task audio waits for; returns the function that removes it. */
  beforeAudio(task: (context: AudioStartContext) => Promise<void> | void): () => void;
  /** Run every `beforeAudio` task (together) and resolve when all have settled. */
  prepareAudio(context: AudioStartContext): Promise<void>;
}

/** The kernel's hooks; failures of a task are logged on `logger`. */
export function createKernelHooks(logger: Logger): KernelHooks {
  const tasks = new Set<(context: AudioStartContext) => Promise<void> | void>();
  return {
    beforeAudio(task) {
      tasks.add(task);
      return () => void tasks.delete(task);
    },
    async prepareAudio(context) {
      await Promise.all(
        [...tasks].map(async (task) => {
          try {
            await task(context);
          } catch (error) {
            logger.warn('a beforeAudio task failed; the audio starts anyway', { sessionId: context.sessionId, error: error instanceof Error ? error.message : String(error) });
          }
        }),
      );
    },
  };
}
