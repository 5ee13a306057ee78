import { useEffect, useMemo, useState } from 'preact/hooks';
import { createPlayer, type Player } from '../audio/create-player';

/**
 * One in-browser player for the page, re-rendering when its state changes.
 *
 * @example
 * ```ts
 * const player = usePlayer();
 * ```
 */
export function usePlayer(): Player {
  const player = useMemo(() => createPlayer(), []);
  const [, setVersion] = useState(0);
  useEffect(() => player.onChange(() => setVersion((version) => version + 1)), [player]);
  useEffect(() => () => player.stop(), [player]);
  return player;
}
