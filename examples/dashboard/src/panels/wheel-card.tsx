import { useEffect, useState } from 'preact/hooks';
import type { Page, Wheel, WheelDedication } from '../api/types';
import { Icon } from '../components/icon';
import { WheelGlyph } from '../components/wheel-glyph';
import { formatCount } from '../format';
import { useDashboard } from '../state/dashboard-context';

const RECENT = 3;

/**
 * One prayer wheel: the turning drum, live recitation and rotation counts, start/stop, and its
 * dedications of merit (the latest few, and a field to add one).
 *
 * @example
 * ```tsx
 * <WheelCard wheel={wheel} onWheel={upsert} latestDedication={latest} />
 * ```
 */
export function WheelCard({ wheel, onWheel, latestDedication }: { wheel: Wheel; onWheel: (wheel: Wheel) => void; latestDedication: WheelDedication | null }) {
  const { api, notify } = useDashboard();
  const [dedications, setDedications] = useState<WheelDedication[]>([]);
  const [text, setText] = useState('');
  const spinning = wheel.status === 'spinning';

  useEffect(() => {
    let cancelled = false;
    const path = `/api/v1/prayers/wheels/${encodeURIComponent(wheel.id)}/dedications`;
    void (async () => {
      try {
        const first = await api.get<Page<WheelDedication>>(path, { limit: 1 });
        const page = first.total <= 1 ? first : await api.get<Page<WheelDedication>>(path, { limit: RECENT, offset: Math.max(0, first.total - RECENT) });
        if (!cancelled) setDedications(page.items.slice().reverse());
      } catch {
        // the list stays empty; the count below still shows
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, wheel.id]);
  useEffect(() => {
    if (latestDedication?.wheelId === wheel.id) setDedications((list) => (list.some((item) => item.id === latestDedication.id) ? list : [latestDedication, ...list].slice(0, RECENT)));
  }, [latestDedication, wheel.id]);

  const toggle = async (): Promise<void> => {
    try {
      onWheel(await api.post<Wheel>(`/api/v1/prayers/wheels/${encodeURIComponent(wheel.id)}/${spinning ? 'stop' : 'start'}`));
    } catch (error) {
      notify(`Could not ${spinning ? 'stop' : 'start'} the wheel: ${(error as Error).message}`, 'error');
    }
  };
  const dedicate = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      await api.post<WheelDedication>(`/api/v1/prayers/wheels/${encodeURIComponent(wheel.id)}/dedicate`, { text: text.trim() });
      setText('');
      notify('Merit dedicated.');
    } catch (error) {
      notify(`Could not dedicate: ${(error as Error).message}`, 'error');
    }
  };

  return (
    <article class="wheel-card" data-wheel-id={wheel.id} data-status={wheel.status} aria-labelledby={`wheel-${wheel.id}`}>
      <WheelGlyph syllables={wheel.mantra.transliteration.split(/\s+/)} rpm={wheel.rpm} spinning={spinning} />
      <div class="wheel-card__body">
        <h3 id={`wheel-${wheel.id}`} class="wheel-card__name">
          {wheel.name}
        </h3>
        <p class="wheel-card__mantra" lang="sa-Latn">
          {wheel.mantra.transliteration}
        </p>
        <p class="wheel-card__count">
          <span class="wheel-card__recitations" data-recitations={wheel.recitations}>
            {formatCount(wheel.recitations)}
          </span>
          <span class="wheel-card__unit">recitations</span>
        </p>
        <p class="wheel-card__meta">
          <span data-rotations={wheel.rotations}>{formatCount(wheel.rotations)} rotations</span>
          <span>{formatCount(wheel.copiesPerRotation)} copies a turn</span>
          <span>{wheel.rpm} rpm</span>
        </p>
        <button type="button" class={spinning ? 'button' : 'button button--accent'} onClick={toggle} aria-label={`${spinning ? 'Stop' : 'Spin'} ${wheel.name}`}>
          <Icon name={spinning ? 'stop' : 'play'} />
          {spinning ? 'Stop' : 'Spin'}
        </button>
        <form class="dedicate" onSubmit={dedicate}>
          <label class="field">
            <span class="field__label">Dedicate the merit</span>
            <input type="text" required maxLength={4000} placeholder="May all beings be happy" value={text} onInput={(event) => setText(event.currentTarget.value)} />
          </label>
          <button type="submit" class="button" aria-label={`Dedicate the merit of ${wheel.name}`}>
            <Icon name="sparkle" />
            Dedicate
          </button>
        </form>
        {dedications.length > 0 && (
          <ul class="dedications" aria-label={`Dedications of ${wheel.name}`}>
            {dedications.map((item) => (
              <li key={item.id}>
                <q>{item.text}</q>
                <span class="dedications__count">at {formatCount(item.recitations)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
