import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { portalHosts } from './portal-hosts';
import type { PortalStyleInForce } from './portal-style';

/** One server on 127.0.0.1 and the origin the browser knows it by. */
export interface Listener {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export async function listenAs(hostName: string, port = 0): Promise<Listener> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://${hostName}:${(server.address() as AddressInfo).port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The portal's servers: its own, and as its style needs them the other-origin callback and the SuperOffice look-alike. */
export interface PortalListener extends Listener {
  callback?: Listener;
  superOffice?: Listener;
}

export interface PortalPorts {
  portal?: number;
  callback?: number;
  superOffice?: number;
}

/** Listens first, because Visma Connect must know the portal's redirect URI (and so its address) before it starts. */
export async function listenPortal(style: PortalStyleInForce, ports: PortalPorts = {}): Promise<PortalListener> {
  const hosts = portalHosts(style.cookie);
  const opened: Listener[] = [];
  const open = async (host: string, port: number | undefined) => {
    const listener = await listenAs(host, port ?? 0);
    opened.push(listener);
    return listener;
  };
  const closeAll = async () => void (await Promise.all(opened.map((l) => l.close())));
  try {
    const portal = await open(hosts.portal, ports.portal);
    const callback = style.callback === 'other-origin' ? await open(hosts.callback, ports.callback) : undefined;
    const superOffice = style.signIn === 'federated' ? await open(hosts.superOffice, ports.superOffice) : undefined;
    return { ...portal, ...(callback ? { callback } : {}), ...(superOffice ? { superOffice } : {}), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
