import type { TextTask } from '../spec/oracle-task';
import { createComposeContext } from './compose-context';
import type { Rules } from './grammar';
import { blessingRules, composeBlessing } from './kinds/blessing';
import { composeContemplation, contemplationRules } from './kinds/contemplation';
import { composeDedication, dedicationRules } from './kinds/dedication';
import { composeMeditation, meditationRules } from './kinds/meditation';
import { composePrayer, prayerRules } from './kinds/prayer';
import { composeStory, storyRules } from './kinds/story';
import { composeTeaching, teachingRules } from './kinds/teaching';

/** All rules of all kinds. */
export const offlineRules: Rules = {
  ...prayerRules,
  ...blessingRules,
  ...dedicationRules,
  ...teachingRules,
  ...storyRules,
  ...meditationRules,
  ...contemplationRules,
};

/**
 * Composes a text for a task with the offline grammar; the same seed and task always give the same text.
 *
 * @example
 * ```ts
 * composeText({ kind: 'blessing', intention: 'a safe journey' }, 'seed-1');
 * ```
 */
export function composeText(task: TextTask, seed: string): string {
  const context = createComposeContext(task, seed, offlineRules);
  switch (task.kind) {
    case 'prayer':
      return composePrayer(context);
    case 'blessing':
      return composeBlessing(context);
    case 'dedication':
      return composeDedication(context);
    case 'teaching':
      return composeTeaching(context);
    case 'story':
      return composeStory(context);
    case 'meditation':
      return composeMeditation(context, task.duration);
    case 'contemplation':
      return composeContemplation(context);
  }
}
