import { ProgressRing } from '../components/progress-ring';
import { SessionControls } from '../components/session-controls';
import { SpectrumPlot } from '../components/spectrum-plot';
import { StatusChip } from '../components/status-chip';
import { formatClock, formatHz } from '../format';
import { useNow } from '../state/use-now';
import type { SessionAction } from '../state/use-session-actions';
import { elapsedOf, type SessionView } from '../state/use-sessions';
import { useSpectrum } from '../state/use-spectrum';
import { ListenControls } from './listen-controls';

/**
 * The session in the foreground: its intention, a progress ring with elapsed and remaining time, its
 * controls, the live spectrum of what the server plays, and in-browser listening.
 *
 * @example
 * ```tsx
 * <NowPlaying view={current} onAction={(action) => act(current.session.id, action)} />
 * ```
 */
export function NowPlaying({ view, onAction }: { view: SessionView | undefined; onAction: (action: SessionAction) => void }) {
  const now = useNow(1000);
  const frame = useSpectrum(view?.session.status === 'running' ? view.session.id : null);
  if (view === undefined) {
    return (
      <section class="panel now-playing now-playing--empty" aria-labelledby="now-playing-title">
        <h2 id="now-playing-title" class="panel__title">
          Now
        </h2>
        <p class="now-playing__invitation">Nothing is sounding. Set an intention below and begin when you are ready.</p>
        <SpectrumPlot frame={null} />
      </section>
    );
  }
  const { session } = view;
  const elapsed = elapsedOf(view, now);
  return (
    <section class="panel now-playing" aria-labelledby="now-playing-title" data-session-id={session.id} data-status={session.status}>
      <div class="now-playing__head">
        <h2 id="now-playing-title" class="panel__title">
          Now <StatusChip status={session.status} />
        </h2>
      </div>
      <div class="now-playing__body">
        <ProgressRing fraction={elapsed / session.duration} label="Session progress">
          <span class="now-playing__elapsed">{formatClock(elapsed)}</span>
          <span class="now-playing__remaining">−{formatClock(session.duration - elapsed)}</span>
        </ProgressRing>
        <div class="now-playing__text">
          <p class="now-playing__intention">{session.intention}</p>
          <p class="now-playing__sound">{describeSound(session.audioType, session.frequencies, session.prayerBowlMode)}</p>
          <SessionControls session={session} onAction={onAction} />
        </div>
      </div>
      <SpectrumPlot frame={frame} />
      <ListenControls view={view} />
    </section>
  );
}

/**
 * A short description of a session's sound: "Singing bowls at 528 Hz · 639 Hz".
 *
 * @example
 * ```ts
 * describeSound('tone', [432], false); // 'Pure tones at 432 Hz'
 * ```
 */
export function describeSound(audioType: string, frequencies: number[], bowls: boolean): string {
  const kind = audioType === 'prayer_bowl' ? 'Singing bowls' : bowls ? 'Tones and bowls' : audioType === 'binaural' ? 'Binaural beats' : 'Pure tones';
  if (frequencies.length === 0) return kind;
  return `${kind} at ${frequencies.map((frequency) => (frequency < 20 ? `${formatHz(frequency)} beat` : formatHz(frequency))).join(' · ')}`;
}
