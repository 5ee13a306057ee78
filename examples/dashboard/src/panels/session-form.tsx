import { useState } from 'preact/hooks';
import type { Session } from '../api/types';
import { Icon } from '../components/icon';
import { useDashboard } from '../state/dashboard-context';
import { FREQUENCY_PRESETS, parseFrequencies } from './frequency-presets';

const SOUNDS = [
  { id: 'tones', label: 'Pure tones', audioType: 'tone', prayerBowlMode: false },
  { id: 'bowls', label: 'Singing bowls', audioType: 'prayer_bowl', prayerBowlMode: false },
  { id: 'both', label: 'Tones and bowls', audioType: 'tone', prayerBowlMode: true },
] as const;

const groups = [...new Set(FREQUENCY_PRESETS.map((preset) => preset.group))];

/**
 * Create a session: intention, duration (minutes), the kind of sound, and frequencies typed in or
 * filled from a preset; optionally begin right away.
 *
 * @example
 * ```tsx
 * <SessionForm onCreated={(session) => upsert(session)} />
 * ```
 */
export function SessionForm({ onCreated }: { onCreated: (session: Session, begin: boolean) => void }) {
  const { api, notify } = useDashboard();
  const [intention, setIntention] = useState('');
  const [minutes, setMinutes] = useState('20');
  const [sound, setSound] = useState<(typeof SOUNDS)[number]['id']>('both');
  const [preset, setPreset] = useState('intention-peace');
  const [frequencies, setFrequencies] = useState('528, 639, 7.83');
  const [begin, setBegin] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choosePreset = (id: string): void => {
    setPreset(id);
    const found = FREQUENCY_PRESETS.find((item) => item.id === id);
    if (found !== undefined) setFrequencies(found.frequencies.join(', '));
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    let list: number[];
    try {
      list = parseFrequencies(frequencies);
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    const duration = Math.round(Number(minutes) * 60);
    if (!Number.isFinite(duration) || duration < 10) {
      setProblem('The duration is at least 10 seconds');
      return;
    }
    const chosen = SOUNDS.find((item) => item.id === sound)!;
    setBusy(true);
    try {
      const session = await api.post<Session>('/api/v1/sessions', { intention: intention.trim(), duration, audioType: chosen.audioType, prayerBowlMode: chosen.prayerBowlMode, frequencies: list });
      setIntention('');
      onCreated(session, begin);
    } catch (error) {
      notify(`Could not create the session: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="session-form" onSubmit={submit} aria-labelledby="session-form-title">
      <h3 id="session-form-title" class="panel__subtitle">
        New session
      </h3>
      <label class="field">
        <span class="field__label">Intention</span>
        <textarea
          name="intention"
          required
          maxLength={2000}
          rows={2}
          placeholder="May all beings be free from suffering"
          value={intention}
          onInput={(event) => setIntention(event.currentTarget.value)}
        />
      </label>
      <div class="field-row">
        <label class="field field--narrow">
          <span class="field__label">Minutes</span>
          <input name="minutes" type="number" inputMode="decimal" min="0.5" max="1440" step="any" required value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">Sound</span>
          <select name="sound" value={sound} onChange={(event) => setSound(event.currentTarget.value as typeof sound)}>
            {SOUNDS.map((item) => (
              <option key={item.id} value={item.id}>
                {item.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="field-row">
        <label class="field">
          <span class="field__label">Preset</span>
          <select name="preset" value={preset} onChange={(event) => choosePreset(event.currentTarget.value)}>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {FREQUENCY_PRESETS.filter((item) => item.group === group).map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.label}
                  </option>
                ))}
              </optgroup>
            ))}
            <option value="custom">Your own…</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">Frequencies (Hz)</span>
          <input
            name="frequencies"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-describedby="frequencies-hint"
            value={frequencies}
            onInput={(event) => {
              setFrequencies(event.currentTarget.value);
              setPreset('custom');
            }}
          />
        </label>
      </div>
      <p id="frequencies-hint" class="field__hint">
        Below 20 Hz a frequency becomes a binaural beat on a 200 Hz carrier (use headphones).
      </p>
      {problem !== null && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <label class="checkbox">
          <input type="checkbox" name="begin" checked={begin} onChange={(event) => setBegin(event.currentTarget.checked)} />
          Begin right away
        </label>
        <button type="submit" class="button button--accent" disabled={busy}>
          <Icon name="plus" />
          Create session
        </button>
      </div>
    </form>
  );
}
