import { useState } from 'react';
import type { ExistingRows, ImportPreview } from '../../../../shared/import-report';
import { PROFILE_FIELD_LABELS, type PROFILE_FIELDS } from '../../../../shared/profile';
import { Dialog } from '../../components/Dialog';

const SHOWN = 200;
const labelOf = (field: string) => PROFILE_FIELD_LABELS[field as (typeof PROFILE_FIELDS)[number]] ?? field;

interface ImportPreviewDialogProps {
  preview: ImportPreview;
  onImport(existing: Exclude<ExistingRows, 'refuse'>): void;
  onClose(): void;
}

/** A file that names profiles already in the list: update them or leave them, having seen what would change. */
export function ImportPreviewDialog({ preview, onImport, onClose }: ImportPreviewDialogProps) {
  const [choice, setChoice] = useState<'update' | 'skip'>('update');
  const existing = preview.changes.length + preview.unchanged;
  const reconnects = preview.changes.filter((c) => c.reconnect).length;
  return (
    <Dialog title={`Import ${preview.fileName}`} onClose={onClose} wide>
      <p>
        {preview.totalRows} row{preview.totalRows === 1 ? '' : 's'}: {preview.added} new profile{preview.added === 1 ? '' : 's'}, {existing} already in
        the list ({preview.changes.length} with changes, {preview.unchanged} the same)
        {preview.problems.length > 0 ? `, ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'} (shown next)` : ''}.
      </p>
      <fieldset className="choices">
        <legend>Profiles already in the list</legend>
        <label>
          <input type="radio" name="existing-rows" checked={choice === 'update'} onChange={() => setChoice('update')} />
          Update the existing ones from the file
        </label>
        <label>
          <input type="radio" name="existing-rows" checked={choice === 'skip'} onChange={() => setChoice('skip')} />
          Skip them: keep them as they are
        </label>
      </fieldset>
      {preview.changes.length > 0 && (
        <>
          <h3>What updating changes</h3>
          {reconnects > 0 && (
            <p className="hint">
              {reconnects} profile{reconnects === 1 ? '' : 's'} would point at another company, API user or connection: {reconnects === 1 ? 'its' : 'their'} tokens
              are forgotten and {reconnects === 1 ? 'it needs' : 'they need'} reconnecting.
            </p>
          )}
          <ul className="change-list" aria-label="Changes">
            {preview.changes.slice(0, SHOWN).map((change) => (
              <li key={change.id}>
                <strong>{change.name}</strong> ({change.id}){change.reconnect && <span className="setup-flag"> must be reconnected</span>}
                <ul>
                  {change.fields.map((f) => (
                    <li key={f.field}>
                      {labelOf(f.field)}: <del>{f.before || '(empty)'}</del> → <ins>{f.after || '(empty)'}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {preview.changes.length > SHOWN && <p>…and {preview.changes.length - SHOWN} more.</p>}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => onImport(choice)} autoFocus>
          {choice === 'update' ? `Import, updating ${preview.changes.length}` : `Import, skipping ${existing}`}
        </button>
      </div>
    </Dialog>
  );
}
