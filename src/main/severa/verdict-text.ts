import type { AddonState, AzetsUser, OrgUsesSevera, ReasonCode, SeveraUser } from '../../shared/severa-check';
import { showInvisible } from './invisible-characters';
import { emptyJudgement, type Judgement } from './judgement';

/** An address as a person should read it: quoted, with invisible characters spelled out. */
const quoted = (email: string): string => `"${showInvisible(email)}"`;

const rowOf = (user: { row: number | null }): string => (user.row === null ? '' : `row ${user.row}`);

/** Who a Severa user is, as the subject of a sentence: "Anna Virtanen (row 7)", "the Severa user on row 7". */
function severaWho(user: SeveraUser): string {
  const where = user.row !== null ? rowOf(user) : user.id ? `id ${user.id}` : '';
  if (user.name) return where ? `${user.name} (${where})` : user.name;
  if (user.row !== null) return `the Severa user on row ${user.row}`;
  return user.id ? `the Severa user with id ${user.id}` : `the Severa user ${quoted(user.email)}`;
}

/** A Severa address with who has it: "\"anna@x.fi\" (Anna Virtanen, row 7)". */
function severaAddress(user: SeveraUser): string {
  const about = [user.name ?? '', user.row !== null ? rowOf(user) : user.id ? `id ${user.id}` : ''].filter(Boolean).join(', ');
  return about ? `${quoted(user.email)} (${about})` : quoted(user.email);
}

function azetsWho(user: AzetsUser | null): string {
  if (!user) return 'this user';
  if (user.name) return user.row === null ? user.name : `${user.name} (${rowOf(user)})`;
  return user.row === null ? 'this user' : `the user on row ${user.row}`;
}

