import type { ReadDetails } from '../../shared/portal-listing';
import { matchMarker } from './portal-marker';

/**
 * What a profile's own page says of it (F19), through the portal definition's profile-details lines
 * ("Visma.net company: {company} ({companyId})", "API user: {user}"): each line on its own, with the
 * marker's matching (case and spacing aside, "*" any text). Nothing else of the page is read: no
 * guess. Undefined when no line is on the page.
 */
export function readDetails(definition: string, lines: readonly string[]): ReadDetails | undefined {
  const found = definition
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchMarker(line, lines))
    .filter((match) => match !== undefined);
  if (found.length === 0) return undefined;
  // The first line that names a slot keeps it.
  const slots = Object.assign({}, ...[...found].reverse().map((m) => m.slots)) as Record<string, string | undefined>;
  const details: ReadDetails = { said: [...new Set(found.map((m) => m.line))].join(' / ') };
  if (slots.companyId) details.companyId = slots.companyId;
  if (slots.company) details.companyName = slots.company;
  if (slots.user && /^\S+@\S+$/.test(slots.user)) details.apiUser = slots.user;
  return details.companyId || details.companyName || details.apiUser ? details : undefined;
}
