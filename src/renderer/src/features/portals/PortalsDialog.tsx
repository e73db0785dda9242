import type { FileText } from '../../../../shared/api';
import { useState } from 'react';
import { PORTAL_PRESETS, type Portal, type PortalDefinition } from '../../../../shared/portal';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useAppStore } from '../../state/app-store';
import { PortalForm } from './PortalForm';

/**
 * F18: the portals that hold profiles' connections (DataBridge, Panels for SuperOffice, the
 * sandbox's), and the one sign-in to each that every reconnect in this session reuses.
 */
export function PortalsDialog({ onClose }: { onClose(): void }) {
  const portals = useAppStore((s) => s.portals);
  const [editing, setEditing] = useState<{ start: Partial<PortalDefinition>; existing: boolean } | null>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { message, run } = useOutcomeMessage();

  const importFile = (file: FileText) => run(async () => `Added portal "${(await api.importPortal(file)).name}" from ${file.name}.`);

  const signIn = async (portal: Portal) => {
    setBusy(portal.id);
    await run(async () => {
      await api.signInToPortal(portal.id, remember);
      return `Signed in to ${portal.name}${remember ? '; the sign-in is kept in the system keychain' : ' for this session'}.`;
    });
    setBusy(null);
  };

  if (editing) {
    return (
      <Dialog title={editing.existing ? `Edit ${editing.start.name}` : 'Add a portal'} onClose={onClose} wide>
        <PortalForm start={editing.start} editing={editing.existing} onDone={() => setEditing(null)} />
      </Dialog>
    );
  }

  return (
    <Dialog title="Portals" onClose={onClose} wide>
      <p className="hint">
        DataBridge keeps each profile's Visma.net connection on its own servers, so a reconnect must happen inside DataBridge's own page.
        Sign in once; each reconnect then opens the profile's page in a fresh window that carries your portal sign-in and no earlier Visma login.
      </p>
      {portals.length === 0 ? (
        <p>No portal yet. Add DataBridge, or import the portal file your admin or the sandbox gave you.</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {portals.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td className="wrap-anywhere">{p.origin}</td>
                <td>{p.signedIn ? (p.remembered ? 'Signed in (remembered)' : 'Signed in for this session') : p.remembered ? 'Remembered, expired' : 'Not signed in'}</td>
                <td className="cell-actions">
                  {p.signedIn ? (
                    <button type="button" aria-label={`Sign out of ${p.name}`} onClick={() => void run(async () => (await api.signOutOfPortal(p.id), `Signed out of ${p.name}; Bridgekeeper keeps no sign-in of it.`))}>
                      Sign out
                    </button>
                  ) : (
                    <button type="button" aria-label={`Sign in to ${p.name}`} disabled={busy !== null} onClick={() => void signIn(p)}>
                      {busy === p.id ? 'Signing in…' : 'Sign in…'}
                    </button>
                  )}
                  <button type="button" aria-label={`Edit ${p.name}`} onClick={() => setEditing({ start: p, existing: true })}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Remove ${p.name}`} onClick={() => void run(async () => (await api.deletePortal(p.id), `Removed "${p.name}".`))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="inline-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember my sign-in (kept in the system keychain, never in Bridgekeeper's files)
      </label>
      <Message message={message} />
      <div className="dialog-actions">
        <JsonFileButton inputLabel="Portal file" onFile={(file) => void importFile(file)}>
          Import from file…
        </JsonFileButton>
        {PORTAL_PRESETS.map((preset) => (
          <button key={preset.key} type="button" onClick={() => setEditing({ start: preset.definition, existing: false })}>
            Add {preset.label}
          </button>
        ))}
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
