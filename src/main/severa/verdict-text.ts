import type { AddonState, AzetsUser, OrgUsesSevera, ReasonCode, SeveraUser } from '../../shared/severa-check';
import { type Phrase, type PhraseParam, phrase } from '../../shared/severa-words';
import { scriptWords } from './confusables';
import { showInvisible } from './invisible-characters';
import { emptyJudgement, type Judgement } from './judgement';

/**
 * A verdict's evidence and fix as phrases: codes and parameters the catalog (src/shared/i18n)
 * puts into the reader's language. Nothing here is a sentence: the words are in the catalog (src/shared/i18n/locales/, keys severa.*).
 */

/** An address as a person should read it: invisible characters spelled out (the messages quote it). */
const shown = (email: string): string => showInvisible(email);

/** Where a user is in its list: "row 7", "id abc", or nothing. */
function whereOf(user: { row: number | null; id?: string | null }): Phrase | null {
  if (user.row !== null) return phrase('severa.where.row', { row: user.row });
  return user.id ? phrase('severa.where.id', { id: user.id }) : null;
}

/** Who a Severa user is, as the subject of a sentence: "Anna Virtanen (row 7)", "the Severa user on row 7". */
function severaWho(user: SeveraUser): PhraseParam {
  const where = whereOf(user);
  if (user.name) return where ? phrase('severa.who.nameWhere', { name: user.name, where }) : user.name;
  if (user.row !== null) return phrase('severa.who.severaRow', { row: user.row });
  return user.id ? phrase('severa.who.severaId', { id: user.id }) : phrase('severa.who.severaEmail', { email: shown(user.email) });
}

/** A Severa address with who has it: "\"anna@x.fi\" (Anna Virtanen, row 7)". */
function severaAddress(user: SeveraUser): Phrase {
  const email = shown(user.email);
  const where = whereOf(user);
  if (user.name && where) return phrase('severa.address.nameWhere', { email, name: user.name, where });
  if (user.name) return phrase('severa.address.about', { email, about: user.name });
  if (where) return phrase('severa.address.about', { email, about: where });
  return phrase('severa.address', { email });
}

function azetsWho(user: AzetsUser | null): PhraseParam {
  if (!user) return phrase('severa.who.thisUser');
  if (user.name) return user.row === null ? user.name : phrase('severa.who.nameWhere', { name: user.name, where: phrase('severa.where.row', { row: user.row }) });
  return user.row === null ? phrase('severa.who.thisUser') : phrase('severa.who.azetsRow', { row: user.row });
}

