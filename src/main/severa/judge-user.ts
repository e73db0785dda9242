import type { MatchKind, ReasonCode } from '../../shared/severa-check';
import { type AzetsEntry, azetsIn, type SeveraEntry, severaIn } from './address-join';
import type { CheckContext } from './check-context';
import { describeLookAlikes, mixedScripts } from './confusables';
import { describeTypo, type SameAddressDifferences, sameAddressDifferences } from './email-differences';
import { emailProblem } from './email-validity';
import { describeInvisible } from './invisible-characters';
import { emptyJudgement, type Judgement } from './judgement';
import { type Candidate, compareEntries, rankCandidates } from './rank-candidates';

export interface Judged {
  judgement: Judgement;
  /** The Severa user matched or suggested: it is not reported again as NOT_IN_AZETS. */
  chosen: SeveraEntry | null;
  others: Candidate[];
}

const REASON_OF_KIND: Record<Exclude<MatchKind, 'exact' | 'same-address'>, ReasonCode> = {
  'look-alike': 'UNICODE_MISMATCH',
  'other-domain': 'DOMAIN_MISMATCH',
  typo: 'LIKELY_TYPO',
  'plus-alias': 'EMAIL_NOT_FOUND',
  'same-name': 'EMAIL_NOT_FOUND',
};

const MAX_OTHER_CANDIDATES = 3;
const NO_DIFFERENCES: SameAddressDifferences = { invisible: { azets: null, severa: null }, unicode: [], retypeIn: null, caseIn: [], unexplained: false };

/** A Severa user has the address, in some writing: what differs, and who else shares it. */
function judgeSameAddress(j: Judgement, azets: AzetsEntry, found: readonly SeveraEntry[]): SeveraEntry {
  const same = found.length > 1 ? [...found].sort(compareEntries) : found;
  const exact = same.find((entry) => entry.user.email === azets.user.email);
  const chosen = exact ?? same[0]!;
  j.severa = chosen.user;
  j.match = exact ? 'exact' : 'same-address';
  if (same.length > 1) {
    j.severaSameAddress = same.map((entry) => entry.user);
    j.reasons.add('DUPLICATE_IN_SEVERA');
  }
  // The very same plain address has nothing to compare.
  j.differences = exact && !azets.forms.hasInvisible ? NO_DIFFERENCES : sameAddressDifferences(azets.user.email, chosen.user.email);
  if (j.differences.invisible.azets || j.differences.invisible.severa) j.reasons.add('WHITESPACE_OR_INVISIBLE');
  // Unicode differences, the unexplained one included: only the identical string is a match.
  if (j.differences.unicode.length > 0) j.reasons.add('UNICODE_MISMATCH');
  if (j.differences.caseIn.length > 0) j.reasons.add('CASE_MISMATCH');
  if (chosen.user.active === false) j.reasons.add('INACTIVE_IN_SEVERA');
  return chosen;
}

/** No Severa user has the address: which one it most likely meant, if any, never matched silently. */
function judgeNearMiss(j: Judgement, azets: AzetsEntry, context: CheckContext): Judged {
  const { forms } = azets;
  if (forms.hasInvisible) {
    j.azetsInvisible = describeInvisible(azets.user.email);
    j.reasons.add('WHITESPACE_OR_INVISIBLE');
  }
  const [best, ...others] = rankCandidates(forms, azets.user.name, context.suggestions);
  if (!best) {
    j.reasons.add('EMAIL_NOT_FOUND');
    return { judgement: j, chosen: null, others: [] };
  }
  j.severa = best.entry.user;
  j.match = best.kind;
  j.distance = best.distance;
  j.sameName = best.sameName;
  j.reasons.add(REASON_OF_KIND[best.kind as keyof typeof REASON_OF_KIND]);
  if (best.kind === 'look-alike') {
    j.lookAlikes = { azets: describeLookAlikes(forms.clean), severa: describeLookAlikes(best.entry.forms.clean) };
    j.mixedScripts.severa = mixedScripts(best.entry.forms.clean);
  }
  if (best.kind === 'typo') j.typo = describeTypo(forms.key, best.entry.forms.key);
  if (best.entry.user.active === false) j.reasons.add('INACTIVE_IN_SEVERA');
  return { judgement: j, chosen: best.entry, others: others.slice(0, MAX_OTHER_CANDIDATES) };
}

/**
 * Every reason that applies to one Azets Work user. `inList` is false for a quick check of an
 * address the Azets Work list does not have.
 */
export function judgeAzetsUser(azets: AzetsEntry, context: CheckContext, inList = true): Judged {
  const { input } = context;
  const j = emptyJudgement(input.addon, input.orgUsesSevera);
  j.azets = azets.user;
  j.inAzetsList = inList;
  if (input.orgUsesSevera === 'no') j.reasons.add('ORG_NOT_USING_SEVERA');
  if (input.addon === 'inactive') j.reasons.add('ADDON_NOT_ACTIVE');
  j.invalid = emailProblem(azets.forms);
  if (j.invalid) j.reasons.add('INVALID_EMAIL');
  if (azets.forms.clean === '') return { judgement: j, chosen: null, others: [] };
  if (!azets.forms.plain) j.mixedScripts.azets = mixedScripts(azets.forms.clean);

  j.azetsDuplicates = azetsIn(azets.group)
    .filter((other) => other !== azets)
    .map((other) => other.user);
  if (inList && j.azetsDuplicates.length > 0) j.reasons.add('DUPLICATE_IN_AZETS');
  const same = severaIn(azets.group);
  if (same.length > 0) return { judgement: j, chosen: judgeSameAddress(j, azets, same), others: [] };
  return judgeNearMiss(j, azets, context);
}

/** A Severa user no Azets Work user has or was pointed at. */
export function judgeSeveraOnlyUser(entry: SeveraEntry, { input }: CheckContext): Judgement {
  const j = emptyJudgement(input.addon, input.orgUsesSevera);
  j.severa = entry.user;
  j.reasons.add('NOT_IN_AZETS');
  const same = severaIn(entry.group);
  if (same.length > 1) {
    j.reasons.add('DUPLICATE_IN_SEVERA');
    j.severaSameAddress = [...same].sort(compareEntries).map((e) => e.user);
  }
  return j;
}
