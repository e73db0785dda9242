import type { ApiEvent, FileText } from '../../shared/api';
import { type Portal, type PortalDefinition, PortalDefinitionSchema } from '../../shared/portal';
import { invalid, userError } from '../errors';
import type { SettingsStore } from '../settings/settings-store';
import type { SecretStore } from './portal-secrets';
import type { PortalCookie, PortalSite, PortalSurface } from './portal-surface';
import { signInToPortal } from './portal-sign-in';
import type { Translator } from '../../shared/i18n/translator';
import { message } from '../../shared/i18n/message';

export interface PortalServiceDeps {
  settings: SettingsStore;
  surface: PortalSurface;
  /** The keychain (chunked); memory where none works. */
  secrets: SecretStore;
  emit(event: ApiEvent): void;
  /** How long the person has to sign in. */
  signInTimeoutMs: number;
  /** Main's words in the person's language, for the sign-in window's title. */
  words: () => Pick<Translator, 'text'>;
}

const signInAccount = (portalId: string) => `sign-in:${portalId}`;

export const siteOf = (p: PortalDefinition): PortalSite => ({
  origin: p.origin.replace(/\/$/, ''),
  signInUrl: p.signInUrl,
  identityOrigins: p.identityOrigins,
  signInOrigins: p.signInOrigins,
  connectButtonLabel: p.connectButtonLabel,
  connectSection: p.connectSection,
  connectedMarker: p.connectedMarker,
});

function check(definition: unknown, where: string): PortalDefinition {
  const parsed = PortalDefinitionSchema.safeParse(definition);
  if (parsed.success) return { ...parsed.data, origin: parsed.data.origin.replace(/\/$/, '') };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  throw invalid(`${where}${field ? `, ${field}` : ''}: ${issue.message}`);
}

/**
 * Portals (F18) and their sign-ins. A sign-in is the portal origin's cookies: held in memory for
 * this run of the app, and — when the person ticks "remember me" — in the OS keychain, one entry
 * per portal, never in the settings file. Signing out forgets both.
 */
