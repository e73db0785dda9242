import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins } from '../../../src/main/severa/check-logins';
import type { AddonState, AzetsUser, OrgUsesSevera, SeveraUser, Verdict } from '../../../src/shared/severa-check';
import { verdictWords } from '../../helpers/severa-words';

const azets = (email: string, name: string | null = null, row: number | null = 2): AzetsUser => ({ email, name, row });
const severa = (email: string, extra: Partial<SeveraUser> = {}): SeveraUser => ({ email, active: true, name: null, id: null, row: 2, ...extra });

function check(azetsUsers: AzetsUser[], severaUsers: SeveraUser[], addon: AddonState = 'active', orgUsesSevera: OrgUsesSevera = 'yes') {
  return checkSeveraLogins({ azetsUsers, severaUsers, addon, orgUsesSevera });
}

/** The one Azets Work user's verdict when each list holds one address. */
const verdictFor = (azetsEmail: string, severaEmail: string): Verdict => check([azets(azetsEmail)], [severa(severaEmail)]).verdicts[0]!;

describe('the Severa check on tricky pairs of addresses', () => {
  const pairs: { what: string; azets: string; severa: string; reason: Verdict['reason']; evidence: RegExp; fix: RegExp }[] = [
    {
      what: 'a no-break space inside the Azets Work address',
      azets: 'matti\u00a0.virtanen@azets.fi',
      severa: 'matti.virtanen@azets.fi',
      reason: 'WHITESPACE_OR_INVISIBLE',
      evidence: /no-break space \(U\+00A0\) after "matti"/,
      fix: /Retype the address in Azets Work/,
    },
    {
      what: 'a zero-width space at the end',
      azets: 'liisa@azets.fi\u200b',
      severa: 'liisa@azets.fi',
      reason: 'WHITESPACE_OR_INVISIBLE',
      evidence: /zero-width space \(U\+200B\) at the end/,
      fix: /Azets Work/,
    },
    {
      what: 'a byte order mark at the start',
      azets: '\ufeffpekka@azets.fi',
      severa: 'pekka@azets.fi',
      reason: 'WHITESPACE_OR_INVISIBLE',
      evidence: /U\+FEFF\) at the start/,
      fix: /Azets Work/,
    },
    {
      what: 'a word joiner in the Severa address',
      azets: 'anna@azets.fi',
      severa: 'anna@\u2060azets.fi',
      reason: 'WHITESPACE_OR_INVISIBLE',
      evidence: /The Severa address .* has a word joiner \(U\+2060\)/,
      fix: /Retype the address in Severa/,
    },
    {
      what: 'a Turkish dotless ı',
      azets: 'yıldız@azets.fi',
      severa: 'yildiz@azets.fi',
      reason: 'UNICODE_MISMATCH',
      evidence: /"ı" \(U\+0131, Latin\) for "i"/,
      fix: /plain Latin letters/,
    },
    {
      what: 'a Cyrillic а inside a Latin name',
      azets: 's\u0430ra.koski@azets.fi',
      severa: 'sara.koski@azets.fi',
      reason: 'UNICODE_MISMATCH',
      evidence: /"а" \(U\+0430, Cyrillic\) for "a".*The Azets Work address mixes Latin and Cyrillic letters in one part/,
      fix: /retype the address in Azets Work by hand with plain Latin letters/,
    },
    {
      what: 'ä composed (NFC) in Azets Work, decomposed (NFD) in Severa',
      azets: 'mäkinen@azets.fi',
      severa: 'ma\u0308kinen@azets.fi',
      reason: 'UNICODE_MISMATCH',
      evidence: /the Severa address stores accented letters decomposed/,
      fix: /Retype the address in Severa by hand/,
    },
    {
      what: 'an IDN domain in Unicode and in punycode',
      azets: 'jussi@bücher.fi',
      severa: 'jussi@xn--bcher-kva.fi',
      reason: 'UNICODE_MISMATCH',
      evidence: /"bücher.fi" in Azets Work and "xn--bcher-kva.fi" in Severa/,
      fix: /as exactly "jussi@bücher.fi"/,
    },
    {
      what: 'a +tag alias',
      azets: 'olli+severa@azets.fi',
      severa: 'olli@azets.fi',
      reason: 'EMAIL_NOT_FOUND',
      evidence: /differs only by a \+tag/,
      fix: /aliases do not count/,
    },
    {
      what: 'a trailing dot',
      azets: 'timo@azets.fi.',
      severa: 'timo@azets.fi',
      reason: 'INVALID_EMAIL',
      evidence: /the domain ends with a dot.*1 edit away/,
      fix: /Correct the address/,
    },
    {
      what: 'upper and lower case',
      azets: 'Kaisa.Laine@azets.fi',
      severa: 'kaisa.laine@azets.fi',
      reason: 'CASE_MISMATCH',
      evidence: /other upper\/lower case \(in the local part\)/,
      fix: /change the email of .* to exactly "Kaisa.Laine@azets.fi"/,
    },
    {
      what: 'the same name at another domain',
      azets: 'ville.nieminen@azets.com',
      severa: 'ville.nieminen@azets.fi',
      reason: 'DOMAIN_MISMATCH',
      evidence: /at "azets.fi" instead of "azets.com"/,
      fix: /whichever the person really uses/,
    },
    {
      what: 'a typo',
      azets: 'eero.salonen@azets.fi',
      severa: 'eero.salnen@azets.fi',
      reason: 'LIKELY_TYPO',
      evidence: /1 edit away: Azets Work has "o" extra after "eero.sal"/,
      fix: /correct whichever address is misspelt/,
    },
    {
      what: 'two neighbouring letters swapped (one edit)',
      azets: 'timo.niemienn@azets.fi',
      severa: 'timo.nieminen@azets.fi',
      reason: 'LIKELY_TYPO',
      evidence: /1 edit away/,
      fix: /misspelt/,
    },
  ];

  it.each(pairs)('$what: $reason, pointing at the Severa user meant', ({ azets: a, severa: s, reason, evidence, fix }) => {
    const verdict = verdictFor(a, s);
    expect(verdict.reason).toBe(reason);
    expect(verdict.severa?.email).toBe(s);
    expect(verdictWords(verdict).detail).toMatch(evidence);
    expect(verdictWords(verdict).fix).toMatch(fix);
  });

  it('never calls a near-miss OK, and lists the suggested Severa user only once (not again as NOT_IN_AZETS)', () => {
    const result = check(
      pairs.map((p, i) => azets(p.azets, null, i + 2)),
      pairs.map((p, i) => severa(p.severa, { row: i + 2 })),
    );
    expect(result.summary.OK).toBe(0);
    expect(result.summary.NOT_IN_AZETS).toBe(0);
    expect(result.verdicts.map((v) => v.severa?.email)).toEqual(pairs.map((p) => p.severa));
  });

  it('says OK for the very same address, with the last resort: the connection between the systems', () => {
    const verdict = verdictFor('anna.virtanen@azets.fi', 'anna.virtanen@azets.fi');
    expect(verdict).toMatchObject({ reason: 'OK', also: [], match: 'exact' });
    expect(verdictWords(verdict).fix).toMatch(/cause is the connection between the two systems: contact customer service/);
  });

  it('reports an address nobody in Severa has, nor anything close, as EMAIL_NOT_FOUND with no suggestion', () => {
    const verdict = verdictFor('nobody@azets.fi', 'someone.else@client.fi');
    expect(verdict).toMatchObject({ reason: 'EMAIL_NOT_FOUND', severa: null });
    expect(verdictWords(verdict).fix).toMatch(/Severa never creates users by itself/);
  });

  it('reports an empty Azets Work address as INVALID_EMAIL', () => {
    expect(verdictFor('', 'a@x.fi').reason).toBe('INVALID_EMAIL');
    expect(verdictWords(verdictFor(' \u200b', 'a@x.fi')).detail).toMatch(/only spaces or invisible characters/);
  });
});

