import { useAppStore } from '../../state/app-store';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';
import { BulkChooser } from './BulkChooser';
import { BulkRunner } from './BulkRunner';

interface BulkDialogProps {
  /** The profiles the list shows now (search and filter applied). */
  shownIds: string[];
  /** Profiles suggested by the error explainer or a notice, if one opened this dialog. */
  suggestedIds?: string[];
  /** How the chooser names them; "The profiles the log names" by default. */
  suggestedLabel?: string;
  onClose(): void;
}

/** F8: choose profiles, then one isolated login at a time with skip, retry, pause and cancel. */
export function BulkDialog({ shownIds, suggestedIds, suggestedLabel, onClose }: BulkDialogProps) {
  const run = useAppStore((s) => s.bulkRun);
  const { t } = useI18n();
  return (
    <Dialog title={t('bulk.dialog.title')} onClose={onClose} wide>
      {run ? <BulkRunner run={run} onClose={onClose} /> : <BulkChooser shownIds={shownIds} suggestedIds={suggestedIds} suggestedLabel={suggestedLabel} onClose={onClose} />}
    </Dialog>
  );
}
