import { useI18n } from '../../i18n/I18nProvider';
import { PersonsWord } from '../reauth/PersonsWord';

/**
 * B4, a portal profile in a browser: Bridgekeeper cannot watch that browser, so the person says
 * how it went — connected, failed (with what the portal or Visma said), or that they cannot tell.
 */
export function BrowserWordPrompt({ profileId, browser, target }: { profileId: string; browser: string; target: string }) {
  const { t } = useI18n();
  const labels = {
    question: t('browser.portal.word', { browser }),
    yes: t('browser.portal.done'),
    no: t('browser.portal.failed'),
    unsure: t('browser.portal.unsure'),
    what: t('browser.portal.failedDetail', { target }),
    send: t('browser.portal.sendFailed'),
  };
  return <PersonsWord profileId={profileId} labels={labels} />;
}
