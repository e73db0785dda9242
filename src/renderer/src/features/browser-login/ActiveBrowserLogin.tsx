import type { ReauthStep } from '../../../../shared/reauth';
import { useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { BrowserWordPrompt } from './BrowserWordPrompt';
import { browserName } from './login-with-words';
import { useBrowsers } from './use-browsers';

/**
 * In a bulk run, what a login in a browser needs from the person beyond the login itself (B4): to
 * close the previous private window, or to say how a portal's connection went.
 */
export function ActiveBrowserLogin({ profileId, step }: { profileId: string; step: ReauthStep }) {
  const { t } = useI18n();
  const browsers = useBrowsers();
  const profile = useAppStore((s) => s.profiles.get(profileId));
  const portal = useAppStore((s) => (profile?.connection === 'portal' ? s.portals.find((p) => p.id === profile.portalId) : undefined));
  if (step === 'close-previous') return <p role="status">{t('browser.closePrevious')}</p>;
  if (step !== 'portal-browser' || !portal) return null;
  const browser = portal.loginWith?.kind === 'browser' ? browserName(portal.loginWith, browsers) : '';
  return <BrowserWordPrompt profileId={profileId} browser={browser} target={portal.name} />;
}
