import {
  REASON_PRECEDENCE,
  type ReasonCode,
  type SeveraCheckInput,
  type SeveraCheckResult,
  type Verdict,
} from '../../shared/severa-check';
import { type AzetsEntry, azetsIn, severaIn } from './address-join';
import { type CheckContext, contextFor } from './check-context';
import { sameAddressDifferences, unexplainedDifference } from './email-differences';
import { emailForms } from './email-forms';
import { emailProblem } from './email-validity';
import { showInvisible } from './invisible-characters';
import type { Judgement } from './judgement';
import { organizationFindings } from './organization-findings';
import type { Candidate } from './rank-candidates';
import { judgeAzetsUser, judgeSeveraOnlyUser } from './judge-user';
import { describeJudgement, describeOk, type VerdictWords } from './verdict-text';
import { type Phrase, type PhraseParam, phrase } from '../../shared/severa-words';

/**
 * OK is said only for the very same string, code point for code point: Severa compares exactly.
 * A user the rules found nothing wrong with whose addresses still differ is a gap in the rules,
 * said as a difference the check cannot name (and found by `unexplainedDifferences`), never OK.
 */
function okOrGap(j: Judgement): ReasonCode {
  if (j.azets !== null && j.severa !== null && j.azets.email === j.severa.email) return 'OK';
  if (j.severa === null) return 'EMAIL_NOT_FOUND';
  const differences = sameAddressDifferences(j.azets?.email ?? '', j.severa.email);
  if (!differences.unexplained) differences.unicode.push(unexplainedDifference(j.azets?.email ?? '', j.severa.email));
  j.differences = { ...differences, unexplained: true };
  return 'UNICODE_MISMATCH';
}

