import type { FileText } from '../../../../shared/api';
import { useState } from 'react';
import { PORTAL_PRESETS, type Portal, type PortalDefinition } from '../../../../shared/portal';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { PortalForm } from './PortalForm';
import { TakeProfilesDialog } from './TakeProfilesDialog';

/**
 * F18: the portals that hold profiles' connections (DataBridge, Panels for SuperOffice, the
 * sandbox's), and the one sign-in to each that every reconnect in this session reuses.
 */
export function PortalsDialog({ onClose }: { onClose(): void }) {
  const portals = useAppStore((s) => s.portals);
  const [editing, setEditing] = useState<{ start: Partial<PortalDefinition>; existing: boolean } | null>(null);
  const [taking, setTaking] = useState<Portal | null>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { message, run } = useOutcomeMessage();
  const { t } = useI18n();

  const importFile = (file: FileText) => run(async () => t('portals.added', { name: (await api.importPortal(file)).name, file: file.name }));

  const signIn = async (portal: Portal) => {
    setBusy(portal.id);
    await run(async () => {
      await api.signInToPortal(portal.id, remember);
      return t(remember ? 'portals.signed-in.remembered' : 'portals.signed-in.session', { name: portal.name });
    });
    setBusy(null);
  };

  if (editing) {
    return (
      <Dialog title={editing.existing ? t('portals.edit-title', { name: editing.start.name ?? '' }) : t('portals.add-title')} onClose={onClose} wide>
        <PortalForm start={editing.start} editing={editing.existing} onDone={() => setEditing(null)} />
      </Dialog>
    );
  }

  if (taking) {
    return (
      <Dialog title={t('portal-list.title', { name: taking.name })} onClose={onClose} wide>
        <TakeProfilesDialog portal={taking} onDone={() => setTaking(null)} />
      </Dialog>
    );
  }

  return (
    <Dialog title={t('portals.title')} onClose={onClose} wide>
      <p className="hint">{t('portals.hint')}</p>
      {portals.length === 0 ? (
        <p>{t('portals.none')}</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('portals.col.name')}</th>
              <th scope="col">{t('portals.col.address')}</th>
              <th scope="col">{t('portals.col.sign-in')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('portals.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {portals.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td className="wrap-anywhere">{p.origin}</td>
                <td>{t(p.signedIn ? (p.remembered ? 'portals.state.remembered' : 'portals.state.session') : p.remembered ? 'portals.state.expired' : 'portals.state.none')}</td>
                <td className="cell-actions">
                  {p.signedIn ? (
                    <button type="button" aria-label={t('portals.sign-out-label', { name: p.name })} onClick={() => void run(async () => (await api.signOutOfPortal(p.id), t('portals.signed-out', { name: p.name })))}>
                      {t('portals.sign-out')}
                    </button>
                  ) : (
                    <button type="button" aria-label={t('portals.sign-in-label', { name: p.name })} disabled={busy !== null} onClick={() => void signIn(p)}>
                      {t(busy === p.id ? 'portals.signing-in' : 'portals.sign-in')}
                    </button>
                  )}
                  <button type="button" aria-label={t('portal-list.take-label', { name: p.name })} disabled={busy !== null} onClick={() => setTaking(p)}>
                    {t('portal-list.take')}
                  </button>
                  <button type="button" aria-label={t('portals.edit-label', { name: p.name })} onClick={() => setEditing({ start: p, existing: true })}>
                    {t('portals.edit')}
                  </button>
                  <button type="button" aria-label={t('portals.remove-label', { name: p.name })} onClick={() => void run(async () => (await api.deletePortal(p.id), t('portals.removed', { name: p.name })))}>
                    {t('portals.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="inline-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        {t('portals.remember')}
      </label>
      <Message message={message} />
      <div className="dialog-actions">
        <JsonFileButton inputLabel={t('portals.file')} onFile={(file) => void importFile(file)}>
          {t('portals.import')}
        </JsonFileButton>
        {PORTAL_PRESETS.map((preset) => (
          <button key={preset.key} type="button" onClick={() => setEditing({ start: preset.definition, existing: false })}>
            {t('portals.add-preset', { name: preset.label })}
          </button>
        ))}
        <button type="button" className="primary" onClick={onClose}>
          {t('portals.close')}
        </button>
      </div>
    </Dialog>
  );
}
