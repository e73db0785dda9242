import type { AddonState, OrganizationFinding, OrgUsesSevera } from '../../shared/severa-check';
import { phrase } from '../../shared/severa-words';

/**
 * The two organization-wide states, reported once at the top. Known bad states become a reason
 * every Azets Work user carries; unknown ones say what nobody has checked yet.
 */
export function organizationFindings(addon: AddonState, orgUsesSevera: OrgUsesSevera): OrganizationFinding[] {
  const addonFinding: OrganizationFinding =
    addon === 'inactive'
      ? { topic: 'addon', state: addon, reason: 'ADDON_NOT_ACTIVE', detail: phrase('severa.org.addonInactive'), fix: phrase('severa.fix.addonNotActive') }
      : addon === 'active'
        ? { topic: 'addon', state: addon, reason: null, detail: phrase('severa.org.addonActive'), fix: phrase('severa.org.nothingToDo') }
        : { topic: 'addon', state: addon, reason: null, detail: phrase('severa.org.addonUnknown'), fix: phrase('severa.org.addonUnknownFix') };
  const orgFinding: OrganizationFinding =
    orgUsesSevera === 'no'
      ? { topic: 'org-uses-severa', state: orgUsesSevera, reason: 'ORG_NOT_USING_SEVERA', detail: phrase('severa.org.notUsingSevera'), fix: phrase('severa.org.notUsingSeveraFix') }
      : orgUsesSevera === 'yes'
        ? { topic: 'org-uses-severa', state: orgUsesSevera, reason: null, detail: phrase('severa.org.usesSevera'), fix: phrase('severa.org.nothingToDo') }
        : { topic: 'org-uses-severa', state: orgUsesSevera, reason: null, detail: phrase('severa.org.usesSeveraUnknown'), fix: phrase('severa.org.usesSeveraUnknownFix') };
  return [orgFinding, addonFinding];
}