describe('duplicates', () => {
  it('flags two Azets Work users with one address in different case, both of them', () => {
    const result = check([azets('Anna@azets.fi', 'Anna A', 2), azets('anna@azets.fi', 'Anna B', 3)], [severa('anna@azets.fi')]);
    expect(result.verdicts.slice(0, 2).map((v) => v.reason)).toEqual(['DUPLICATE_IN_AZETS', 'DUPLICATE_IN_AZETS']);
    expect(result.verdicts[0]!.also).toContain('CASE_MISMATCH');
    expect(verdictWords(result.verdicts[1]!).detail).toMatch(/also "Anna@azets.fi" on row 2/);
  });

  it('flags two Severa users with one address in different case', () => {
    const result = check([azets('anna@azets.fi')], [severa('anna@azets.fi', { row: 2 }), severa('ANNA@azets.fi', { row: 9, active: false })]);
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts[0]).toMatchObject({ reason: 'DUPLICATE_IN_SEVERA', severa: { email: 'anna@azets.fi' } });
    expect(verdictWords(result.verdicts[0]!).detail).toMatch(/Severa has 2 users with this address.*"ANNA@azets.fi" \(row 9\) \(inactive\)/);
  });
});

describe('precedence', () => {
  it('puts the organization-wide add-on state first for every Azets Work user, keeping what else is wrong', () => {
    const result = check([azets('a@x.fi'), azets('Bee@x.fi')], [severa('a@x.fi'), severa('bee@x.fi'), severa('c@x.fi')], 'inactive');
    expect(result.verdicts.map((v) => [v.reason, v.also])).toEqual([
      ['ADDON_NOT_ACTIVE', []],
      ['ADDON_NOT_ACTIVE', ['CASE_MISMATCH']],
      ['NOT_IN_AZETS', []],
    ]);
    expect(verdictWords(result.verdicts[1]!).fix).toMatch(/^1\. Ask a Severa administrator to activate .* 2\. In Severa, change the email/);
    expect(result.organization.find((f) => f.topic === 'addon')).toMatchObject({ reason: 'ADDON_NOT_ACTIVE' });
  });

  it('puts "no longer uses Severa" before the add-on', () => {
    const verdict = check([azets('a@x.fi')], [severa('a@x.fi')], 'inactive', 'no').verdicts[0]!;
    expect([verdict.reason, ...verdict.also]).toEqual(['ORG_NOT_USING_SEVERA', 'ADDON_NOT_ACTIVE']);
  });

  it('calls an exact match that is inactive INACTIVE_IN_SEVERA, and says to activate that user', () => {
    const verdict = check([azets('a@x.fi')], [severa('a@x.fi', { active: false, name: 'Aino Aalto', row: 5 })]).verdicts[0]!;
    expect(verdict.reason).toBe('INACTIVE_IN_SEVERA');
    expect(verdictWords(verdict).fix).toBe('Activate Aino Aalto (row 5) in Severa.');
  });

  it('calls a near-miss to an inactive user by the near-miss first, inactive second', () => {
    const verdict = check([azets('A@x.fi')], [severa('a@x.fi', { active: false })]).verdicts[0]!;
    expect([verdict.reason, ...verdict.also]).toEqual(['CASE_MISMATCH', 'INACTIVE_IN_SEVERA']);
  });

  it('says on an OK verdict which organization-wide states nobody checked', () => {
    const verdict = check([azets('a@x.fi')], [severa('a@x.fi')], 'unknown', 'unknown').verdicts[0]!;
    expect(verdict.reason).toBe('OK');
    expect(verdictWords(verdict).detail).toMatch(/Not checked: whether the Azets Work add-on is active, nor whether the organization still uses Severa/);
  });
});

