/**
 * Entry of the dashboard: read what the server offers, then render. Same-origin only: the page, the
 * REST API and the WebSocket come from the server that served it (or Vite's proxy in development).
 */
import { render } from 'preact';
import { createApiClient } from './api/api-client';
import { createCredentials } from './api/credentials';
import { createSocketClient } from './api/socket-client';
import type { ServerInfo } from './api/types';
import { App } from './app';
import { applyTheme, storedTheme } from './components/theme-toggle';
import './styles/index.css';

applyTheme(storedTheme());
const root = document.getElementById('app')!;
const credentials = createCredentials(sessionStorageOrUndefined());
const api = createApiClient({ credentials });
const socket = createSocketClient({ credentials, url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws` });

try {
  const info = await api.get<ServerInfo>('/');
  root.removeAttribute('aria-busy');
  render(<App api={api} socket={socket} credentials={credentials} info={info} />, root);
} catch (error) {
  root.removeAttribute('aria-busy');
  root.textContent = `The Vajra.Stream server could not be reached (${(error as Error).message}). Is it running?`;
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
