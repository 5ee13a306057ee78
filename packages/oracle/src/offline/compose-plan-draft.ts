import type { PlanDraft } from '../plan/plan-draft';
import type { OracleContext } from '../spec/oracle-task';
import { capitalise, createComposeContext } from './compose-context';
import { offlineRules } from './compose-text';
import type { Rules } from './grammar';
import { composeDedication } from './kinds/dedication';

const phaseRules: Rules = {
  'phase.settle': ['Sit upright and relaxed; let the breath settle by itself.', 'Arrive in the body; feel the ground and let the shoulders drop.'],
  'phase.intention': ['Bring to mind the wish: {$intentionYou}. Visualise {$deity} in the space before you.', 'Recall the intention, {$intentionYou}, and let it include all who share it.'],
  'phase.intention.secular': ['Bring to mind the wish: {$intentionYou}. Let it include all who share it.'],
  'phase.mantra': [
    'Recite {$mantra} softly with the breath; let {light} fill you and flow out to all beings.',
    'Let the mantra, {$mantra}, carry the wish; when the mind wanders, return to the sound.',
  ],
  'phase.mantra.secular': ['Silently repeat: may all beings be well. Let each out-breath carry the wish outward.'],
  'phase.rest': ['Let the visualisation dissolve into light and rest in open awareness.', 'Rest without doing anything; let whatever arises pass like clouds.'],
  'phase.dedicate': ['Dedicate the merit: may all beings find {gift}.', 'Share whatever good has come with all beings, and close gently.'],
};

/** Phase layout as fractions of the session; very short sessions use fewer phases. */
const LAYOUTS: Array<{ minMinutes: number; phases: Array<[string, string, number]> }> = [
  {
    minMinutes: 15,
    phases: [
      ['Settling', 'phase.settle', 0.1],
      ['Intention and visualisation', 'phase.intention', 0.15],
      ['Mantra', 'phase.mantra', 0.45],
      ['Resting', 'phase.rest', 0.2],
      ['Dedication', 'phase.dedicate', 0.1],
    ],
  },
  {
    minMinutes: 4,
    phases: [
      ['Settling', 'phase.settle', 0.15],
      ['Intention', 'phase.intention', 0.15],
      ['Mantra', 'phase.mantra', 0.5],
      ['Resting and dedication', 'phase.dedicate', 0.2],
    ],
  },
  {
    minMinutes: 0,
    phases: [
      ['Settling', 'phase.settle', 0.3],
      ['Mantra', 'phase.mantra', 0.5],
      ['Dedication', 'phase.dedicate', 0.2],
    ],
  },
];

/**
 * Composes a session-plan draft offline: theme → deity and mantra, the theme's frequencies, phases
 * with guidance, and a short dedication. Deterministic for a seed.
 *
 * @example
 * ```ts
 * composePlanDraft({ intention: 'courage for a new job', duration: 1200 }, 'seed').mantra.text;
 * ```
 */
export function composePlanDraft(task: { intention: string; duration: number; tradition?: string; context?: OracleContext }, seed: string): PlanDraft {
  const minutes = task.duration / 60;
  const base = {
    kind: 'dedication' as const,
    intention: task.intention,
    length: 'short' as const,
    ...(task.tradition ? { tradition: task.tradition } : {}),
    ...(task.context ? { context: task.context } : {}),
  };
  const c = createComposeContext(base, `${seed}|plan|${minutes}`, { ...offlineRules, ...phaseRules });
  const layout = LAYOUTS.find((l) => minutes >= l.minMinutes)!;
  const phases = layout.phases.map(([name, rule, share]) => ({ name, minutes: round(minutes * share), guidance: c.grammar.rule(rule) }));
  const deityName = c.deity ? capitalise(c.deity.name.replace(/^the /, '')) : 'none';
  const title = c.deity ? `${formatMinutes(minutes)} with ${c.deity.name}: ${c.theme.id}` : `${formatMinutes(minutes)} of quiet practice: ${c.theme.id}`;
  return {
    title,
    mantra: { deity: deityName, text: c.deity?.mantra ?? 'May all beings be well' },
    dedication: composeDedication(c),
    frequencies: [...c.theme.frequencies],
    bowl: true,
    noise: c.random.pick(['pink', 'brown', 'none'] as const),
    phases,
  };
}

function round(minutes: number): number {
  return Math.max(0.05, Math.round(minutes * 100) / 100);
}

function formatMinutes(minutes: number): string {
  return minutes === 1 ? 'One minute' : `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} minutes`;
}
