import { type ImportReport, problemText } from '../../../../shared/import-report';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';

const SHOWN = 200;

interface ImportReportDialogProps {
  report: ImportReport;
  onImportValid(): void;
  onClose(): void;
}

/** Shown when an import found problems: nothing was written; every bad row is named. */
export function ImportReportDialog({ report, onImportValid, onClose }: ImportReportDialogProps) {
  const badRows = report.totalRows - report.validRows;
  const translator = useI18n();
  const { t } = translator;
  // The field as the file's column names it: that is what the person finds in the file.
  const fieldLabel = (field: string) => field;
  return (
    <Dialog title={t('profiles.import.nothing-title', { file: report.fileName })} onClose={onClose} wide>
      <p role="alert">
        {report.totalRows === 0 ? t('profiles.import.unreadable') : t('profiles.import.bad-rows', { bad: badRows, rows: report.totalRows })}
      </p>
      <ul className="problem-list" aria-label={t('profiles.import.problems')}>
        {report.problems.slice(0, SHOWN).map((problem, i) => (
          <li key={i}>{problemText(translator, report.fileName, problem, fieldLabel)}</li>
        ))}
      </ul>
      {report.problems.length > SHOWN && <p>{t('profiles.import.more', { count: report.problems.length - SHOWN })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('profiles.import.cancel')}
        </button>
        {report.validRows > 0 && (
          <button type="button" className="primary" onClick={onImportValid}>
            {t('profiles.import.valid', { count: report.validRows })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
