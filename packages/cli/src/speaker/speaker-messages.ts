import type { Program } from '@vajra-stream/audio';

/** What `vajra play` sends to its speaker process. */
export type SpeakerRequest = { type: 'play'; program: Program; device?: string } | { type: 'stop' };

/** What the speaker process reports back. */
export type SpeakerReport =
  | { type: 'playing'; duration: number }
  | { type: 'position'; position: number; duration: number }
  | { type: 'ended' }
  | { type: 'stopped'; position: number }
  | { type: 'error'; code: string; message: string };
