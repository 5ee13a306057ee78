import { useState } from 'preact/hooks';
import type { PlanetaryDay } from '../api/types';
import { MoonGlyph } from '../components/moon-glyph';
import { MissingPluginPanel } from '../components/missing-plugin-panel';
import { capitalize, formatTime, ordinal } from '../format';
import { useNow } from '../state/use-now';
import { usePlace } from '../state/use-place';
import { useToday } from '../state/use-today';
import { ChartWheelImage } from './chart-wheel-image';
import { PlaceForm } from './place-form';

const PLANET_GLYPHS: Record<string, string> = { sun: '☉', moon: '☽', mars: '♂', mercury: '☿', jupiter: '♃', venus: '♀', saturn: '♄' };

/**
 * Today: the moon's phase, the Tibetan date with its practice day, the planetary hour, the panchanga, the
 * chart wheel (when the visuals plugin is installed), and the place they are computed for.
 *
 * @example
 * ```tsx
 * <TodayPanel enabled={info.plugins.includes('astrology')} chartWheel={info.plugins.includes('visuals')} />
 * ```
 */
export function TodayPanel({ enabled, chartWheel }: { enabled: boolean; chartWheel: boolean }) {
  const [place, setPlace] = usePlace();
  const [editing, setEditing] = useState(false);
  const today = useToday(place, enabled);
  const now = useNow(30_000);
  if (!enabled) {
    return <MissingPluginPanel name="today" title="Today" plugin="astrology" />;
  }
  const hour = currentHour(today.planetaryDay, now);
  const { moon, tibetan, panchanga } = today;
  return (
    <section class="panel today" aria-labelledby="today-title">
      <h2 id="today-title" class="panel__title">
        Today
      </h2>
      <div class="today__grid">
        <div class="today__moon" data-moon-angle={moon?.angle}>
          {moon !== null && <MoonGlyph angle={moon.angle} />}
          <div>
            <p class="today__big">{moon === null ? '…' : capitalize(moon.name)}</p>
            {moon !== null && (
              <p class="today__small">
                {Math.round(moon.illumination * 100)}% lit · day {Math.floor(moon.ageDays) + 1} of the lunar month
              </p>
            )}
          </div>
        </div>
        {tibetan !== null && (
          <div class="today__tibetan" data-tibetan-day={tibetan.day}>
            <p class="today__label">Tibetan calendar</p>
            <p class="today__big">
              {ordinal(tibetan.day)} day of the {ordinal(tibetan.month)} month{tibetan.leapMonth ? ' (leap)' : ''}
            </p>
            <p class="today__small">
              {tibetan.element} {tibetan.animal} year {tibetan.royalYear}
            </p>
            <p class="today__observances">
              {tibetan.observances.length === 0 ? (
                <span class="today__small">No special practice day</span>
              ) : (
                tibetan.observances.map((name) => (
                  <span key={name} class="chip chip--practice">
                    {name}
                  </span>
                ))
              )}
            </p>
          </div>
        )}
        {hour !== null && (
          <div class="today__hour" data-ruler={hour.ruler}>
            <p class="today__label">Planetary hour</p>
            <p class="today__big">
              <span class="today__glyph" aria-hidden="true">
                {PLANET_GLYPHS[hour.ruler]}
              </span>{' '}
              {capitalize(hour.ruler)}
            </p>
            <p class="today__small">
              {hour.isDay ? 'Day' : 'Night'} hour {hour.isDay ? hour.hour : hour.hour - 12} · until {formatTime(hour.end)} · day of {capitalize(today.planetaryDay!.dayRuler)}
            </p>
          </div>
        )}
        {panchanga !== null && (
          <dl class="today__panchanga" aria-label="Panchanga">
            <div>
              <dt>Tithi</dt>
              <dd>
                {panchanga.tithi.name}{' '}
                <span class="today__small">
                  ({capitalize(panchanga.tithi.paksha)} {((panchanga.tithi.number - 1) % 15) + 1}) until {formatTime(panchanga.tithi.end)}
                </span>
              </dd>
            </div>
            <div>
              <dt>Nakshatra</dt>
              <dd>
                {panchanga.nakshatra.name} <span class="today__small">pada {panchanga.nakshatra.pada}</span>
              </dd>
            </div>
            <div>
              <dt>Yoga</dt>
              <dd>{panchanga.yoga.name}</dd>
            </div>
            <div>
              <dt>Karana</dt>
              <dd>{panchanga.karana.name}</dd>
            </div>
            <div>
              <dt>Vara</dt>
              <dd>{panchanga.vara.name}</dd>
            </div>
          </dl>
        )}
      </div>
      {chartWheel && !today.needsPlace && <ChartWheelImage place={place} />}
      {today.error !== null && (
        <p class="field__error" role="status">
          {today.error}
        </p>
      )}
      <div class="today__place">
        {today.needsPlace || editing ? (
          <>
            <p class="today__small">{today.needsPlace ? 'Set your place to see the planetary hour, the panchanga and the houses.' : 'Change your place.'}</p>
            <PlaceForm place={place} onPlace={setPlace} onDone={() => setEditing(false)} />
          </>
        ) : (
          <p class="today__small">
            {place === null ? "At the server's place" : `At ${place.latitude.toFixed(2)}°, ${place.longitude.toFixed(2)}°`}{' '}
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              change
            </button>
          </p>
        )}
      </div>
    </section>
  );
}

function currentHour(day: PlanetaryDay | null, now: number) {
  if (day === null) return null;
  return day.hours.find((hour) => hour.startTime <= now && now < hour.endTime) ?? null;
}
