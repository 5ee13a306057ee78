import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from './api/api-client';
import type { Credentials } from './api/credentials';
import type { SocketClient } from './api/socket-client';
import type { ServerInfo, Session } from './api/types';
import { Icon } from './components/icon';
import { KeyForm } from './components/key-form';
import { ThemeToggle } from './components/theme-toggle';
import { NowPlaying } from './panels/now-playing';
import { OraclePanel } from './panels/oracle-panel';
import { SessionsPanel } from './panels/sessions-panel';
import { TodayPanel } from './panels/today-panel';
import { WheelsPanel } from './panels/wheels-panel';
import { DashboardContext, useDashboard, type Dashboard } from './state/dashboard-context';
import { useSessionActions } from './state/use-session-actions';
import { useSessions } from './state/use-sessions';
import { useSocketState } from './state/use-socket-state';

interface Notice {
  text: string;
  tone: 'info' | 'error';
  at: number;
}

/**
 * The dashboard: asks for a key first when the server needs one, then shows every panel.
 *
 * @example
 * ```tsx
 * render(<App api={api} socket={socket} credentials={credentials} info={info} />, root);
 * ```
 */
export function App({ api, socket, credentials, info }: { api: ApiClient; socket: SocketClient; credentials: Credentials; info: ServerInfo }) {
  const needsKey = info.authRequired === true;
  const [locked, setLocked] = useState(needsKey && credentials.token === null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((text: string, tone: 'info' | 'error' = 'info') => setNotice({ text, tone, at: Date.now() }), []);
  const dashboard = useMemo<Dashboard>(() => ({ api, socket, credentials, info, notify }), [api, socket, credentials, info, notify]);

  useEffect(() => {
    if (locked) return;
    socket.connect();
    return () => socket.close();
  }, [socket, locked]);
  useEffect(
    () =>
      api.onUnauthenticated(() => {
        if (!needsKey && credentials.token === null) return;
        credentials.clear();
        setLocked(true);
      }),
    [api, credentials, needsKey],
  );
  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => setNotice(null), notice.tone === 'error' ? 9000 : 4000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return (
    <DashboardContext.Provider value={dashboard}>
      <Header locked={locked} onLock={() => setLocked(true)} />
      {locked ? (
        <main class="gate" id="main">
          <KeyForm
            reason={needsKey ? 'This server asks for a key before anything can be changed.' : 'Use a key to see the sessions and wheels that belong to it.'}
            onAccepted={() => setLocked(false)}
          />
        </main>
      ) : (
        <Panels />
      )}
      <p class={`notice notice--${notice?.tone ?? 'info'}`} role="status" aria-live="polite" data-visible={notice !== null}>
        {notice?.text}
      </p>
    </DashboardContext.Provider>
  );
}

function Header({ locked, onLock }: { locked: boolean; onLock: () => void }) {
  const { credentials } = useDashboard();
  const state = useSocketState();
  const live = state === 'open';
  return (
    <header class="masthead">
      <a class="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <div class="masthead__brand">
        <span class="masthead__mark" aria-hidden="true">
          ✺
        </span>
        <h1 class="masthead__title">Vajra.Stream</h1>
      </div>
      <div class="masthead__tools">
        {!locked && (
          <span class={live ? 'connection connection--live' : 'connection'} role="status" data-state={state}>
            <span class="connection__dot" aria-hidden="true" />
            {live ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Offline'}
          </span>
        )}
        {!locked && credentials.token !== null && (
          <button
            type="button"
            class="icon-button"
            aria-label="Forget the key"
            title="Forget the key"
            onClick={() => {
              credentials.clear();
              onLock();
            }}
          >
            <Icon name="key" />
          </button>
        )}
        <ThemeToggle />
      </div>
    </header>
  );
}

function Panels() {
  const { info } = useDashboard();
  const { sessions, loaded, upsert } = useSessions();
  const act = useSessionActions(upsert);
  const current = sessions.find((view) => view.session.status === 'running') ?? sessions.find((view) => view.session.status === 'paused') ?? sessions.find((view) => view.session.status === 'created');
  const created = useCallback(
    (session: Session, begin: boolean) => {
      upsert(session);
      if (begin) void act(session.id, 'start');
    },
    [upsert, act],
  );
  return (
    <main class="layout" id="main">
      <div class="layout__main">
        <div class="layout__now">
          <NowPlaying view={current} onAction={(action) => current !== undefined && void act(current.session.id, action)} />
        </div>
        <div class="layout__pair">
          <div class="layout__sessions">
            <SessionsPanel sessions={sessions} loaded={loaded} onAction={(id, action) => void act(id, action)} onCreated={created} />
          </div>
          <div class="layout__wheels">
            <WheelsPanel session={current === undefined ? null : current.session} />
          </div>
        </div>
      </div>
      <div class="layout__side">
        <div class="layout__today">
          <TodayPanel enabled={info.plugins.includes('astrology')} chartWheel={info.plugins.includes('visuals')} />
        </div>
        <div class="layout__oracle">
          <OraclePanel intention={current?.session.intention} enabled={info.plugins.includes('oracle')} />
        </div>
      </div>
    </main>
  );
}
