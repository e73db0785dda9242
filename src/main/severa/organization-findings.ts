import type { AddonState, OrganizationFinding, OrgUsesSevera } from '../../shared/severa-check';

/**
 * The two organization-wide states, reported once at the top. Known bad states become a reason
 * every Azets Work user carries; unknown ones say what nobody has checked yet.
 */
export function organizationFindings(addon: AddonState, orgUsesSevera: OrgUsesSevera): OrganizationFinding[] {
  const addonFinding: OrganizationFinding =
    addon === 'inactive'
      ? {
          topic: 'addon',
          state: addon,
          reason: 'ADDON_NOT_ACTIVE',
          detail: "The organization's free Azets Work add-on is not active in Severa: nobody can open Severa from the Azets Work portal.",
          fix: "Ask a Severa administrator to activate the organization's free Azets Work add-on in Severa.",
        }
      : addon === 'active'
        ? { topic: 'addon', state: addon, reason: null, detail: 'The Azets Work add-on is active in Severa.', fix: 'Nothing to do.' }
        : {
            topic: 'addon',
            state: addon,
            reason: null,
            detail: "Not checked: whether the organization's Azets Work add-on is active in Severa. If it is not, nobody can open Severa from Azets Work.",
            fix: "Look it up among Severa's active add-ons (or read it from the Severa API), then run the check again saying whether it is active.",
          };
  const orgFinding: OrganizationFinding =
    orgUsesSevera === 'no'
      ? {
          topic: 'org-uses-severa',
          state: orgUsesSevera,
          reason: 'ORG_NOT_USING_SEVERA',
          detail: 'The organization no longer uses Severa: nobody can open it from Azets Work.',
          fix: 'If the organization should still use Severa, contact customer service about its Severa subscription.',
        }
      : orgUsesSevera === 'yes'
        ? { topic: 'org-uses-severa', state: orgUsesSevera, reason: null, detail: 'The organization uses Severa.', fix: 'Nothing to do.' }
        : {
            topic: 'org-uses-severa',
            state: orgUsesSevera,
            reason: null,
            detail: 'Not checked: whether the organization still uses Severa.',
            fix: 'Confirm that the organization still has Severa, then run the check again saying so.',
          };
  return [orgFinding, addonFinding];
}
