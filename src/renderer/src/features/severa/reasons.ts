import type { MatchKind, ReasonCode } from '../../../../shared/severa-check';

/** How a reason looks: green for OK, red for what blocks everyone, amber for a near-miss to correct. */
export type ReasonTone = 'ok' | 'org' | 'near' | 'missing' | 'info';

interface ReasonText {
  /** A few words, for the summary and the table. */
  label: string;
  tone: ReasonTone;
  /** What it means, in one sentence. */
  means: string;
  /** What to do about it, in plain words (each verdict's own fix names the user and addresses). */
  fix: string;
}

/** Every reason in plain words, in the engine's order of precedence (docs/severa-check.md). */
export const REASONS: Record<ReasonCode, ReasonText> = {
  ORG_NOT_USING_SEVERA: {
    label: 'Organization not using Severa',
    tone: 'org',
    means: 'The organization no longer uses Severa, so nobody can open it from Azets Work.',
    fix: 'If the organization should still use Severa, contact customer service about its subscription.',
  },
  ADDON_NOT_ACTIVE: {
    label: 'Add-on not active',
    tone: 'org',
    means: "The organization's free Azets Work add-on is not active in Severa, so nobody can open Severa from Azets Work.",
    fix: 'A Severa administrator activates the Azets Work add-on in Severa.',
  },
  INVALID_EMAIL: {
    label: 'Invalid email',
    tone: 'missing',
    means: 'The Azets Work address cannot be an email address (empty, no @, misplaced dots, …).',
    fix: 'Correct the address in Azets Work.',
  },
  DUPLICATE_IN_AZETS: {
    label: 'Duplicate in Azets Work',
    tone: 'missing',
    means: 'Another Azets Work user has the same address, perhaps written differently.',
    fix: 'Give each person their own address, or remove the extra account.',
  },
  DUPLICATE_IN_SEVERA: {
    label: 'Duplicate in Severa',
    tone: 'missing',
    means: 'Two or more Severa users have this address, perhaps written differently.',
    fix: 'Keep one Severa user with the address and change the others.',
  },
  WHITESPACE_OR_INVISIBLE: {
    label: 'Spaces or invisible characters',
    tone: 'near',
    means: 'An address holds a space or an invisible character (no-break space, zero-width space, byte order mark).',
    fix: 'Retype the address by hand — do not paste it — in the system named.',
  },
  UNICODE_MISMATCH: {
    label: 'Other characters',
    tone: 'near',
    means: 'The address looks the same but is made of other characters: another Unicode form, or look-alike letters such as a Cyrillic "а".',
    fix: 'Retype the address with plain letters, exactly as the other system has it.',
  },
  CASE_MISMATCH: {
    label: 'Case differs',
    tone: 'near',
    means: 'Severa has the same address with other upper and lower case; the vendor requires exactly the same address.',
    fix: 'In Severa, change the address to exactly the Azets Work one.',
  },
  DOMAIN_MISMATCH: {
    label: 'Other domain',
    tone: 'near',
    means: 'Severa has the same name before the @ at another domain.',
    fix: 'Make both addresses the same — whichever the person really uses.',
  },
  LIKELY_TYPO: {
    label: 'Likely typo',
    tone: 'near',
    means: 'Severa has an address one or two letters away.',
    fix: 'Correct whichever address is misspelt, so both read exactly the same.',
  },
  EMAIL_NOT_FOUND: {
    label: 'Not found in Severa',
    tone: 'missing',
    means: 'No Severa user has this address, nor one close to it (an alias or the same name may be suggested).',
    fix: 'Add the user to Severa with exactly this address — Severa never creates users by itself — or correct the existing one.',
  },
  INACTIVE_IN_SEVERA: {
    label: 'Inactive in Severa',
    tone: 'missing',
    means: 'The Severa user is inactive.',
    fix: 'Activate the user in Severa.',
  },
  NOT_IN_AZETS: {
    label: 'Not in Azets Work',
    tone: 'info',
    means: 'A Severa user no Azets Work user has. They do not log in through Azets Work.',
    fix: 'Nothing, unless the person should open Severa from Azets Work: then give them an Azets Work account with exactly this address.',
  },
  OK: {
    label: 'OK',
    tone: 'ok',
    means: 'Exactly the same address, one user on each side, active and valid.',
    fix: 'Nothing to fix in the user lists. If the user still cannot log in, the cause is the connection between the systems: contact customer service.',
  },
};

/** The words shown for how a suggested Severa user relates to the Azets Work address. */
export const MATCH_LABELS: Record<MatchKind, string> = {
  exact: 'exactly the same address',
  'same-address': 'the same address, written differently',
  'look-alike': 'look-alike letters',
  'other-domain': 'same name before the @, other domain',
  'plus-alias': 'differs by a +tag',
  typo: 'a few letters away',
  'same-name': 'same person’s name',
};

export const count = (n: number): string => n.toLocaleString('en');

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
