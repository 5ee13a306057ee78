import { useEffect, useState } from 'preact/hooks';
import type { Mantra, Wheel } from '../api/types';
import { Icon } from '../components/icon';
import { useDashboard } from '../state/dashboard-context';

/**
 * Create a prayer wheel from the mantra library, optionally attached to a session (it then spins exactly
 * while the session runs).
 *
 * @example
 * ```tsx
 * <WheelForm sessionId={current?.id ?? null} onCreated={upsert} />
 * ```
 */
export function WheelForm({ session, onCreated }: { session: { id: string; intention: string } | null; onCreated: (wheel: Wheel) => void }) {
  const { api, notify } = useDashboard();
  const [mantras, setMantras] = useState<Mantra[]>([]);
  const [mantra, setMantra] = useState('chenrezig');
  const [copies, setCopies] = useState('10000');
  const [rpm, setRpm] = useState('30');
  const [attach, setAttach] = useState(false);

  useEffect(() => {
    api.get<{ mantras: Mantra[] }>('/api/v1/prayers/mantras').then(
      (body) => setMantras(body.mantras),
      (error: Error) => notify(`Could not load the mantras: ${error.message}`, 'error'),
    );
  }, [api, notify]);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      const body = { mantra, copiesPerRotation: copies.trim(), rpm: Number(rpm), ...(attach && session !== null ? { sessionId: session.id } : {}) };
      const wheel = await api.post<Wheel>('/api/v1/prayers/wheels', body);
      onCreated(attach ? wheel : await api.post<Wheel>(`/api/v1/prayers/wheels/${encodeURIComponent(wheel.id)}/start`));
    } catch (error) {
      notify(`Could not create the wheel: ${(error as Error).message}`, 'error');
    }
  };

  return (
    <form class="wheel-form" onSubmit={submit} aria-labelledby="wheel-form-title">
      <h3 id="wheel-form-title" class="panel__subtitle">
        New wheel
      </h3>
      <div class="field-row">
        <label class="field">
          <span class="field__label">Mantra</span>
          <select name="mantra" value={mantra} onChange={(event) => setMantra(event.currentTarget.value)}>
            {mantras.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field field--narrow">
          <span class="field__label">Copies a turn</span>
          <input name="copies" type="text" inputMode="numeric" pattern="[1-9][0-9]{0,29}" required value={copies} onInput={(event) => setCopies(event.currentTarget.value)} />
        </label>
        <label class="field field--narrow">
          <span class="field__label">Turns a minute</span>
          <input name="rpm" type="number" min="0.1" max="6000" step="any" required value={rpm} onInput={(event) => setRpm(event.currentTarget.value)} />
        </label>
      </div>
      <div class="form-actions">
        <label class="checkbox">
          <input type="checkbox" checked={attach && session !== null} disabled={session === null} onChange={(event) => setAttach(event.currentTarget.checked)} />
          {session === null ? 'Spin with a session (none open)' : 'Spin with the current session'}
        </label>
        <button type="submit" class="button button--accent">
          <Icon name="plus" />
          Create wheel
        </button>
      </div>
    </form>
  );
}
