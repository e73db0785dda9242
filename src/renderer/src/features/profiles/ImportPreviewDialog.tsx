import { useState } from 'react';
import type { ExistingRows, ImportPreview } from '../../../../shared/import-report';
import { PROFILE_FIELDS } from '../../../../shared/profile';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';

const SHOWN = 200;
const isField = (field: string): field is (typeof PROFILE_FIELDS)[number] => (PROFILE_FIELDS as readonly string[]).includes(field);

interface ImportPreviewDialogProps {
  preview: ImportPreview;
  onImport(existing: Exclude<ExistingRows, 'refuse'>): void;
  onClose(): void;
}

/** A file that names profiles already in the list: update them or leave them, having seen what would change. */
export function ImportPreviewDialog({ preview, onImport, onClose }: ImportPreviewDialogProps) {
  const [choice, setChoice] = useState<'update' | 'skip'>('update');
  const { t } = useI18n();
  const labelOf = (field: string) => (isField(field) ? t(`profiles.field.${field}`) : field);
  const existing = preview.changes.length + preview.unchanged;
  const reconnects = preview.changes.filter((c) => c.reconnect).length;
  return (
    <Dialog title={t('profiles.import.title', { file: preview.fileName })} onClose={onClose} wide>
      <p>
        {t('profiles.import.summary', {
          rows: preview.totalRows,
          added: preview.added,
          existing,
          changed: preview.changes.length,
          same: preview.unchanged,
          problems: preview.problems.length,
        })}
      </p>
      {/* Profiles already in the list but the same in the file: updating or skipping them is all one. */}
      {preview.changes.length > 0 && (
        <fieldset className="choices">
          <legend>{t('profiles.import.existing')}</legend>
          <label>
            <input type="radio" name="existing-rows" checked={choice === 'update'} onChange={() => setChoice('update')} />
            {t('profiles.import.update')}
          </label>
          <label>
            <input type="radio" name="existing-rows" checked={choice === 'skip'} onChange={() => setChoice('skip')} />
            {t('profiles.import.skip')}
          </label>
        </fieldset>
      )}
      {preview.changes.length > 0 && (
        <>
          <h3>{t('profiles.import.changes-title')}</h3>
          {reconnects > 0 && (
            <p className="hint">{t('profiles.import.reconnects', { count: reconnects })}</p>
          )}
          <ul className="change-list" aria-label={t('profiles.import.changes')}>
            {preview.changes.slice(0, SHOWN).map((change) => (
              <li key={change.id}>
                <strong>{change.name}</strong> ({change.id}){change.reconnect && <span className="setup-flag">{t('profiles.import.must-reconnect')}</span>}
                <ul>
                  {change.fields.map((f) => (
                    <li key={f.field}>
                      {labelOf(f.field)}: <del>{f.before || t('profiles.import.empty')}</del> → <ins>{f.after || t('profiles.import.empty')}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {preview.changes.length > SHOWN && <p>{t('profiles.import.more', { count: preview.changes.length - SHOWN })}</p>}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('profiles.import.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onImport(choice)} autoFocus>
          {preview.changes.length === 0
            ? t('profiles.import.new-only', { count: preview.added })
            : choice === 'update'
              ? t('profiles.import.updating', { count: preview.changes.length })
              : t('profiles.import.skipping', { count: existing })}
        </button>
      </div>
    </Dialog>
  );
}
