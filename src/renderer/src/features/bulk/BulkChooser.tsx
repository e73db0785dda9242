import { useMemo, useState } from 'react';
import { needsDetails } from '../../../../shared/missing-details';
import type { Profile } from '../../../../shared/profile';
import { api } from '../../api';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';

type Choice = 'suggested' | 'needs-reauth' | 'error' | 'shown' | 'all';

const PREVIEW = 30;


/** Which profiles to reconnect: by default every one that needs it; nothing connected unless chosen. */
export function BulkChooser({
  shownIds,
  suggestedIds,
  suggestedLabel,
  onClose,
}: {
  shownIds: string[];
  suggestedIds?: string[] | undefined;
  suggestedLabel?: string | undefined;
  onClose(): void;
}) {
  const profiles = useAppStore((s) => s.profiles);
  const [choice, setChoice] = useState<Choice>(suggestedIds ? 'suggested' : 'needs-reauth');
  const [error, setError] = useState<string | null>(null);
  const { t, compare } = useI18n();
  const errorText = useErrorText();

  const sets = useMemo(() => {
    const all = [...profiles.values()];
    const pick = (ids: string[]) => ids.map((id) => profiles.get(id)).filter((p): p is Profile => p !== undefined);
    return {
      suggested: pick(suggestedIds ?? []),
      'needs-reauth': all.filter((p) => p.status === 'needs-reauth'),
      error: all.filter((p) => p.status === 'error'),
      shown: pick(shownIds),
      all,
    } satisfies Record<Choice, Profile[]>;
  }, [profiles, shownIds, suggestedIds]);

  // Company by company, as the reader's alphabet sorts them; profiles without a company or API user
  // (taken from a portal's list, not filled in yet) cannot be checked, so they are told apart and left out.
  const { chosen, incomplete } = useMemo(() => {
    const picked = [...sets[choice]].sort((a, b) => compare(a.companyName || a.companyId, b.companyName || b.companyId) || compare(a.name, b.name));
    return { chosen: picked.filter((p) => !needsDetails(p)), incomplete: picked.filter(needsDetails) };
  }, [sets, choice, compare]);
  const connected = chosen.filter((p) => p.status === 'connected' || p.status === 'expiring').length;
  const companies = new Set(chosen.map((p) => p.companyId)).size;

  const options: { value: Choice; label: string }[] = [
    ...(suggestedIds ? [{ value: 'suggested' as const, label: t('bulk.chooser.option', { label: suggestedLabel ?? t('bulk.chooser.log-names'), count: sets.suggested.length }) }] : []),
    { value: 'needs-reauth', label: t('bulk.chooser.needs-reauth', { count: sets['needs-reauth'].length }) },
    { value: 'error', label: t('bulk.chooser.error', { count: sets.error.length }) },
    { value: 'shown', label: t('bulk.chooser.shown', { count: sets.shown.length }) },
    { value: 'all', label: t('bulk.chooser.all', { count: sets.all.length }) },
  ];

  const start = async () => {
    try {
      await api.startBulkRun(chosen.map((p) => p.id));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <fieldset className="choices">
        <legend>{t('bulk.chooser.which')}</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name="bulk-choice" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <p>
        {chosen.length === 0 ? t('bulk.chooser.none') : t('bulk.chooser.plan', { count: chosen.length, companies })}
        {connected > 0 && <strong> {t('bulk.chooser.connected-too', { count: connected })}</strong>}
      </p>
      {incomplete.length > 0 && (
        <p className="hint">
          {t('bulk.chooser.needs-details', { count: incomplete.length, names: incomplete.slice(0, 3).map((p) => `"${p.name}"`).join(', '), more: incomplete.length > 3 ? 'yes' : 'no' })}
        </p>
      )}
      {chosen.length > 0 && (
        <ol className="preview-list" aria-label={t('bulk.chooser.order')}>
          {chosen.slice(0, PREVIEW).map((p) => (
            <li key={p.id}>
              {p.name} — {p.companyName || p.companyId} — {p.apiUser}
            </li>
          ))}
          {chosen.length > PREVIEW && <li className="hint">{t('bulk.chooser.more', { count: chosen.length - PREVIEW })}</li>}
        </ol>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('bulk.chooser.cancel')}
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => void start()} autoFocus>
          {t('bulk.chooser.start', { count: chosen.length })}
        </button>
      </div>
    </>
  );
}
