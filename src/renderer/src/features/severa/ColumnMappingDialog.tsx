import { type FormEvent, useId, useState } from 'react';
import { type ColumnMapping, USER_FIELDS, type UserField, type UserFileInfo } from '../../../../shared/severa-check';
import type { SeveraSide } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useSeveraStore } from './severa-store';

const LABELS: Record<UserField, string> = {
  email: 'Email address',
  active: 'Active in Severa',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  id: 'Id (guid or user code)',
};

const NONE = '';

interface ColumnMappingDialogProps {
  side: SeveraSide;
  system: string;
  file: UserFileInfo;
  onClose(): void;
}

/** Which column holds which field, when the header names were not recognised or were wrong. */
export function ColumnMappingDialog({ side, system, file, onClose }: ColumnMappingDialogProps) {
  const change = useSeveraStore((s) => s.change);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const fields = USER_FIELDS.filter((field) => field !== 'active' || side === 'severa');
  const [chosen, setChosen] = useState<Record<UserField, string>>(() => {
    const initial = {} as Record<UserField, string>;
    for (const field of USER_FIELDS) initial[field] = file.columns[field] ?? NONE;
    return initial;
  });
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.email === NONE) {
      setError('Choose the column that holds the email addresses.');
      return;
    }
    const mapping: ColumnMapping = {};
    for (const field of fields) mapping[field] = chosen[field] === NONE ? null : chosen[field];
    const ok = await change(`Reading ${file.fileName} again…`, () => api.setSeveraColumns(side, mapping), (state) => {
      const list = state[side];
      return list.status === 'loaded' ? `Read ${file.fileName} again with the columns you chose.` : null;
    });
    if (ok) onClose();
  };

  return (
    <Dialog title={`Columns of ${file.fileName}`} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">
          Which column of the {system} file holds what. Only the email address is needed
          {side === 'severa' ? ', and whether the user is active (without it, activity is unknown)' : ''}.
        </p>
        {fields.map((field) => {
          const id = `column-${side}-${field}`;
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{LABELS[field]}</label>
              <select
                id={id}
                value={chosen[field]}
                aria-invalid={field === 'email' && error !== null}
                aria-describedby={field === 'email' && error ? errorId : undefined}
                onChange={(event) => setChosen({ ...chosen, [field]: event.target.value })}
              >
                {field === 'email' ? (
                  <option value={NONE} disabled>
                    Choose a column…
                  </option>
                ) : (
                  <option value={NONE}>{field === 'active' ? 'None: activity unknown' : 'None'}</option>
                )}
                {file.headers.map((header, i) => (
                  <option key={`${i}-${header}`} value={header} disabled={header === ''}>
                    {header === '' ? `(column ${i + 1} has no name)` : header}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {error && (
          <p id={errorId} role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Read the file again
          </button>
        </div>
      </form>
    </Dialog>
  );
}
