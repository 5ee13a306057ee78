import { programFromSession } from '@vajra-stream/audio';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PlayerMeasure } from '../audio/create-player';
import { Icon } from '../components/icon';
import { formatHz } from '../format';
import { usePlayer } from '../state/use-player';
import { elapsedOf, type SessionView } from '../state/use-sessions';

const SILENT: PlayerMeasure = { levelDb: Number.NEGATIVE_INFINITY, peakHz: null };

/**
 * "Listen here": plays the session's program in this browser through the AudioWorklet, joined at the
 * session's elapsed time and following its pause, resume and stop; with a volume slider and a level meter.
 *
 * @example
 * ```tsx
 * <ListenControls view={view} />
 * ```
 */
export function ListenControls({ view }: { view: SessionView }) {
  const player = usePlayer();
  const [volume, setVolume] = useState(0.7);
  const [measure, setMeasure] = useState<PlayerMeasure>(SILENT);
  const { session } = view;
  const program = useMemo(() => {
    try {
      return { value: programFromSession(session) as unknown, error: null };
    } catch (error) {
      return { value: null, error: (error as Error).message };
    }
  }, [session.id, session.updatedAt]);

  const active = player.state === 'playing' || player.state === 'starting' || player.state === 'suspended';
  useEffect(() => {
    if (!active) return;
    if (session.status === 'paused') void player.suspend();
    else if (session.status === 'running' && player.state === 'suspended') void player.play(program.value, elapsedOf(view, Date.now()));
    else if (session.status === 'stopped' || session.status === 'completed') player.stop();
  }, [session.status]);
  useEffect(() => () => player.stop(), [session.id]);
  useEffect(() => {
    if (player.state !== 'playing') {
      setMeasure(SILENT);
      return;
    }
    const timer = window.setInterval(() => setMeasure(player.measure()), 100);
    return () => window.clearInterval(timer);
  }, [player.state]);

  const toggle = (): void => {
    if (active) player.stop();
    else void player.play(program.value, elapsedOf(view, Date.now()));
  };
  const onVolume = (event: Event): void => {
    const value = Number((event.currentTarget as HTMLInputElement).value) / 100;
    setVolume(value);
    player.setVolume(value);
  };
  const level = Number.isFinite(measure.levelDb) ? Math.max(0, Math.min(1, (measure.levelDb + 60) / 60)) : 0;
  const canListen = session.status === 'running' && program.value !== null;

  return (
    <div
      class="listen"
      data-player-state={player.state}
      data-context-state={player.contextState}
      data-level-db={Number.isFinite(measure.levelDb) ? measure.levelDb.toFixed(1) : '-inf'}
      data-peak-hz={measure.peakHz?.toFixed(1) ?? ''}
    >
      <button type="button" class={active ? 'button button--accent' : 'button'} aria-pressed={active} disabled={!active && !canListen} onClick={toggle}>
        <Icon name="headphones" />
        {active ? 'Listening here' : 'Listen here'}
      </button>
      <label class="listen__volume">
        <Icon name="volume" />
        <span class="visually-hidden">Volume</span>
        <input type="range" min="0" max="100" step="1" value={Math.round(volume * 100)} onInput={onVolume} aria-valuetext={`${Math.round(volume * 100)} percent`} />
      </label>
      <div class="listen__meter" aria-hidden="true">
        <div class="listen__meter-fill" style={{ transform: `scaleX(${level})` }} />
      </div>
      <p class="listen__note" aria-live="polite">
        {player.state === 'error'
          ? `Playback failed: ${player.error}`
          : program.error !== null
            ? `This session's sound cannot play here: ${program.error}`
            : player.state === 'playing' && measure.peakHz !== null
              ? `In this browser · ${formatHz(measure.peakHz)} strongest`
              : player.state === 'ended'
                ? 'The program has ended.'
                : session.status === 'running'
                  ? 'Plays the same program here, rendered by your browser.'
                  : 'Start the session to listen here.'}
      </p>
    </div>
  );
}
