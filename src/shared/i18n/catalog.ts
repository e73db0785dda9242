import type { Language } from './languages';
import { app } from './messages/app';
import { browser } from './messages/browser';
import { cli } from './messages/cli';
import { common } from './messages/common';
import { components } from './messages/components';
import { desktop } from './messages/desktop';
import { emailAddress } from './messages/email-address';
import { menu } from './messages/menu';
import { platform } from './messages/platform';
import { severa } from './messages/severa';
import { severaPanel } from './messages/severa-panel';
import { audit } from './messages/audit';
import { bulk } from './messages/bulk';
import { environments } from './messages/environments';
import { explainer } from './messages/explainer';
import { health } from './messages/health';
import { notices } from './messages/notices';
import { portals } from './messages/portals';
import { portalList } from './messages/portal-list';
import { profiles } from './messages/profiles';
import { reauth } from './messages/reauth';
import { updates } from './messages/updates';

/**
 * Every area's messages. An area is one file in messages/, its keys prefixed with the area's name;
 * adding an area is one line here.
 */
const AREAS = [
  common,
  browser,
  severa,
  severaPanel,
  emailAddress,
  cli,
  reauth,
  explainer,
  health,
  bulk,
  notices,
  profiles,
  audit,
  environments,
  portals,
  portalList,
  app,
  components,
  desktop,
  menu,
  platform,
  updates,
] as const;

type AreaKeys<A> = A extends Record<'en', infer E> ? keyof E : never;
export type MessageKey = Extract<AreaKeys<(typeof AREAS)[number]>, string>;

/** The whole catalog of one language, key → ICU message. */
export function catalogOf(language: Language): Record<MessageKey, string> {
  return Object.assign({}, ...AREAS.map((area) => area[language])) as Record<MessageKey, string>;
}
