import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { canTravelInSubprotocol } from '../api/socket-client';
import { useDashboard } from '../state/dashboard-context';
import { Icon } from './icon';

/**
 * Ask for an API key or JWT, check it with the server, and keep it in memory (or in this tab's
 * sessionStorage when asked). The field is a password field: the key is never shown, put in a URL or
 * logged.
 *
 * @example
 * ```tsx
 * <KeyForm onAccepted={() => setLocked(false)} />
 * ```
 */
export function KeyForm({ onAccepted, reason }: { onAccepted: () => void; reason: string }) {
  const { api, credentials } = useDashboard();
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const token = key.trim();
    if (!canTravelInSubprotocol(token)) {
      setProblem('This key has characters that cannot travel in the WebSocket handshake. Use a key made of letters, digits and - . _ ~ (a JWT works too).');
      return;
    }
    setBusy(true);
    setProblem(null);
    const previous = credentials.token;
    credentials.set(token, { remember });
    try {
      await api.get('/api/v1/sessions', { limit: 1 });
      setKey('');
      onAccepted();
    } catch (error) {
      if (previous === null) credentials.clear();
      else credentials.set(previous);
      setProblem(error instanceof ApiError && error.unauthenticated ? 'The server did not accept this key.' : `Could not check the key: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="key-form" onSubmit={submit} aria-labelledby="key-form-title">
      <h2 id="key-form-title" class="key-form__title">
        <Icon name="key" /> Enter your key
      </h2>
      <p class="key-form__reason">{reason}</p>
      <label class="field">
        <span class="field__label">API key or token</span>
        <input name="key" type="password" autoComplete="current-password" spellcheck={false} required value={key} onInput={(event) => setKey(event.currentTarget.value)} />
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} />
        Keep it for this browser tab
      </label>
      {problem !== null && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button--accent" disabled={busy}>
          Enter
        </button>
      </div>
    </form>
  );
}
