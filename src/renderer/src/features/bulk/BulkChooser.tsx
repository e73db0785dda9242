import { useMemo, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { compareText } from '../../../../shared/profile-order';
import { api, messageOf } from '../../api';
import { useAppStore } from '../../state/app-store';

type Choice = 'suggested' | 'needs-reauth' | 'error' | 'shown' | 'all';

const PREVIEW = 30;

const byCompany = (a: Profile, b: Profile) =>
  compareText(a.companyName || a.companyId, b.companyName || b.companyId) || compareText(a.name, b.name);

/** Which profiles to reconnect: by default every one that needs it; nothing connected unless chosen. */
export function BulkChooser({
  shownIds,
  suggestedIds,
  suggestedLabel = 'The profiles the log names',
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

  const chosen = useMemo(() => [...sets[choice]].sort(byCompany), [sets, choice]);
  const connected = chosen.filter((p) => p.status === 'connected' || p.status === 'expiring').length;
  const companies = new Set(chosen.map((p) => p.companyId)).size;

  const options: { value: Choice; label: string }[] = [
    ...(suggestedIds ? [{ value: 'suggested' as const, label: `${suggestedLabel} (${sets.suggested.length})` }] : []),
    { value: 'needs-reauth', label: `Every profile that needs reauthentication (${sets['needs-reauth'].length})` },
    { value: 'error', label: `Every profile with an error (${sets.error.length})` },
    { value: 'shown', label: `The profiles the list shows now (${sets.shown.length})` },
    { value: 'all', label: `All profiles (${sets.all.length})` },
  ];

  const start = async () => {
    try {
      await api.startBulkRun(chosen.map((p) => p.id));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <>
      <fieldset className="choices">
        <legend>Which profiles?</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name="bulk-choice" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <p>
        {chosen.length === 0
          ? 'No profile is chosen.'
          : `${chosen.length} profile${chosen.length === 1 ? '' : 's'} over ${companies} compan${companies === 1 ? 'y' : 'ies'}, one login each, company by company.`}
        {connected > 0 && <strong> {connected} of them are connected now and will be reconnected too.</strong>}
      </p>
      {chosen.length > 0 && (
        <ol className="preview-list" aria-label="Chosen profiles, in order">
          {chosen.slice(0, PREVIEW).map((p) => (
            <li key={p.id}>
              {p.name} — {p.companyName || p.companyId} — {p.apiUser}
            </li>
          ))}
          {chosen.length > PREVIEW && <li className="hint">…and {chosen.length - PREVIEW} more</li>}
        </ol>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => void start()} autoFocus>
          Start bulk reconnect ({chosen.length})
        </button>
      </div>
    </>
  );
}
