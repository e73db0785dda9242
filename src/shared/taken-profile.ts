import { sameCompanyName } from './company-name';
import type { ReadDetails } from './portal-listing';

/** What the person filled in once for every ticked new profile (F19). */
export interface BulkFill {
  companyId: string;
  companyName: string;
  apiUser: string;
}

/**
 * A new profile's company and API user: what its own page said, else the bulk fill. The fill's company
 * id is never put beside another company's name: when the page names a company the fill does not,
 * or names none, the id stays empty (the profile "needs company") rather than pairing one company's
 * id with another's name.
 */
export function takenDetails(details: ReadDetails | undefined, fill: BulkFill): BulkFill {
  if (!details) return fill;
  const apiUser = details.apiUser ?? fill.apiUser;
  if (details.companyId) {
    const name = details.companyName ?? (details.companyId === fill.companyId.trim() ? fill.companyName : '');
    return { companyId: details.companyId, companyName: name, apiUser };
  }
  if (details.companyName) {
    // A fill without a name cannot be shown to be this company: its id is not taken for it.
    const same = fill.companyName.trim() !== '' && sameCompanyName(fill.companyName, details.companyName);
    return { companyId: same ? fill.companyId : '', companyName: details.companyName, apiUser };
  }
  return { ...fill, apiUser };
}
