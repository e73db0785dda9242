import { useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { PersonsWord } from './PersonsWord';

/**
 * What a portal reconnect asks of the person while the portal's page is on screen (F18): which
 * control to press when Bridgekeeper pressed none, or — when the portal's page did not say —
 * whether it shows the profile connected, and which of its words say so.
 */
export function PortalPromptView({ profileId, target }: { profileId: string; target: string }) {
  const prompt = useAppStore((s) => s.portalPrompts.get(profileId));
  const { t } = useI18n();
  if (!prompt) return null;
  if (prompt.kind === 'press') {
    const label = prompt.label || t('reauth.prompt.label-fallback');
    const key = prompt.found === 'several' ? 'reauth.prompt.press.several' : prompt.found === 'came-back' ? 'reauth.prompt.press.came-back' : prompt.sectionFound ? 'reauth.prompt.press.none' : 'reauth.prompt.press.no-section';
    return (
      <p role="status" className="prompt-box">
        {t(key, { label, section: prompt.section, target, names: prompt.names.join(', ') })}
      </p>
    );
  }
  const labels = {
    question: t('reauth.prompt.confirm.question', { target }),
    yes: t('reauth.prompt.confirm.yes'),
    no: t('reauth.prompt.confirm.no'),
    unsure: t('reauth.prompt.confirm.unsure'),
    what: t('reauth.prompt.confirm.what', { target }),
    send: t('reauth.prompt.confirm.send'),
  };
  return <PersonsWord key={prompt.lines.join('\n')} profileId={profileId} labels={labels} lines={prompt.lines} />;
}
