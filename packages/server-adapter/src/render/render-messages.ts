import type { WavFormat } from '@vajra-stream/audio';

/** What the server asks of a render thread. */
export type RenderRequest =
  | { type: 'wav'; id: number; program: unknown; format: WavFormat }
  | { type: 'more'; id: number }
  | { type: 'cancel'; id: number }
  | { type: 'windows'; id: number; query: unknown };

/** An error crossing the thread boundary: a `VajraError`'s JSON form, or only a message for anything else. */
export interface RenderFailure {
  code?: string;
  message: string;
  status?: number;
  details?: unknown;
}

/** What a render thread answers. */
export type RenderReply =
  | {
      type: 'chunk';
      id: number;
      bytes: Uint8Array;
      /** No more chunks follow. */
      last: boolean;
    }
  | { type: 'end'; id: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: RenderFailure };
