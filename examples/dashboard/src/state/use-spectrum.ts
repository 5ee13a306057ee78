import { useState } from 'preact/hooks';
import type { SpectrumFrame } from '../api/types';
import { useSocketEvent } from './use-socket-event';

/**
 * The latest `audio:spectrum` frame of `sessionId` (frames of other playback are ignored).
 *
 * @example
 * ```ts
 * const frame = useSpectrum(session.id);
 * ```
 */
export function useSpectrum(sessionId: string | null): SpectrumFrame | null {
  const [frame, setFrame] = useState<SpectrumFrame | null>(null);
  useSocketEvent('audio:spectrum', ['audio:spectrum'], (message) => {
    const next = message.data as SpectrumFrame;
    if (sessionId !== null && next.sessionId === sessionId) setFrame(next);
  });
  return frame !== null && frame.sessionId === sessionId ? frame : null;
}