/** The local part without dots, lower-cased, with the domain: "a.n.na@x.fi" → "anna@x.fi". */
const dotless = (email: string): string => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at).replaceAll('.', '')}${email.slice(at)}`.toLowerCase();
};

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

function nameEvidence(j: Judgement): Phrase[] {
  if (j.sameName === null || !j.severa || !j.azets) return [];
  return [j.sameName ? phrase('severa.names.agree', { name: j.severa.name ?? '' }) : phrase('severa.names.differ', { azets: j.azets.name ?? '', severa: j.severa.name ?? '' })];
}

type Side = 'azets' | 'severa' | 'both';
const sideOf = (azets: boolean, severa: boolean): Side => (azets && severa ? 'both' : azets ? 'azets' : 'severa');

/** The evidence for one reason, in a sentence or two. */
function detailFor(reason: ReasonCode, j: Judgement): Phrase[] {
  const s = j.severa;
  switch (reason) {
    case 'ORG_NOT_USING_SEVERA':
      return [phrase('severa.detail.orgNotUsingSevera')];
    case 'ADDON_NOT_ACTIVE':
      return [phrase('severa.detail.addonNotActive')];
    case 'INVALID_EMAIL':
      return [phrase('severa.detail.invalidEmail', { email: shown(j.azets?.email ?? ''), problem: j.invalid ?? phrase('email.problem.empty') })];
    case 'DUPLICATE_IN_AZETS': {
      const others = j.azetsDuplicates.map((u) =>
        u.row === null ? phrase('severa.address', { email: shown(u.email) }) : phrase('severa.address.onRow', { email: shown(u.email), row: u.row }),
      );
      return [phrase('severa.detail.duplicateInAzets', { count: j.azetsDuplicates.length + 1, others })];
    }
    case 'DUPLICATE_IN_SEVERA': {
      const all = j.severaSameAddress.map((u) => (u.active === false ? phrase('severa.address.inactive', { address: severaAddress(u) }) : severaAddress(u)));
      return [phrase('severa.detail.duplicateInSevera', { count: j.severaSameAddress.length, all })];
    }
    case 'WHITESPACE_OR_INVISIBLE': {
      const azets = j.differences?.invisible.azets ?? j.azetsInvisible;
      const severa = j.differences?.invisible.severa;
      return [
        ...(azets ? [phrase('severa.detail.invisibleInAzets', { found: azets })] : []),
        ...(severa ? [phrase('severa.detail.invisibleInSevera', { email: shown(s!.email), found: severa })] : []),
      ];
    }
    case 'UNICODE_MISMATCH': {
      if (j.match === 'look-alike' && j.lookAlikes) {
        const sides = [
          ...(j.lookAlikes.azets.length ? [phrase('severa.lookAlike.azetsHas', { chars: j.lookAlikes.azets })] : []),
          ...(j.lookAlikes.severa.length ? [phrase('severa.lookAlike.severaHas', { chars: j.lookAlikes.severa })] : []),
        ];
        const how = sides.length ? sides : [phrase('severa.lookAlike.compatibilityOnly')];
        return [phrase('severa.detail.lookAlike', { address: severaAddress(s!), how }), ...nameEvidence(j)];
      }
      return [phrase('severa.detail.unicode', { address: severaAddress(s!), how: j.differences?.unicode ?? [] })];
    }
    case 'CASE_MISMATCH':
      return [phrase('severa.detail.caseMismatch', { address: severaAddress(s!), part: partsOf(j.differences?.caseIn ?? []) })];
    case 'DOMAIN_MISMATCH':
      return [
        phrase('severa.detail.domainMismatch', { address: severaAddress(s!), severaDomain: domainOf(s!.email), azetsDomain: domainOf(j.azets?.email ?? '') }),
        ...nameEvidence(j),
      ];
    case 'LIKELY_TYPO': {
      const dotsOnly = j.azets && s && dotless(j.azets.email) === dotless(s.email) ? [phrase('severa.detail.onlyDotsDiffer')] : [];
      return [phrase('severa.detail.likelyTypo', { address: severaAddress(s!), count: j.distance, typo: j.typo ?? '' }), ...dotsOnly, ...nameEvidence(j)];
    }
    case 'EMAIL_NOT_FOUND': {
      const notIn = j.inAzetsList ? [] : [phrase('severa.detail.notInAzetsList')];
      if (j.match === 'plus-alias') return [phrase('severa.detail.plusAlias', { address: severaAddress(s!) }), ...nameEvidence(j), ...notIn];
      if (j.match === 'same-name') return [phrase('severa.detail.sameName', { who: severaWho(s!), email: shown(s!.email) }), ...notIn];
      return [phrase('severa.detail.emailNotFound'), ...notIn];
    }
    case 'INACTIVE_IN_SEVERA':
      return [j.match === 'exact' || j.match === 'same-address' ? phrase('severa.detail.inactive', { who: severaWho(s!) }) : phrase('severa.detail.inactiveToo')];
    case 'NOT_IN_AZETS':
      return [phrase(s?.active === false ? 'severa.detail.notInAzetsInactive' : 'severa.detail.notInAzets')];
    case 'OK':
      return [phrase(s?.active === null ? 'severa.detail.okActivityUnknown' : 'severa.detail.ok')];
  }
}

/** Which parts of an address: 'local', 'domain' or 'both' (for a select in the message). */
const partsOf = (parts: readonly ('local' | 'domain')[]): string => (parts.length > 1 ? 'both' : (parts[0] ?? 'local'));

/** What to do about one reason. */
function fixFor(reason: ReasonCode, j: Judgement): Phrase {
  const s = j.severa;
  const azetsEmail = shown(j.azets?.email ?? '');
  switch (reason) {
    case 'ORG_NOT_USING_SEVERA':
      return phrase('severa.fix.orgNotUsingSevera');
    case 'ADDON_NOT_ACTIVE':
      return phrase('severa.fix.addonNotActive');
    case 'INVALID_EMAIL':
      return phrase('severa.fix.invalidEmail', { who: azetsWho(j.azets) });
    case 'DUPLICATE_IN_AZETS':
      return phrase('severa.fix.duplicateInAzets');
    case 'DUPLICATE_IN_SEVERA':
      return phrase('severa.fix.duplicateInSevera');
    case 'WHITESPACE_OR_INVISIBLE': {
      const azets = j.differences?.invisible.azets ?? j.azetsInvisible;
      const severa = j.differences?.invisible.severa ?? null;
      return phrase('severa.fix.invisible', { side: sideOf(Boolean(azets), Boolean(severa)) });
    }
    case 'UNICODE_MISMATCH': {
      if (j.match === 'look-alike' && j.lookAlikes) {
        return phrase('severa.fix.lookAlike', { who: severaWho(s!), side: sideOf(j.lookAlikes.azets.length > 0, j.lookAlikes.severa.length > 0) });
      }
      const side = j.differences?.retypeIn;
      // Decomposed letters look like the target already; only a different domain form is worth spelling out.
      return side
        ? phrase('severa.fix.unicode', { side: side === 'both' ? 'both' : side })
        : phrase('severa.fix.unicodeExactly', { email: azetsEmail });
    }
    case 'CASE_MISMATCH':
      return phrase('severa.fix.caseMismatch', { who: severaWho(s!), email: azetsEmail });
    case 'DOMAIN_MISMATCH':
      return phrase('severa.fix.domainMismatch', { who: severaWho(s!), azetsEmail, severaEmail: shown(s!.email) });
    case 'LIKELY_TYPO':
      return phrase('severa.fix.likelyTypo', { who: severaWho(s!) });
    case 'EMAIL_NOT_FOUND':
      if (s) return phrase('severa.fix.emailNotFoundCandidate', { who: severaWho(s), azetsWho: azetsWho(j.azets), email: azetsEmail });
      return phrase('severa.fix.emailNotFound', { azetsWho: azetsWho(j.azets), email: azetsEmail });
    case 'INACTIVE_IN_SEVERA':
      return phrase('severa.fix.inactive', { who: severaWho(s!) });
    case 'NOT_IN_AZETS':
      return s?.active === false ? phrase('severa.fix.notInAzetsInactive') : phrase('severa.fix.notInAzets', { email: shown(s?.email ?? '') });
    case 'OK':
      return phrase('severa.fix.ok');
  }
}

/** Org-wide states nobody set: an OK user may still fail because of them, so OK says what was not checked. */
function uncheckedNotes(j: Judgement): Phrase[] {
  const addon = j.addon === 'unknown';
  const org = j.orgUsesSevera === 'unknown';
  if (!addon && !org) return [];
  return [phrase('severa.detail.notChecked', { what: addon && org ? 'both' : addon ? 'addon' : 'org' })];
}

export interface VerdictWords {
  /** The evidence: sentences, one after the other. */
  detail: readonly Phrase[];
  /** What to do: one step, or several in order. */
  fix: readonly Phrase[];
}

// Most users are OK, and an OK verdict's words depend only on these: make each once, and share it (frozen).
const okWords = new Map<string, VerdictWords>();

/** The words of an OK verdict. */
export function describeOk(severaActive: boolean | null, addon: AddonState, orgUsesSevera: OrgUsesSevera): VerdictWords {
  const key = `${severaActive}|${addon}|${orgUsesSevera}`;
  let words = okWords.get(key);
  if (!words) {
    const j = emptyJudgement(addon, orgUsesSevera);
    j.severa = { email: '', active: severaActive, name: null, id: null, row: null };
    okWords.set(key, (words = deepFreeze(describeEach(['OK'], j))));
  }
  return words;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function describeJudgement(reasons: readonly ReasonCode[], j: Judgement): VerdictWords {
  if (reasons.length === 1 && reasons[0] === 'OK') return describeOk(j.severa?.active ?? null, j.addon, j.orgUsesSevera);
  return describeEach(reasons, j);
}

/** Letters of two scripts in one part of an address is how look-alike addresses are made: said whatever the reason. */
function mixedScriptNote(j: Judgement): Phrase[] {
  const note = (side: 'azets' | 'severa', scripts: string[] | null) => (scripts ? [phrase('severa.detail.mixedScripts', { side, scripts: scripts.map(scriptWords) })] : []);
  return [...note('azets', j.mixedScripts.azets), ...note('severa', j.mixedScripts.severa)];
}

function describeEach(reasons: readonly ReasonCode[], j: Judgement): VerdictWords {
  const detail = [...reasons.flatMap((reason) => detailFor(reason, j)), ...(reasons[0] === 'OK' ? uncheckedNotes(j) : []), ...mixedScriptNote(j)];
  const fixes = new Map<string, Phrase>();
  for (const reason of reasons) {
    // An address no system could hold is corrected in Azets Work first, never added to Severa as it is.
    if (reason === 'EMAIL_NOT_FOUND' && j.invalid) continue;
    const fix = fixFor(reason, j);
    fixes.set(JSON.stringify(fix), fix);
  }
  return { detail, fix: [...fixes.values()] };
}
