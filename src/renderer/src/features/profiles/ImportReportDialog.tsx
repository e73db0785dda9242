import { type ImportReport, describeProblem } from '../../../../shared/import-report';
import { Dialog } from '../../components/Dialog';

const SHOWN = 200;

interface ImportReportDialogProps {
  report: ImportReport;
  onImportValid(): void;
  onClose(): void;
}

/** Shown when an import found problems: nothing was written; every bad row is named. */
export function ImportReportDialog({ report, onImportValid, onClose }: ImportReportDialogProps) {
  const badRows = report.totalRows - report.validRows;
  return (
    <Dialog title={`Nothing was imported from ${report.fileName}`} onClose={onClose} wide>
      <p role="alert">
        {report.totalRows === 0
          ? 'The file could not be read as a profile list.'
          : `${badRows} of ${report.totalRows} row${report.totalRows === 1 ? '' : 's'} ${badRows === 1 ? 'has' : 'have'} problems. Fix the file and import it again, or import only the valid rows.`}
      </p>
      <ul className="problem-list" aria-label="Problems">
        {report.problems.slice(0, SHOWN).map((problem, i) => (
          <li key={i}>{describeProblem(report.fileName, problem)}</li>
        ))}
      </ul>
      {report.problems.length > SHOWN && <p>…and {report.problems.length - SHOWN} more.</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        {report.validRows > 0 && (
          <button type="button" className="primary" onClick={onImportValid}>
            Import the {report.validRows} valid row{report.validRows === 1 ? '' : 's'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