export function createPortalService(deps: PortalServiceDeps) {
  const held = new Map<string, PortalCookie[]>();
  const remembered = new Set<string>();
  let keychainRead = false;

  const definitions = () => deps.settings.current.portals;
  const definition = (id: string) => definitions().find((p) => p.id === id);
  const required = (id: string) => {
    const portal = definition(id);
    if (!portal) throw userError('not-found', 'portals.error.not-found', { id });
    return portal;
  };

  /** At first use: the sign-ins remembered in the keychain. */
  const readKeychain = async () => {
    if (keychainRead) return;
    keychainRead = true;
    for (const portal of definitions()) {
      const text = await deps.secrets.get(signInAccount(portal.id)).catch(() => null);
      if (!text) continue;
      try {
        held.set(portal.id, JSON.parse(text) as PortalCookie[]);
        remembered.add(portal.id);
      } catch {
        // an unreadable entry counts as no sign-in
      }
    }
  };

  const view = (p: PortalDefinition): Portal => ({ ...p, signedIn: held.has(p.id), remembered: remembered.has(p.id) });
  const list = async (): Promise<Portal[]> => {
    await readKeychain();
    return definitions().map(view);
  };
  const changed = async () => deps.emit({ type: 'portals-changed', portals: await list() });

  const keep = async (portalId: string, cookies: PortalCookie[], remember: boolean) => {
    held.set(portalId, cookies);
    if (remember) {
      await deps.secrets.set(signInAccount(portalId), JSON.stringify(cookies));
      remembered.add(portalId);
    } else if (remembered.has(portalId)) {
      await deps.secrets.delete(signInAccount(portalId));
      remembered.delete(portalId);
    }
  };

  const forget = async (portalId: string) => {
    held.delete(portalId);
    if (remembered.delete(portalId)) await deps.secrets.delete(signInAccount(portalId)).catch(() => undefined);
  };

  const save = async (portal: PortalDefinition) => {
    const existing = definition(portal.id);
    if (existing && existing.origin !== portal.origin) {
      const users = deps.settings.current.profiles.filter((p) => p.portalId === portal.id);
      if (users.length > 0) throw userError('conflict', 'portals.error.address-in-use', { name: existing.name, count: users.length });
    }
    deps.settings.update((s) => ({
      ...s,
      portals: existing ? s.portals.map((p) => (p.id === portal.id ? portal : p)) : [...s.portals, portal],
    }));
    await changed();
    return view(portal);
  };

  /**
   * Opens the portal's sign-in window at `startUrl` (a profile's page, or the portal's sign-in page);
   * resolves with the sign-in, or null when the window was closed.
   */
  const signIn = async (portalId: string, remember: boolean, cancel?: AbortSignal, startUrl?: string): Promise<PortalCookie[] | null> => {
    await readKeychain();
    const portal = required(portalId);
    const site = siteOf(portal);
    const signal = AbortSignal.any([AbortSignal.timeout(deps.signInTimeoutMs), ...(cancel ? [cancel] : [])]);
    const title = deps.words().text(message('portals.sign-in.window-title', { name: portal.name }));
    const result = await signInToPortal(deps.surface, { site, title, cookies: held.get(portalId) ?? [], startUrl: startUrl ?? site.signInUrl, signal });
    if (result.kind === 'closed') return null;
    const cookies = result.cookies;
    await keep(portalId, cookies, remember || remembered.has(portalId));
    await changed();
    return cookies;
  };

  return {
    listPortals: list,
    get: definition,
    site: (id: string) => siteOf(required(id)),

    async savePortal(input: PortalDefinition) {
      return save(check(input, 'portal'));
    },

    async importPortal(file: FileText) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(file.text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw userError('invalid-argument', 'portals.error.not-json', { file: file.name, detail: (error as Error).message });
      }
      return save(check(parsed, file.name));
    },

    async deletePortal(id: string) {
      const portal = required(id);
      const users = deps.settings.current.profiles.filter((p) => p.portalId === id);
      if (users.length > 0) {
        const names = users.slice(0, 3).map((p) => `"${p.name}"`).join(', ');
        throw userError('conflict', 'portals.error.in-use', { name: portal.name, count: users.length, names, more: users.length > 3 ? 'yes' : 'no' });
      }
      await forget(id);
      deps.settings.update((s) => ({ ...s, portals: s.portals.filter((p) => p.id !== id) }));
      await changed();
    },

    /** The person signs in once; with `remember`, the sign-in is kept in the keychain for the next start. */
    async signInToPortal(portalId: string, remember: boolean): Promise<Portal> {
      const cookies = await signIn(portalId, remember);
      if (!cookies) throw userError('cancelled', 'portals.error.sign-in-closed', { name: required(portalId).name });
      return view(required(portalId));
    },

    async signOutOfPortal(portalId: string): Promise<Portal> {
      required(portalId);
      await forget(portalId);
      await changed();
      return view(required(portalId));
    },

    /** The sign-in held now, if any. */
    async cookies(portalId: string): Promise<PortalCookie[] | null> {
      await readKeychain();
      return held.get(portalId) ?? null;
    },

    /** For a reconnect: asks the person to sign in (again), starting at the profile's page. */
    signIn: (portalId: string, cancel: AbortSignal, startUrl: string) => signIn(portalId, false, cancel, startUrl),

    /** The portal's cookies at the end of an attempt (renewed, or new ones) replace the held sign-in (and the remembered one). */
    async renew(portalId: string, cookies: PortalCookie[]) {
      if (cookies.length > 0) await keep(portalId, cookies, remembered.has(portalId));
    },

    /**
     * The portal sent an attempt to its sign-in page: the held sign-in is no good any more. A
     * remembered one stays remembered: the next sign-in replaces it in the keychain.
     */
    async expired(portalId: string) {
      held.delete(portalId);
      await changed();
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
