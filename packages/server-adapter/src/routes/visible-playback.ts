import type { AudioPluginApi } from '@vajra-stream/audio';
import type { Access } from '../auth/access';

/** What the audio routes tell about the live engine. */
export interface PlaybackStatus {
  state: 'idle' | 'playing' | 'paused' | 'stopping';
  position: number;
  duration: number;
  sessionId: string | null;
  owner: string | null;
}

const IDLE: PlaybackStatus = { state: 'idle', position: 0, duration: 0, sessionId: null, owner: null };

/**
 * The engine's playback as `access` may see it. Playback has an owner (the principal that started it, or
 * the owner of the session it plays); like a session of another principal, someone else's playback is not
 * there for this caller: it sees an idle engine, with no session id, spectrum or frequencies.
 *
 * @example
 * ```ts
 * const { visible, status } = visiblePlayback(vajra.plugin('audio'), access);
 * ```
 */
export function visiblePlayback(audio: AudioPluginApi, access: Access): { visible: boolean; busy: boolean; status: PlaybackStatus } {
  const { state, position, duration, sessionId, owner } = audio.status();
  const busy = state !== 'idle';
  const visible = !busy || access.canSee(owner);
  return { visible, busy, status: visible ? { state, position, duration, sessionId, owner } : IDLE };
}
