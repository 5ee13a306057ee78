import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { Credentials } from '../api/credentials';
import type { SocketClient } from '../api/socket-client';
import type { ServerInfo } from '../api/types';

/** What every panel talks through: the REST client, the WebSocket and the credential. */
export interface Dashboard {
  api: ApiClient;
  socket: SocketClient;
  credentials: Credentials;
  info: ServerInfo;
  /** Show a short message in the page's status line (errors, confirmations). */
  notify(message: string, tone?: 'info' | 'error'): void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

/**
 * The dashboard's services, inside `<DashboardContext.Provider>`.
 *
 * @example
 * ```ts
 * const { api } = useDashboard();
 * ```
 */
export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (dashboard === null) throw new Error('useDashboard() outside <DashboardContext.Provider>');
  return dashboard;
}
