import { DELETE_UNDO_SECONDS } from '../../../../shared/api';
import type { Profile } from '../../../../shared/profile';
import { Dialog } from '../../components/Dialog';

/** Says exactly what a delete touches: Bridgekeeper's copy and its keychain entry, never DataBridge itself. */
export function DeleteDialog({ profiles, onConfirm, onClose }: { profiles: Profile[]; onConfirm(): void; onClose(): void }) {
  const one = profiles.length === 1 ? profiles[0]! : null;
  // Portal profiles' tokens are the portal's: Bridgekeeper holds at most their job URL.
  const withTokens = profiles.filter((p) => p.connection === 'direct' && p.status !== 'never-connected').length;
  const withJobUrl = profiles.filter((p) => p.jobUrlMasked).length;
  return (
    <Dialog title={one ? `Delete ${one.name}?` : `Delete ${profiles.length} profiles?`} onClose={onClose}>
      <p>
        {one ? `"${one.name}" (${one.id}) is removed from Bridgekeeper's list.` : `${profiles.length} profiles are removed from Bridgekeeper's list.`}
      </p>
      <ul className="delete-effects">
        <li>
          {withTokens === 0
            ? `Bridgekeeper holds no token for ${one ? 'it' : 'them'}: nothing in this computer's keychain changes.`
            : `${one ? 'Its' : `The ${withTokens} connected profiles'`} Visma.net token${withTokens === 1 ? ' is' : 's are'} revoked at Visma and ${withTokens === 1 ? 'its entry is' : 'their entries are'} removed from this computer's keychain.`}
        </li>
        {withJobUrl > 0 && <li>{withJobUrl === 1 ? 'Its triggered-job URL is' : `${withJobUrl} triggered-job URLs are`} removed from the keychain.</li>}
        <li>DataBridge itself is untouched: the profile, its jobs and the connection DataBridge keeps stay as they are.</li>
        <li>You can undo for {DELETE_UNDO_SECONDS} seconds; nothing is revoked until then.</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {one ? 'Delete profile' : `Delete ${profiles.length} profiles`}
        </button>
      </div>
    </Dialog>
  );
}
