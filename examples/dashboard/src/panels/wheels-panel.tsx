import { formatCount } from '../format';
import { useWheels } from '../state/use-wheels';
import { WheelCard } from './wheel-card';
import { WheelForm } from './wheel-form';

/**
 * Prayer wheels: every wheel with live counts and dedications, the total of recitations, and a form to
 * create one.
 *
 * @example
 * ```tsx
 * <WheelsPanel session={current?.session ?? null} />
 * ```
 */
export function WheelsPanel({ session }: { session: { id: string; intention: string } | null }) {
  const { wheels, loaded, upsert, latestDedication } = useWheels();
  const total = wheels.reduce((sum, wheel) => sum + BigInt(wheel.recitations), 0n);
  return (
    <section class="panel wheels" aria-labelledby="wheels-title">
      <h2 id="wheels-title" class="panel__title">
        Prayer wheels
        {wheels.length > 0 && <span class="panel__aside">{formatCount(total.toString())} recitations in all</span>}
      </h2>
      {loaded && wheels.length === 0 && <p class="empty">No wheels turning yet.</p>}
      <div class="wheel-list">
        {wheels.map((wheel) => (
          <WheelCard key={wheel.id} wheel={wheel} onWheel={upsert} latestDedication={latestDedication} />
        ))}
      </div>
      <WheelForm session={session} onCreated={upsert} />
    </section>
  );
}
