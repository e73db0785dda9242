import type { AddonState, AzetsUser, MatchKind, OrgUsesSevera, SeveraUser } from '../../shared/severa-check';
import type { SameAddressDifferences } from './email-differences';
import type { Message } from '../../shared/i18n/message';
import type { Phrase } from '../../shared/severa-words';
import { ReasonSet } from './reason-set';

/**
 * Everything the engine found out about one user, before it is put into words. Kept apart from
 * the wording so the rules (which reasons apply) and the texts can each be read on their own.
 */
export interface Judgement {
  /** Every reason that applies; the verdict's reason is the one first in REASON_PRECEDENCE. */
  reasons: ReasonSet;
  azets: AzetsUser | null;
  /** The Severa user matched or most likely meant. */
  severa: SeveraUser | null;
  match: MatchKind | null;
  /** Edits between the normalised addresses (a neighbour swap counts one), for typo evidence. */
  distance: number;
  /** Why the Azets Work address cannot be an address; null when it can. */
  invalid: Message | null;
  /** Other Azets Work users with the same address. */
  azetsDuplicates: AzetsUser[];
  /** Every Severa user with the address (more than one: DUPLICATE_IN_SEVERA). */
  severaSameAddress: SeveraUser[];
  /** For same-address matches: how the writing differs. */
  differences: SameAddressDifferences | null;
  /** Invisible characters in the Azets Work address, described, when no Severa address was the same. */
  azetsInvisible: Phrase[] | null;
  /** Look-alike letters in each address, described. */
  lookAlikes: { azets: Phrase[]; severa: Phrase[] } | null;
  /** Where a near address parts from this one, described. */
  typo: Phrase | null;
  /** Scripts mixed within one part of either address ("pаypal": Latn and Cyrl), by system, as ISO 15924 codes. */
  mixedScripts: { azets: string[] | null; severa: string[] | null };
  /** Whether the two users' names agree, when both are known. */
  sameName: boolean | null;
  addon: AddonState;
  orgUsesSevera: OrgUsesSevera;
  /** For a quick check of one address: whether it is in the loaded Azets Work list at all. */
  inAzetsList: boolean;
}

export const emptyJudgement = (addon: AddonState, orgUsesSevera: OrgUsesSevera): Judgement => ({
  reasons: new ReasonSet(),
  azets: null,
  severa: null,
  match: null,
  distance: 0,
  invalid: null,
  azetsDuplicates: [],
  severaSameAddress: [],
  differences: null,
  azetsInvisible: null,
  lookAlikes: null,
  typo: null,
  mixedScripts: { azets: null, severa: null },
  sameName: null,
  addon,
  orgUsesSevera,
  inAzetsList: true,
});
