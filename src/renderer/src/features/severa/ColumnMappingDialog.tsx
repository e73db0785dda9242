import { type FormEvent, useId, useState } from 'react';
import { type ColumnMapping, USER_FIELDS, type UserField, type UserFileInfo } from '../../../../shared/severa-check';
import type { SeveraSide } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { phrase } from '../../../../shared/severa-words';
import { useSeveraWords } from './reasons';
import { useSeveraStore } from './severa-store';

const NONE = '';

interface ColumnMappingDialogProps {
  side: SeveraSide;
  file: UserFileInfo;
  onClose(): void;
}

/** Which column holds which field, when the header names were not recognised or were wrong. */
export function ColumnMappingDialog({ side, file, onClose }: ColumnMappingDialogProps) {
  const { t } = useSeveraWords();
  const change = useSeveraStore((s) => s.change);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const fields = USER_FIELDS.filter((field) => field !== 'active' || side === 'severa');
  const [chosen, setChosen] = useState<Record<UserField, string>>(() => {
    const initial = {} as Record<UserField, string>;
    for (const field of USER_FIELDS) initial[field] = file.columns[field] ?? NONE;
    return initial;
  });
  const [error, setError] = useState<boolean>(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.email === NONE) {
      setError(true);
      return;
    }
    const mapping: ColumnMapping = {};
    for (const field of fields) mapping[field] = chosen[field] === NONE ? null : chosen[field];
    const ok = await change(phrase('severa.panel.busy.readingAgain', { file: file.fileName }), () => api.setSeveraColumns(side, mapping), (state) => {
      const list = state[side];
      return list.status === 'loaded' ? phrase('severa.panel.columns.readAgain', { file: file.fileName }) : null;
    });
    if (ok) onClose();
  };

  return (
    <Dialog title={t('severa.panel.columns.title', { file: file.fileName })} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">{t('severa.panel.columns.hint', { side })}</p>
        {fields.map((field) => {
          const id = `column-${side}-${field}`;
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{t('severa.panel.columns.field', { field })}</label>
              <select
                id={id}
                value={chosen[field]}
                aria-invalid={field === 'email' && error}
                aria-describedby={field === 'email' && error ? errorId : undefined}
                onChange={(event) => setChosen({ ...chosen, [field]: event.target.value })}
              >
                {field === 'email' ? (
                  <option value={NONE} disabled>
                    {t('severa.panel.columns.choose')}
                  </option>
                ) : (
                  <option value={NONE}>{t(field === 'active' ? 'severa.panel.columns.noneActivity' : 'severa.panel.columns.none')}</option>
                )}
                {file.headers.map((header, i) => (
                  <option key={`${i}-${header}`} value={header} disabled={header === ''}>
                    {header === '' ? t('severa.panel.columns.unnamed', { column: i + 1 }) : header}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {error && (
          <p id={errorId} role="alert" className="form-error">
            {t('severa.panel.columns.chooseEmail')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('severa.panel.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('severa.panel.columns.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