/** The local part without dots, lower-cased, with the domain: "a.n.na@x.fi" → "anna@x.fi". */
const dotless = (email: string): string => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at).replaceAll('.', '')}${email.slice(at)}`.toLowerCase();
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function nameEvidence(j: Judgement): string {
  if (j.sameName === null || !j.severa || !j.azets) return '';
  return j.sameName ? ` The names agree (${j.severa.name}).` : ` The names differ (Azets Work: ${j.azets.name}; Severa: ${j.severa.name}), so it may be someone else.`;
}

/** Which system's address holds the invisible characters. */
function invisibleWhere(j: Judgement): string {
  const azets = j.differences?.invisible.azets ?? j.azetsInvisible;
  const severa = j.differences?.invisible.severa ?? null;
  return azets && severa ? 'both Azets Work and Severa' : azets ? 'Azets Work' : 'Severa';
}

/** The evidence for one reason, in a sentence or two. */
function detailFor(reason: ReasonCode, j: Judgement): string {
  const s = j.severa;
  switch (reason) {
    case 'ORG_NOT_USING_SEVERA':
      return 'The organization no longer uses Severa.';
    case 'ADDON_NOT_ACTIVE':
      return "The organization's Azets Work add-on is not active in Severa.";
    case 'INVALID_EMAIL':
      return `${quoted(j.azets?.email ?? '')} is not a valid email address: ${j.invalid}.`;
    case 'DUPLICATE_IN_AZETS': {
      const others = j.azetsDuplicates.map((u) => `${quoted(u.email)}${u.row === null ? '' : ` on row ${u.row}`}`).join(', ');
      return `Azets Work has ${j.azetsDuplicates.length + 1} users with this address (ignoring case, invisible characters and Unicode form): also ${others}.`;
    }
    case 'DUPLICATE_IN_SEVERA': {
      const all = j.severaSameAddress.map((u) => `${severaAddress(u)}${u.active === false ? ' (inactive)' : ''}`).join(', ');
      return `Severa has ${j.severaSameAddress.length} users with this address (ignoring case, invisible characters and Unicode form): ${all}.`;
    }
    case 'WHITESPACE_OR_INVISIBLE': {
      const azets = j.differences?.invisible.azets ?? j.azetsInvisible;
      const severa = j.differences?.invisible.severa;
      const parts = [azets ? `The Azets Work address has ${azets}.` : '', severa ? `The Severa address ${quoted(s!.email)} has ${severa}.` : ''];
      return parts.filter(Boolean).join(' ');
    }
    case 'UNICODE_MISMATCH': {
      if (j.match === 'look-alike' && j.lookAlikes) {
        const sides = [
          j.lookAlikes.azets.length ? `the Azets Work address has ${j.lookAlikes.azets.join(', ')}` : '',
          j.lookAlikes.severa.length ? `the Severa address has ${j.lookAlikes.severa.join(', ')}` : '',
        ].filter(Boolean);
        return `Severa has ${severaAddress(s!)}, which looks the same but is made of other characters: ${sides.join('; ') || 'they differ in compatibility forms (NFKC)'}.${nameEvidence(j)}`;
      }
      return `Severa has ${severaAddress(s!)}, the same address in other characters: ${j.differences?.unicode.join('; ')}.`;
    }
    case 'CASE_MISMATCH':
      return `Severa has ${severaAddress(s!)}: the same address with other upper/lower case (in the ${j.differences?.caseIn.join(' and ')}).`;
    case 'DOMAIN_MISMATCH': {
      const at = (email: string) => email.slice(email.lastIndexOf('@') + 1);
      return `Severa has ${severaAddress(s!)}: the same name before the @, but at "${at(s!.email)}" instead of "${at(j.azets?.email ?? '')}".${nameEvidence(j)}`;
    }
    case 'LIKELY_TYPO': {
      const dotsOnly = j.azets && s && dotless(j.azets.email) === dotless(s.email) ? ' Only dots differ: the same mailbox only where the mail service ignores dots.' : '';
      return `Severa has ${severaAddress(s!)}, ${plural(j.distance, 'edit')} away: ${j.typo}.${dotsOnly}${nameEvidence(j)}`;
    }
    case 'EMAIL_NOT_FOUND': {
      const notIn = j.inAzetsList ? '' : ' (This address is not in the loaded Azets Work list either.)';
      if (j.match === 'plus-alias') {
        return `No Severa user has this address. Severa has ${severaAddress(s!)}, which differs only by a +tag: perhaps an alias of the same mailbox, but not the same address.${nameEvidence(j)}${notIn}`;
      }
      if (j.match === 'same-name') {
        return `No Severa user has this address, but a Severa user has the same name: ${severaWho(s!)} with ${quoted(s!.email)}.${notIn}`;
      }
      return `No Severa user has this address, nor one close to it.${notIn}`;
    }
    case 'INACTIVE_IN_SEVERA':
      return j.match === 'exact' || j.match === 'same-address'
        ? `The Severa user ${severaWho(s!)} is inactive.`
        : `That Severa user is inactive, too.`;
    case 'NOT_IN_AZETS':
      return `No Azets Work user has this address${s?.active === false ? '; the user is inactive in Severa' : ''}.`;
    case 'OK':
      return s?.active === null
        ? 'Severa has exactly this address (whether the user is active is unknown: the Severa list does not say).'
        : 'Severa has exactly this address, and the user is active.';
  }
}

/** What to do about one reason, in plain words. */
function fixFor(reason: ReasonCode, j: Judgement): string {
  const s = j.severa;
  const azetsEmail = quoted(j.azets?.email ?? '');
  switch (reason) {
    case 'ORG_NOT_USING_SEVERA':
      return 'Nobody can open Severa from Azets Work while the organization does not use Severa; if it should, contact customer service about its Severa subscription.';
    case 'ADDON_NOT_ACTIVE':
      return "Ask a Severa administrator to activate the organization's free Azets Work add-on in Severa.";
    case 'INVALID_EMAIL':
      return `Correct the address of ${azetsWho(j.azets)} in Azets Work.`;
    case 'DUPLICATE_IN_AZETS':
      return 'Give each Azets Work user their own address, or remove the extra account: Severa matches one address to one person.';
    case 'DUPLICATE_IN_SEVERA':
      return 'In Severa, keep one user with this address: change the address of the others.';
    case 'WHITESPACE_OR_INVISIBLE': {
      return `Retype the address in ${invisibleWhere(j)} by hand (do not paste it), so it has no spaces or invisible characters.`;
    }
    case 'UNICODE_MISMATCH': {
      if (j.match === 'look-alike' && j.lookAlikes) {
        const where =
          j.lookAlikes.azets.length && j.lookAlikes.severa.length ? 'both systems' : j.lookAlikes.azets.length ? 'Azets Work' : 'Severa';
        return `If ${severaWho(s!)} is this person, retype the address in ${where} by hand with plain Latin letters, so both are exactly the same.`;
      }
      const side = j.differences?.decomposedIn;
      const where = side === 'both' ? 'both systems' : side === 'azets' ? 'Azets Work' : 'Severa';
      // Decomposed letters look like the target already; only a different domain form is worth spelling out.
      const target = side ? '' : ` as exactly ${azetsEmail}`;
      return `Retype the address in ${where} by hand${target}, so both systems hold the same characters.`;
    }
    case 'CASE_MISMATCH':
      return `In Severa, change the email of ${severaWho(s!)} to exactly ${azetsEmail}, with upper and lower case as in Azets Work.`;
    case 'DOMAIN_MISMATCH':
      return `If ${severaWho(s!)} is this person, make the addresses the same: change the email in Severa to ${azetsEmail}, or in Azets Work to ${quoted(s!.email)} — whichever the person really uses.`;
    case 'LIKELY_TYPO':
      return `If ${severaWho(s!)} is this person, correct whichever address is misspelt, so Azets Work and Severa read exactly the same.`;
    case 'EMAIL_NOT_FOUND':
      if (s) {
        return `If ${severaWho(s)} is this person, change one of the addresses so both are exactly the same (aliases do not count); otherwise add ${azetsWho(j.azets)} to Severa with exactly ${azetsEmail}.`;
      }
      return `Add ${azetsWho(j.azets)} to Severa with exactly ${azetsEmail} (Severa never creates users by itself), or, if they are in Severa under another address, change that address to exactly this one.`;
    case 'INACTIVE_IN_SEVERA':
      return `Activate ${severaWho(s!)} in Severa.`;
    case 'NOT_IN_AZETS':
      return s?.active === false
        ? 'Nothing to do: the user is inactive in Severa.'
        : `Nothing to do, unless this person should open Severa from Azets Work: then give them an Azets Work account with exactly ${quoted(s?.email ?? '')}.`;
    case 'OK':
      return 'Nothing to fix in the user lists. If this user still cannot open Severa from Azets Work, the cause is the connection between the two systems: contact customer service.';
  }
}

/** Org-wide states nobody set: an OK user may still fail because of them, so OK says what was not checked. */
function uncheckedNotes(j: Judgement): string {
  const notes = [
    j.addon === 'unknown' ? 'whether the Azets Work add-on is active' : '',
    j.orgUsesSevera === 'unknown' ? 'whether the organization still uses Severa' : '',
  ].filter(Boolean);
  return notes.length ? ` Not checked: ${notes.join(', nor ')}.` : '';
}

// Most users are OK, and an OK text depends only on these: write each once.
const okTexts = new Map<string, { detail: string; fix: string }>();

/** The texts of an OK verdict. */
export function describeOk(severaActive: boolean | null, addon: AddonState, orgUsesSevera: OrgUsesSevera): { detail: string; fix: string } {
  const key = `${severaActive}|${addon}|${orgUsesSevera}`;
  let texts = okTexts.get(key);
  if (!texts) {
    const j = emptyJudgement(addon, orgUsesSevera);
    j.severa = { email: '', active: severaActive, name: null, id: null, row: null };
    okTexts.set(key, (texts = describeEach(['OK'], j)));
  }
  return texts;
}

export function describeJudgement(reasons: readonly ReasonCode[], j: Judgement): { detail: string; fix: string } {
  if (reasons.length === 1 && reasons[0] === 'OK') return describeOk(j.severa?.active ?? null, j.addon, j.orgUsesSevera);
  return describeEach(reasons, j);
}

/** Letters of two scripts in one part of an address is how look-alike addresses are made: said whatever the reason. */
function mixedScriptNote(j: Judgement): string {
  const note = (system: string, scripts: string[] | null) =>
    scripts ? ` The ${system} address mixes ${scripts.join(' and ')} letters in one part: that is how look-alike addresses are made.` : '';
  return note('Azets Work', j.mixedScripts.azets) + note('Severa', j.mixedScripts.severa);
}

function describeEach(reasons: readonly ReasonCode[], j: Judgement): { detail: string; fix: string } {
  const detail = reasons.map((reason) => detailFor(reason, j)).join(' ') + (reasons[0] === 'OK' ? uncheckedNotes(j) : '') + mixedScriptNote(j);
  const fixes = [...new Set(reasons.map((reason) => fixFor(reason, j)))];
  const fix = fixes.length === 1 ? fixes[0]! : fixes.map((step, i) => `${i + 1}. ${step}`).join(' ');
  return { detail, fix };
}
