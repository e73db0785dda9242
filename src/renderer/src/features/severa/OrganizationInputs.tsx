import type { AddonState, OrgUsesSevera } from '../../../../shared/severa-check';
import type { SeveraOrganizationState } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { formatTime } from '../../components/files';
import { useSeveraStore } from './severa-store';

const ADDON: Record<AddonState, string> = { unknown: 'Unknown', active: 'Active', inactive: 'Not active' };
const USES: Record<OrgUsesSevera, string> = { unknown: 'Unknown', yes: 'Yes', no: 'No' };

/** The two organization-wide states, set by hand (the add-on may come from the Severa API). */
export function OrganizationInputs({ organization }: { organization: SeveraOrganizationState }) {
  const change = useSeveraStore((s) => s.change);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const set = (next: Partial<Pick<SeveraOrganizationState, 'addon' | 'orgUsesSevera'>>) => {
    const input = { addon: organization.addon, orgUsesSevera: organization.orgUsesSevera, ...next };
    void change('Checking again…', () => api.setSeveraOrganization(input));
  };
  const source = organization.addonSource;

  return (
    <div className="organization-inputs">
      <div className="field">
        <label htmlFor="severa-addon">Azets Work add-on in Severa</label>
        <select
          id="severa-addon"
          value={organization.addon}
          disabled={busy}
          aria-describedby="severa-addon-source"
          onChange={(e) => set({ addon: e.target.value as AddonState })}
        >
          {(Object.keys(ADDON) as AddonState[]).map((state) => (
            <option key={state} value={state}>
              {ADDON[state]}
            </option>
          ))}
        </select>
        <span id="severa-addon-source" className="hint">
          {source.kind === 'api'
            ? `Read from Severa ${formatTime(source.readAt)}. Active add-ons: ${source.activeAddons.length ? source.activeAddons.join(', ') : 'none'}.`
            : 'Set by hand, or read from the Severa API.'}
        </span>
      </div>
      <div className="field">
        <label htmlFor="severa-org-uses">Organization still uses Severa</label>
        <select
          id="severa-org-uses"
          value={organization.orgUsesSevera}
          disabled={busy}
          onChange={(e) => set({ orgUsesSevera: e.target.value as OrgUsesSevera })}
        >
          {(Object.keys(USES) as OrgUsesSevera[]).map((state) => (
            <option key={state} value={state}>
              {USES[state]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
