import { deities } from '../offline/material/deities';
import { moonPhaseName, tithiName } from '../offline/material/moment';
import { themeFor } from '../offline/compose-context';
import type { LanguageModelMessage } from '../spec/language-model';
import type { OracleContext, TextTask } from '../spec/oracle-task';

const WORDS = { short: 120, medium: 280, long: 550 } as const;

const KIND_BRIEFS: Record<TextTask['kind'], string> = {
  prayer: 'Write a prayer: an invocation, the intention, specific petitions, a widening of the wish to all beings, and, if the tradition uses them, the mantra; end with a short closing line.',
  blessing: 'Write a blessing addressed to the listener ("May you …"), warm and concrete, ending with a sealing line.',
  dedication: 'Write a dedication of merit: gather the good of the practice and dedicate it to the intention and to all beings.',
  teaching: 'Write a short dharma talk: an opening, one vivid image or analogy, what it shows about the intention, one practice for daily life, and encouragement.',
  story: 'Write a short teaching story or parable with a named character, a difficulty, a meeting with a teacher, a turn and a quiet resolution; end with what it means for the listener.',
  meditation:
    'Write a guided meditation script in the second person. Insert timed silences as markers on their own line, exactly in the form [pause 30s] (seconds). The spoken words plus the pauses should last about {minutes} minutes in total, spoken calmly (about 130 words per minute).',
  contemplation: 'Write a contemplation: a short framing, then reflective questions, each followed by a marker such as [pause 30s] on its own line, and a gentle closing.',
};

/** A plain-language line describing the moment, for prompts. */
export function describeContext(context: OracleContext | undefined): string {
  if (!context) return '';
  const parts: string[] = [];
  const phase = moonPhaseName(context.moonPhase, context.waxing);
  if (phase) parts.push(`moon phase: ${phase}`);
  if (context.planetaryHour) parts.push(`planetary hour: ${context.planetaryHour}`);
  if (context.tithi !== undefined) parts.push(`tithi: ${context.tithi} (${tithiName(context.tithi)})`);
  if (context.lunarDay !== undefined) parts.push(`Tibetan lunar day: ${context.lunarDay}`);
  if (context.timeOfDay) parts.push(`time of day: ${context.timeOfDay}`);
  if (context.occasion) parts.push(`occasion: ${context.occasion}`);
  return parts.join('; ');
}

function systemPrompt(tradition: string | undefined): string {
  const voice = tradition ? `in the ${tradition} tradition` : 'in the Tibetan Buddhist (Vajrayana) tradition';
  return [
    `You are a warm, experienced meditation teacher ${voice}. You write for practitioners of the Vajra.Stream app.`,
    'Write plainly and concretely, like a teacher speaking to students they care about: no clichés, no headings, no lists unless asked, no commentary about yourself.',
    `Only use mantras in these exact transliterations: ${Object.values(deities)
      .map((d) => `${d.name}: ${d.mantra}`)
      .join('; ')}.`,
  ].join('\n');
}

/**
 * Builds the chat messages for a text task.
 *
 * @example
 * ```ts
 * textMessages({ kind: 'prayer', intention: 'peace' })[1].content;
 * ```
 */
export function textMessages(task: TextTask): LanguageModelMessage[] {
  const length = task.length ?? 'medium';
  const minutes = task.duration === undefined ? { short: 5, medium: 10, long: 20 }[length] : task.duration / 60;
  const theme = themeFor(task.intention);
  const moment = describeContext(task.context);
  const user = [
    KIND_BRIEFS[task.kind].replace('{minutes}', formatMinutes(minutes)),
    `Intention: ${task.intention}`,
    `Theme: ${theme.id}. Suitable deities: ${theme.deities.map((id) => deities[id].name).join(', ')}.`,
    moment ? `Speak to this moment: ${moment}.` : '',
    task.kind === 'meditation' ? '' : `Length: about ${WORDS[length]} words.`,
    'Reply with the text only.',
  ].filter(Boolean);
  return [
    { role: 'system', content: systemPrompt(task.tradition) },
    { role: 'user', content: user.join('\n') },
  ];
}

/** Builds the chat messages for a session-plan draft. */
export function planMessages(task: { intention: string; duration: number; tradition?: string; context?: OracleContext }): LanguageModelMessage[] {
  const minutes = formatMinutes(task.duration / 60);
  const theme = themeFor(task.intention);
  const moment = describeContext(task.context);
  const user = [
    `Design a ${minutes}-minute meditation session for this intention: ${task.intention}`,
    moment ? `The moment: ${moment}.` : '',
    `Suggested deities: ${theme.deities.map((id) => `${deities[id].name} (${deities[id].mantra})`).join(', ')}. Suggested frequencies (Hz): ${theme.frequencies.join(', ')}.`,
    'Reply with ONLY one JSON object, no prose, no code fence, with exactly these fields:',
    '{"title": string, "mantra": {"deity": string, "text": string}, "dedication": string (2-4 sentences),',
    ' "frequencies": number[] (1-6 values; tones 20-2000 Hz and/or binaural beat rates 0.5-40 Hz),',
    ' "bowl": boolean (strike a singing bowl at phase changes), "noise": "pink" | "brown" | "none",',
    ` "phases": [{"name": string, "minutes": number, "guidance": string}] (2-6 phases whose minutes add up to ${minutes})}`,
  ].filter(Boolean);
  return [
    { role: 'system', content: systemPrompt(task.tradition) },
    { role: 'user', content: user.join('\n') },
  ];
}

/** Minutes for a prompt: models plan in minutes; two decimals at most (90 s → "1.5"). */
function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}

/** The follow-up message of the repair loop. */
export function repairMessage(problem: string): LanguageModelMessage {
  return { role: 'user', content: `That reply could not be used: ${problem}\nReply again with ONLY the corrected JSON object.` };
}
