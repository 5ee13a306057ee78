import { useRef, useState } from 'preact/hooks';
import type { OracleText } from '../api/types';
import { Icon } from '../components/icon';
import { MissingPluginPanel } from '../components/missing-plugin-panel';
import { useDashboard } from '../state/dashboard-context';

const KINDS = ['prayer', 'blessing', 'dedication', 'teaching', 'story', 'meditation', 'contemplation'] as const;

type Phase = 'idle' | 'streaming' | 'done' | 'error';

/**
 * Ask the oracle for a prayer, blessing, dedication, teaching, story, meditation or contemplation; the
 * text streams into the page as the server sends it (`oracle.generate` over the WebSocket).
 *
 * @example
 * ```tsx
 * <OraclePanel intention={current?.session.intention} />
 * ```
 */
export function OraclePanel({ intention: suggested, enabled }: { intention: string | undefined; enabled: boolean }) {
  const { socket } = useDashboard();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('blessing');
  const [intention, setIntention] = useState('');
  const [length, setLength] = useState<'short' | 'medium' | 'long'>('short');
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [source, setSource] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const deltas = useRef(0);

  const ask = (event: Event): void => {
    event.preventDefault();
    const request = { kind, intention: intention.trim() || suggested || 'the benefit of all beings', length };
    setText('');
    setSource(null);
    setProblem(null);
    setPhase('streaming');
    deltas.current = 0;
    socket.stream(
      { type: 'oracle.generate', request },
      {
        onMessage(message) {
          if (message.type === 'oracle:delta') {
            const data = message.data as { text: string; reset?: boolean };
            deltas.current += 1;
            setText((previous) => (data.reset === true ? '' : previous + data.text));
          } else if (message.type === 'oracle:done') {
            const result = message.data as OracleText;
            setText(result.text);
            setSource(result.provider === 'offline' ? 'composed offline' : `${result.provider} · ${result.modelId}`);
            setPhase('done');
          }
        },
        onError(error) {
          setProblem(error.message);
          setPhase('error');
        },
      },
      (message) => message.type === 'oracle:done',
    );
  };

  if (!enabled) {
    return <MissingPluginPanel name="oracle" title="Oracle" plugin="oracle" />;
  }
  return (
    <section class="panel oracle" aria-labelledby="oracle-title">
      <h2 id="oracle-title" class="panel__title">
        Oracle
      </h2>
      <form class="oracle__form" onSubmit={ask}>
        <div class="field-row">
          <label class="field">
            <span class="field__label">Ask for</span>
            <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as typeof kind)}>
              {KINDS.map((item) => (
                <option key={item} value={item}>
                  {item[0]!.toUpperCase() + item.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label class="field field--narrow">
            <span class="field__label">Length</span>
            <select name="length" value={length} onChange={(event) => setLength(event.currentTarget.value as typeof length)}>
              <option value="short">Short</option>
              <option value="medium">Medium</option>
              <option value="long">Long</option>
            </select>
          </label>
        </div>
        <label class="field">
          <span class="field__label">For</span>
          <input name="intention" type="text" maxLength={500} placeholder={suggested ?? 'the benefit of all beings'} value={intention} onInput={(event) => setIntention(event.currentTarget.value)} />
        </label>
        <div class="form-actions">
          <button type="submit" class="button button--accent" disabled={phase === 'streaming'}>
            <Icon name="sparkle" />
            {phase === 'streaming' ? 'Receiving…' : 'Receive'}
          </button>
        </div>
      </form>
      <article class="oracle__text" aria-live="polite" aria-busy={phase === 'streaming'} data-phase={phase} data-deltas={deltas.current}>
        {text === '' && phase === 'idle' ? (
          <p class="oracle__placeholder">Words offered here arrive a phrase at a time.</p>
        ) : (
          text.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
        )}
        {source !== null && <footer class="oracle__source">— {source}</footer>}
      </article>
      {problem !== null && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
