import { describe, expect, it } from 'vitest';
import { parseGuidedScript } from './guided-script';

describe('parseGuidedScript', () => {
  it('parses pause markers in several spellings into speech and pause segments', () => {
    const script = parseGuidedScript('Sit.\n[pause 30s]\nBreathe. [Pause 1m] Rest [pause 1m 30s] more [pause 45 seconds][pause 2 minutes] end [pause]');
    expect(script.segments).toEqual([
      { type: 'speech', text: 'Sit.' },
      { type: 'pause', seconds: 30 },
      { type: 'speech', text: 'Breathe.' },
      { type: 'pause', seconds: 60 },
      { type: 'speech', text: 'Rest' },
      { type: 'pause', seconds: 90 },
      { type: 'speech', text: 'more' },
      { type: 'pause', seconds: 165 },
      { type: 'speech', text: 'end' },
      { type: 'pause', seconds: 5 },
    ]);
    expect(script.pauseSeconds).toBe(350);
  });

  it('estimates speech at 130 words per minute', () => {
    const words = Array.from({ length: 130 }, () => 'om').join(' ');
    expect(parseGuidedScript(words)).toMatchObject({ speechSeconds: 60, pauseSeconds: 0, totalSeconds: 60 });
  });
});
