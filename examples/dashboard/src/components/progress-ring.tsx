/**
 * A circular progress ring (0–1) with its content in the middle.
 *
 * @example
 * ```tsx
 * <ProgressRing fraction={0.25} label="Session progress">12:30</ProgressRing>
 * ```
 */
export function ProgressRing({ fraction, label, children }: { fraction: number; label: string; children?: preact.ComponentChildren }) {
  const radius = 52;
  const circumference = 2 * Math.PI * radius;
  const clamped = Math.min(1, Math.max(0, fraction));
  return (
    <div class="progress-ring" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped * 100)}>
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle class="progress-ring__track" cx="60" cy="60" r={radius} />
        <circle class="progress-ring__value" cx="60" cy="60" r={radius} stroke-dasharray={`${circumference}`} stroke-dashoffset={`${circumference * (1 - clamped)}`} transform="rotate(-90 60 60)" />
      </svg>
      <div class="progress-ring__content">{children}</div>
    </div>
  );
}
