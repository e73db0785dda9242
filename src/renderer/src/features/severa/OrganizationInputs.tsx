import type { AddonState, OrgUsesSevera } from '../../../../shared/severa-check';
import type { SeveraOrganizationState } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { phrase } from '../../../../shared/severa-words';
import { useSeveraWords } from './reasons';
import { useSeveraStore } from './severa-store';

const ADDON: readonly AddonState[] = ['unknown', 'active', 'inactive'];
const USES: readonly OrgUsesSevera[] = ['unknown', 'yes', 'no'];

/** The two organization-wide states, set by hand (the add-on may come from the Severa API). */
export function OrganizationInputs({ organization }: { organization: SeveraOrganizationState }) {
  const change = useSeveraStore((s) => s.change);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const words = useSeveraWords();
  const { t } = words;
  const set = (next: Partial<Pick<SeveraOrganizationState, 'addon' | 'orgUsesSevera'>>) => {
    const input = { addon: organization.addon, orgUsesSevera: organization.orgUsesSevera, ...next };
    void change(phrase('severa.panel.busy.checkingAgain'), () => api.setSeveraOrganization(input));
  };
  const source = organization.addonSource;

  return (
    <div className="organization-inputs">
      <div className="field">
        <label htmlFor="severa-addon">{t('severa.panel.org.addon')}</label>
        <select
          id="severa-addon"
          value={organization.addon}
          disabled={busy}
          aria-describedby="severa-addon-source"
          onChange={(e) => set({ addon: e.target.value as AddonState })}
        >
          {ADDON.map((state) => (
            <option key={state} value={state}>
              {t('severa.panel.org.addonState', { state })}
            </option>
          ))}
        </select>
        <span id="severa-addon-source" className="hint">
          {source.kind === 'api'
            ? t('severa.panel.org.addonFromApi', {
                time: words.date(source.readAt),
                count: source.activeAddons.length,
                addons: source.activeAddons.join(', '),
              })
            : t('severa.panel.org.addonByHand')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="severa-org-uses">{t('severa.panel.org.uses')}</label>
        <select
          id="severa-org-uses"
          value={organization.orgUsesSevera}
          disabled={busy}
          onChange={(e) => set({ orgUsesSevera: e.target.value as OrgUsesSevera })}
        >
          {USES.map((state) => (
            <option key={state} value={state}>
              {t('severa.panel.org.usesState', { state })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