describe('suggestions', () => {
  it('never points at a Severa user another Azets Work user already has', () => {
    const result = check([azets('jari.virtanen@x.fi'), azets('jani.virtanen@x.fi')], [severa('jari.virtanen@x.fi')]);
    expect(result.verdicts[1]).toMatchObject({ reason: 'EMAIL_NOT_FOUND', severa: null });
  });

  it('prefers the candidate whose name agrees, and says when names differ', () => {
    const result = check(
      [azets('anna.virtanen@x.fi', 'Anna Virtanen')],
      [severa('anna.virtanem@x.fi', { name: 'Anton Virta' }), severa('anna.virtanne@x.fi', { name: 'Virtanen, Anna' })],
    );
    expect(result.verdicts[0]!.severa?.email).toBe('anna.virtanne@x.fi');
    expect(verdictWords(result.verdicts[0]!).detail).toMatch(/The names agree/);
    expect(result.verdicts[0]!.otherCandidates.map((c) => c.user.email)).toEqual(['anna.virtanem@x.fi']);
    expect(result.verdicts[1]).toMatchObject({ reason: 'NOT_IN_AZETS', severa: { email: 'anna.virtanem@x.fi' } });
  });

  it('falls back to a Severa user with the same full name when no address is close', () => {
    const verdict = check([azets('maija.korhonen@x.fi', 'Maija Korhonen')], [severa('maija.lehto@x.fi', { name: 'Maija  Korhonen' })]).verdicts[0]!;
    expect(verdict).toMatchObject({ reason: 'EMAIL_NOT_FOUND', match: 'same-name', severa: { email: 'maija.lehto@x.fi' } });
  });
});

describe('checkOneEmail (the quick check)', () => {
  const input = {
    azetsUsers: [azets('Anna@x.fi', 'Anna', 4)],
    severaUsers: [severa('anna@x.fi'), severa('matti.virtanen@x.fi')],
    addon: 'active' as const,
    orgUsesSevera: 'yes' as const,
  };

  it('finds the Azets Work user stored in other case and gives their verdict', () => {
    expect(checkOneEmail(input, 'anna@x.fi')).toMatchObject({ reason: 'CASE_MISMATCH', azets: { email: 'Anna@x.fi', row: 4 } });
  });

  it('checks an address not in the Azets Work list as a new user, with suggestions', () => {
    const verdict = checkOneEmail(input, 'matti.virtane@x.fi');
    expect(verdict).toMatchObject({ reason: 'LIKELY_TYPO', azets: { email: 'matti.virtane@x.fi', row: null }, severa: { email: 'matti.virtanen@x.fi' } });
    expect(verdictWords(checkOneEmail(input, 'nobody@x.fi')).detail).toMatch(/not in the loaded Azets Work list either/);
  });
});
