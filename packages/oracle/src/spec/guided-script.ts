/**
 * One piece of a guided script: words to speak, or silence (`seconds`).
 *
 * @example
 * ```ts
 * for (const segment of parseGuidedScript('Breathe in. [pause 10s] Breathe out.').segments) {
 *   if (segment.type === 'speech') await speak(segment.text);
 *   else await new Promise((resolve) => setTimeout(resolve, segment.seconds * 1000));
 * }
 * ```
 */
export type ScriptSegment = { type: 'speech'; text: string } | { type: 'pause'; seconds: number };

/**
 * A guided script parsed from text with `[pause 30s]` markers.
 *
 * @example
 * ```ts
 * const script: GuidedScript = parseGuidedScript('Breathe in. [pause 10s] Breathe out. [pause 1m]');
 * // { segments: [{ type: 'speech', text: 'Breathe in.' }, { type: 'pause', seconds: 10 }, …], pauseSeconds: 70, speechSeconds: 2, totalSeconds: 72 }
 * ```
 */
export interface GuidedScript {
  segments: ScriptSegment[];
  /** Sum of all pauses (s). */
  pauseSeconds: number;
  /** Estimated speaking time at a calm pace of 130 words per minute (s). */
  speechSeconds: number;
  /** pauseSeconds + speechSeconds. */
  totalSeconds: number;
}

/** Calm guided-meditation speaking pace. */
export const WORDS_PER_MINUTE = 130;

const MARKER = /\[\s*pause(?:\s*(?:for)?\s*([^\]]*))?\]/gi;

/**
 * Parses `[pause 30s]`, `[pause 1m]`, `[pause 1m 30s]`, `[pause 45 seconds]`, `[pause 2 minutes]` (and a bare
 * `[pause]` = 5 s) into speech and pause segments.
 *
 * @example
 * ```ts
 * parseGuidedScript('Breathe in. [pause 10s] Breathe out.').pauseSeconds; // 10
 * ```
 */
export function parseGuidedScript(text: string): GuidedScript {
  const segments: ScriptSegment[] = [];
  let last = 0;
  const pushSpeech = (raw: string) => {
    const speech = raw
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
    if (speech) segments.push({ type: 'speech', text: speech });
  };
  for (const match of text.matchAll(MARKER)) {
    pushSpeech(text.slice(last, match.index));
    const seconds = parseDuration(match[1] ?? '');
    const previous = segments.at(-1);
    if (previous?.type === 'pause') previous.seconds += seconds;
    else segments.push({ type: 'pause', seconds });
    last = match.index + match[0].length;
  }
  pushSpeech(text.slice(last));
  const pauseSeconds = segments.reduce((sum, s) => sum + (s.type === 'pause' ? s.seconds : 0), 0);
  const words = segments.reduce((sum, s) => sum + (s.type === 'speech' ? countWords(s.text) : 0), 0);
  const speechSeconds = Math.round((words / WORDS_PER_MINUTE) * 60);
  return { segments, pauseSeconds, speechSeconds, totalSeconds: pauseSeconds + speechSeconds };
}

/** Counts words. */
export function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

function parseDuration(spec: string): number {
  const text = spec.toLowerCase().trim();
  if (!text) return 5;
  let seconds = 0;
  let matched = false;
  for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*(h|hours?|m|mins?|minutes?|s|secs?|seconds?)?/g)) {
    matched = true;
    const n = Number(value);
    if (unit?.startsWith('h')) seconds += n * 3600;
    else if (unit?.startsWith('m')) seconds += n * 60;
    else seconds += n;
  }
  return matched ? Math.round(seconds) : 5;
}