/** A judgement put into a verdict (exported so tests can hold the OK rule to judgements the rules never make). */
export function toVerdict(judgement: Judgement, others: readonly Candidate[], reasons = judgement.reasons.ordered()): Verdict {
  if (reasons.length === 0) reasons.push(okOrGap(judgement));
  const { detail, fix } = describeJudgement(reasons, judgement);
  return {
    reason: reasons[0]!,
    also: reasons.slice(1),
    azets: judgement.azets,
    severa: judgement.severa,
    match: judgement.match,
    otherCandidates: others.map((c) => ({ user: c.entry.user, kind: c.kind, distance: c.distance })),
    detail,
    fix,
  };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Most users have exactly one Severa user with exactly their address, active, and nothing else to
 * say: decided here, without the general judging (100,000 users, most of them like this). The
 * texts are shared and the empty lists frozen: nothing about this verdict is per user but who.
 */
function plainlyOk(azets: AzetsEntry, context: CheckContext, okTexts: OkTexts): Verdict | null {
  const group = azets.group;
  const severa = group?.firstSevera;
  if (!severa || group.moreSevera || group.moreAzets || severa.user.email !== azets.user.email || severa.user.active === false) return null;
  if (azets.forms.hasInvisible || context.input.addon === 'inactive' || context.input.orgUsesSevera === 'no' || emailProblem(azets.forms) !== null) return null;
  const { detail, fix } = severa.user.active === null ? okTexts.activityUnknown : okTexts.active;
  return { reason: 'OK', also: NONE, azets: azets.user, severa: severa.user, match: 'exact', otherCandidates: NONE, detail, fix };
}

interface OkTexts {
  active: VerdictWords;
  activityUnknown: VerdictWords;
}

/**
 * The check: one verdict per Azets Work user (in input order), then one per Severa user that no
 * Azets Work user has or was pointed at (NOT_IN_AZETS). Pure: the same lists give the same
 * verdicts, whatever their order.
 */
export function checkSeveraLogins(input: SeveraCheckInput): SeveraCheckResult {
  const context = contextFor(input);
  const { join } = context;
  const pointedAt = new Uint8Array(join.severa.length);
  const verdicts: Verdict[] = [];
  const okTexts = { active: describeOk(true, input.addon, input.orgUsesSevera), activityUnknown: describeOk(null, input.addon, input.orgUsesSevera) };
  for (const azets of join.azets) {
    const ok = plainlyOk(azets, context, okTexts);
    if (ok) {
      verdicts.push(ok);
      continue;
    }
    const { judgement, chosen, others } = judgeAzetsUser(azets, context);
    if (chosen) pointedAt[chosen.index] = 1;
    verdicts.push(toVerdict(judgement, others));
  }
  const failing = verdicts.filter((verdict) => verdict.reason !== 'OK').length;
  for (const entry of join.severa) {
    if (entry.group.firstAzets !== null || pointedAt[entry.index] === 1) continue;
    const judgement = judgeSeveraOnlyUser(entry, context);
    // NOT_IN_AZETS leads although DUPLICATE_IN_SEVERA ranks higher: it says what this entry is.
    verdicts.push(toVerdict(judgement, [], ['NOT_IN_AZETS', ...judgement.reasons.ordered().filter((r) => r !== 'NOT_IN_AZETS')]));
  }
  const summary = Object.fromEntries(REASON_PRECEDENCE.map((reason) => [reason, 0])) as Record<ReasonCode, number>;
  for (const verdict of verdicts) summary[verdict.reason]++;
  return {
    organization: organizationFindings(input.addon, input.orgUsesSevera),
    summary,
    verdicts,
    totals: {
      azetsUsers: input.azetsUsers.length,
      severaUsers: input.severaUsers.length,
      failing,
      severaWithoutEmail: join.severaWithoutEmail,
    },
  };
}

/**
 * The panel's quick check: the verdict one address gets against the loaded lists. An address in
 * the Azets Work list, exactly or in other case or writing, gets that user's verdict (their own
 * address, name and row: "anna@x.fi" finds the user stored as "Anna@x.fi"); any other address is
 * checked as if a new Azets Work user had it.
 */
export function checkOneEmail(input: SeveraCheckInput, email: string): Verdict {
  const context = contextFor(input);
  const forms = emailForms(email);
  const group = forms.clean === '' ? null : context.join.groupOf(forms.key);
  const listed = azetsIn(group).sort((a, b) => (a.user.email < b.user.email ? -1 : a.user.email > b.user.email ? 1 : 0));
  const existing = listed.find((entry) => entry.user.email === email) ?? listed[0];
  // A new address shares the Severa side of its group, not the Azets Work users it is not.
  const severa = severaIn(group);
  const newGroup = { firstAzets: null, moreAzets: null, firstSevera: severa[0] ?? null, moreSevera: severa.length > 1 ? severa.slice(1) : null };
  const azets: AzetsEntry = existing ?? { user: { email, name: null, row: null }, forms, group: newGroup };
  const { judgement, others } = judgeAzetsUser(azets, context, existing !== undefined);
  const verdict = toVerdict(judgement, others);
  const note = verdict.severa && (verdict.match === 'exact' || verdict.match === 'same-address') ? typedDiffers(email, verdict.severa.email) : null;
  return note ? { ...verdict, detail: [...verdict.detail, note] } : verdict;
}

/**
 * The quick check finds an address in any writing; what was typed may still not be what Severa
 * holds. Say how, so an OK for "Anna@Firma.fi " is not read as "what I typed works".
 */
function typedDiffers(typed: string, held: string): Phrase | null {
  if (typed === held) return null;
  const differences = sameAddressDifferences(typed, held);
  const how = [
    ...(differences.invisible.azets ? [phrase('severa.typed.invisible', { found: differences.invisible.azets })] : []),
    ...(differences.invisible.severa ? [phrase('severa.typed.severaInvisible', { found: differences.invisible.severa })] : []),
    ...(differences.caseIn.length > 0 ? [phrase('severa.typed.case', { part: differences.caseIn.length > 1 ? 'both' : differences.caseIn[0]! })] : []),
    ...(differences.unicode.length > 0 ? [phrase('severa.typed.unicode')] : []),
  ];
  const params = { typed: showInvisible(typed), held: showInvisible(held) };
  return how.length ? phrase('severa.detail.typedDiffersHow', { ...params, how }) : phrase('severa.detail.typedDiffers', params);
}

const containsKey = (value: PhraseParam | undefined, key: string): boolean => {
  if (Array.isArray(value)) return value.some((item: PhraseParam) => containsKey(item, key));
  if (value === null || typeof value !== 'object' || !('key' in value)) return false;
  return value.key === key || Object.values(value.params ?? {}).some((param) => containsKey(param, key));
};

/**
 * The verdicts whose addresses differ in a way the check could not name: each one is a gap in
 * the rules, worth a bug report (the panel logs it, the CLI says it on stderr).
 */
export const unexplainedDifferences = (verdicts: readonly Verdict[]): Verdict[] =>
  verdicts.filter((verdict) => verdict.reason !== 'OK' && verdict.detail.some((item) => containsKey(item, 'severa.unicode.unexplained')));
