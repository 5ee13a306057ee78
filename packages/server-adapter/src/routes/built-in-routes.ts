import type { Vajra } from '@vajra-stream/core';
import type { RenderPool } from '../render/create-render-pool';
import type { AnyRoute } from '../routing/define-route';
import { astrologyRoutes } from './astrology-routes';
import { audioRoutes } from './audio-routes';
import { docsRoutes } from './docs-routes';
import { hardwareRoutes } from './hardware-routes';
import { llmRoutes } from './llm-routes';
import { prayerRoutes } from './prayer-routes';
import { sessionRoutes } from './session-routes';
import { systemRoutes } from './system-routes';
import { visualsRoutes } from './visuals-routes';

/**
 * Every built-in route; plugin routes only when the plugin is installed.
 *
 * @example
 * ```ts
 * const routes = builtInRoutes(vajra, { openapi: () => ({}), renders: () => createRenderPool({}, logger) });
 * ```
 */
export function builtInRoutes(
  vajra: Vajra,
  deps: {
    basePath?: string;
    openapi: () => Record<string, unknown>;
    renders: () => RenderPool;
    authRequired?: (request: Request) => boolean;
    audio?: { maxWavSeconds?: number; maxJsonSeconds?: number };
  },
): AnyRoute[] {
  return [
    ...systemRoutes(vajra, deps),
    ...docsRoutes(deps.basePath),
    ...sessionRoutes(),
    ...prayerRoutes(),
    ...(vajra.hasPlugin('audio') ? audioRoutes(vajra, { maxWavSeconds: deps.audio?.maxWavSeconds ?? 600, maxJsonSeconds: deps.audio?.maxJsonSeconds ?? 5 }, deps.renders) : []),
    ...(vajra.hasPlugin('astrology') ? astrologyRoutes(vajra, deps.renders) : []),
    ...(vajra.hasPlugin('oracle') ? llmRoutes(vajra) : []),
    ...(vajra.hasPlugin('visuals') ? visualsRoutes(vajra) : []),
    ...(vajra.hasPlugin('hardware') ? hardwareRoutes({ authRequired: deps.authRequired }) : []),
  ];
}
