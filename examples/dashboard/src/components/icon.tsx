/** Names of the dashboard's line icons. */
export type IconName = 'play' | 'pause' | 'stop' | 'plus' | 'sun' | 'moon' | 'auto' | 'key' | 'headphones' | 'volume' | 'sparkle' | 'close';

// Drawn on a 24×24 grid with round 1.75 px strokes; `fill` paths are solid.
const PATHS: Record<IconName, { stroke?: string; fill?: string }> = {
  play: { fill: 'M8 5.5v13a.8.8 0 0 0 1.2.7l10.4-6.5a.8.8 0 0 0 0-1.4L9.2 4.8A.8.8 0 0 0 8 5.5Z' },
  pause: { fill: 'M7 5h3.2v14H7zM13.8 5H17v14h-3.2z' },
  stop: { fill: 'M6.5 6.5h11v11h-11z' },
  plus: { stroke: 'M12 5v14M5 12h14' },
  sun: { stroke: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM12 2.5v2M12 19.5v2M4.6 4.6 6 6M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4 6 18M18 6l1.4-1.4' },
  moon: { stroke: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z' },
  auto: { stroke: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18ZM12 3v18', fill: 'M12 3a9 9 0 0 1 0 18Z' },
  key: { stroke: 'M14.5 3.5a6 6 0 1 0 0 .01M10.2 13.8 3.5 20.5M6.5 17.5l2 2M8.8 15.2l1.6 1.6' },
  headphones: { stroke: 'M4 15v-3a8 8 0 0 1 16 0v3M4 15h3v5H5a1 1 0 0 1-1-1v-4ZM20 15h-3v5h2a1 1 0 0 0 1-1v-4Z' },
  volume: { stroke: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11' },
  sparkle: {
    stroke:
      'M12 3.5c.6 4.4 2.1 5.9 6.5 6.5-4.4.6-5.9 2.1-6.5 6.5-.6-4.4-2.1-5.9-6.5-6.5 4.4-.6 5.9-2.1 6.5-6.5ZM18.5 15.5c.3 1.7.8 2.2 2.5 2.5-1.7.3-2.2.8-2.5 2.5-.3-1.7-.8-2.2-2.5-2.5 1.7-.3 2.2-.8 2.5-2.5Z',
  },
  close: { stroke: 'M6 6l12 12M18 6 6 18' },
};

/**
 * A line icon, decorative unless `label` is given (then it is announced as an image).
 *
 * @example
 * ```tsx
 * <Icon name="play" />
 * ```
 */
export function Icon({ name, label }: { name: IconName; label?: string }) {
  const path = PATHS[name];
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden={label === undefined ? 'true' : undefined} role={label === undefined ? undefined : 'img'} aria-label={label}>
      {path.fill !== undefined && <path d={path.fill} fill="currentColor" />}
      {path.stroke !== undefined && <path d={path.stroke} fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />}
    </svg>
  );
}
