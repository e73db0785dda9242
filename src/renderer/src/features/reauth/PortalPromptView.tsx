import { useState } from 'react';
import { api } from '../../api';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { PersonsWord } from './PersonsWord';

/**
 * What a reconnect asks of the person while it is under way. A portal's, while its page is on screen
 * (F18): which control to press when Bridgekeeper pressed none, or — when the portal's page did not
 * say — whether it shows the profile connected, and which of its words say so. A direct one's: another
 * Visma user logged in than the profile's API user — keep that login or discard it (issue 23).
 */
export function PortalPromptView({ profileId, target }: { profileId: string; target: string }) {
  const prompt = useAppStore((s) => s.portalPrompts.get(profileId));
  const { t } = useI18n();
  if (!prompt) return null;
  if (prompt.kind === 'other-user') return <OtherUserQuestion key={prompt.shown} profileId={profileId} shown={prompt.shown} apiUser={prompt.apiUser} />;
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

/** Who logged in is not the profile's API user: nothing is stored until the person chooses. Discard comes first (the safe answer, focused). */
function OtherUserQuestion({ profileId, shown, apiUser }: { profileId: string; shown: string; apiUser: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const answer = (choice: 'keep' | 'discard') => {
    setSent(true);
    api.answerOtherUser(profileId, choice).catch((e: unknown) => {
      setSent(false);
      setError(errorText(e));
    });
  };
  return (
    <div role="alertdialog" aria-labelledby={`other-user-${profileId}`} className="prompt-box">
      <p id={`other-user-${profileId}`}>{t('reauth.prompt.other-user.question', { shown, user: apiUser })}</p>
      <div className="dialog-actions left">
        <button type="button" className="primary" autoFocus disabled={sent} onClick={() => answer('discard')}>
          {t('reauth.prompt.other-user.discard')}
        </button>
        <button type="button" disabled={sent} onClick={() => answer('keep')}>
          {t('reauth.prompt.other-user.keep', { shown })}
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
